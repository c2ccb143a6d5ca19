// Writes ONNX ModelProto bytes (protobuf wire format) for the small part of the schema the
// engine builds: nodes with int/float/ints/floats/string/tensor attributes, float and int64
// initializers, and typed graph inputs and outputs. Field numbers follow onnx.proto3.

/** ONNX TensorProto.DataType values the engine uses. */
export const DataType = { FLOAT: 1, INT64: 7 } as const;
export type DataTypeValue = (typeof DataType)[keyof typeof DataType];

/** A plain number is an INT when integral, else a FLOAT; `{ float }` forces a FLOAT (alpha = 1). */
export type AttrValue = number | number[] | string | { float: number } | { floats: number[] } | { ints: number[] } | TensorData;

export interface TensorData {
  name?: string;
  dims: number[];
  dataType: DataTypeValue;
  /** FLOAT: a Float32Array; INT64: plain numbers (safe integers). */
  values: Float32Array | number[];
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  attrs?: Record<string, AttrValue>;
}

export interface ValueSpec {
  name: string;
  dataType: DataTypeValue;
  /** Fixed sizes, or a symbolic name for a free dimension. */
  dims: (number | string)[];
}

export interface ModelSpec {
  graphName: string;
  nodes: NodeSpec[];
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers?: TensorData[];
  opset?: number;
  producer?: string;
}

const enc = new TextEncoder();

/** A growable byte buffer with protobuf's varint and length-delimited writers. */
class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  varint(value: number): void {
    // Negative int64 values take ten bytes in two's complement.
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }

  tag(field: number, wire: 0 | 1 | 2 | 5): void {
    this.varint((field << 3) | wire);
  }

  uint(field: number, value: number): void {
    this.tag(field, 0);
    this.varint(value);
  }

  bytes(field: number, data: Uint8Array): void {
    this.tag(field, 2);
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  string(field: number, text: string): void {
    this.bytes(field, enc.encode(text));
  }

  float(field: number, value: number): void {
    this.tag(field, 5);
    this.ensure(4);
    new DataView(this.buf.buffer).setFloat32(this.len, value, true);
    this.len += 4;
  }

  message(field: number, write: (w: Writer) => void): void {
    const inner = new Writer();
    write(inner);
    this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function writeTensor(w: Writer, t: TensorData): void {
  for (const d of t.dims) w.uint(1, d);
  w.uint(2, t.dataType);
  if (t.name) w.string(8, t.name);
  if (t.dataType === DataType.FLOAT) {
    const f = t.values instanceof Float32Array ? t.values : Float32Array.from(t.values);
    w.bytes(9, new Uint8Array(f.buffer, f.byteOffset, f.byteLength));
  } else {
    const raw = new BigInt64Array(t.values.length);
    for (let i = 0; i < t.values.length; i++) raw[i] = BigInt(t.values[i]);
    w.bytes(9, new Uint8Array(raw.buffer));
  }
}

// AttributeProto.AttributeType
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

function writeAttr(w: Writer, name: string, value: AttrValue): void {
  w.string(1, name);
  if (typeof value === 'string') {
    w.bytes(4, enc.encode(value));
    w.uint(20, ATTR.STRING);
  } else if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      w.uint(3, value);
      w.uint(20, ATTR.INT);
    } else {
      w.float(2, value);
      w.uint(20, ATTR.FLOAT);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) w.uint(8, v);
    w.uint(20, ATTR.INTS);
  } else if ('float' in value) {
    w.float(2, value.float);
    w.uint(20, ATTR.FLOAT);
  } else if ('floats' in value) {
    for (const v of value.floats) w.float(7, v);
    w.uint(20, ATTR.FLOATS);
  } else if ('ints' in value) {
    for (const v of value.ints) w.uint(8, v);
    w.uint(20, ATTR.INTS);
  } else {
    w.message(5, (t) => writeTensor(t, value));
    w.uint(20, ATTR.TENSOR);
  }
}

function writeValueInfo(w: Writer, v: ValueSpec): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.uint(1, v.dataType);
      tensor.message(2, (shape) => {
        for (const d of v.dims) {
          shape.message(1, (dim) => (typeof d === 'number' ? dim.uint(1, d) : dim.string(2, d)));
        }
      });
    }),
  );
}

function writeNode(w: Writer, n: NodeSpec): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.op);
  for (const [name, value] of Object.entries(n.attrs ?? {})) w.message(5, (a) => writeAttr(a, name, value));
  if (n.domain) w.string(7, n.domain);
}

/** Serialises a model: ir_version 8, the default domain at `opset` (17 unless given). */
export function encodeModel(spec: ModelSpec): Uint8Array {
  const w = new Writer();
  w.uint(1, 8); // ir_version
  w.string(2, spec.producer ?? 'reswire');
  w.message(7, (g) => {
    for (const n of spec.nodes) g.message(1, (m) => writeNode(m, n));
    g.string(2, spec.graphName);
    for (const t of spec.initializers ?? []) g.message(5, (m) => writeTensor(m, t));
    for (const v of spec.inputs) g.message(11, (m) => writeValueInfo(m, v));
    for (const v of spec.outputs) g.message(12, (m) => writeValueInfo(m, v));
  });
  w.message(8, (o) => {
    o.string(1, '');
    o.uint(2, spec.opset ?? 17);
  });
  return w.finish();
}
