// A small ONNX graph builder: unique value names, cached constants, one call per node.
import { type AttrValue, DataType, type ModelSpec, type NodeSpec, type TensorData, type ValueSpec } from './proto';

export class OnnxGraph {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: TensorData[] = [];
  readonly inputs: ValueSpec[] = [];
  readonly outputs: ValueSpec[] = [];
  private count = 0;
  private readonly constants = new Map<string, string>();

  /** A fresh value name starting with `hint`. */
  fresh(hint: string): string {
    return `${hint.replace(/[^A-Za-z0-9_/.]/g, '_')}__${this.count++}`;
  }

  /** Adds one node and returns its (first) output. */
  op(op: string, inputs: string[], attrs?: Record<string, AttrValue>, hint = op): string {
    return this.opN(op, inputs, 1, attrs, hint)[0];
  }

  opN(op: string, inputs: string[], outputs: number, attrs?: Record<string, AttrValue>, hint = op): string[] {
    const names = Array.from({ length: outputs }, () => this.fresh(hint));
    this.nodes.push({ op, inputs, outputs: names, attrs });
    return names;
  }

  /** A 1-D int64 constant (shapes, axes, slice bounds), shared between uses. */
  ints(values: number[]): string {
    return this.constant(`i:${values.join(',')}`, { dims: [values.length], dataType: DataType.INT64, values });
  }

  /** A float scalar constant. */
  scalar(value: number): string {
    return this.constant(`f:${value}`, { dims: [], dataType: DataType.FLOAT, values: new Float32Array([value]) });
  }

  /** A float constant of any shape (pooling divisors, fixed filters). */
  floats(dims: number[], values: Float32Array): string {
    const name = this.fresh('const');
    this.initializers.push({ name, dims, dataType: DataType.FLOAT, values });
    return name;
  }

  private constant(key: string, tensor: Omit<TensorData, 'name'>): string {
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.fresh('const');
    this.initializers.push({ ...tensor, name });
    this.constants.set(key, name);
    return name;
  }

  input(name: string, dims: (number | string)[]): string {
    this.inputs.push({ name, dataType: DataType.FLOAT, dims });
    return name;
  }

  /** Declares `value` a graph output called `name` (through an Identity when the names differ). */
  output(name: string, value: string, dims: (number | string)[]): void {
    if (value !== name) this.nodes.push({ op: 'Identity', inputs: [value], outputs: [name] });
    this.outputs.push({ name, dataType: DataType.FLOAT, dims });
  }

  model(graphName: string): ModelSpec {
    return { graphName, nodes: this.nodes, inputs: this.inputs, outputs: this.outputs, initializers: this.initializers, opset: 17 };
  }
}
