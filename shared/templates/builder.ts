// Builds a document top to bottom in one readable column: each layer goes one row below
// the previous one and is wired to it unless told otherwise.
import type { BlockDefinition, GraphDocument, GraphEdge, GraphNode, Params } from '../graph/types';
import { BLOCK_NODE_TYPE, GRAPH_FORMAT, GRAPH_VERSION } from '../graph/types';
import { cloneData, edge } from './nodes';

/** Vertical distance between rows on the canvas. */
export const ROW_HEIGHT = 100;

export class ColumnBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly blocks: Record<string, BlockDefinition> = {};
  private last: string | undefined;

  constructor(private readonly name: string) {}

  /** Adds a layer below the previous one, fed by `from` (default: the previous layer). */
  layer(id: string, type: string, params: Params, from: string | string[] | null = this.last ?? null): string {
    this.nodes.push({ id, type, params, position: { x: 0, y: this.nodes.length * ROW_HEIGHT } });
    const sources = from === null ? [] : Array.isArray(from) ? from : [from];
    sources.forEach((s, port) => this.edges.push(edge(s, id, port)));
    this.last = id;
    return id;
  }

  /** Adds an instance of a block definition (the definition is stored in the document once). */
  block(id: string, definition: BlockDefinition, params: Params, from?: string): string {
    this.blocks[definition.id] ??= cloneData(definition);
    return this.layer(id, BLOCK_NODE_TYPE, { block: definition.id, ...params }, from);
  }

  build(meta: Record<string, unknown>): GraphDocument {
    return {
      format: GRAPH_FORMAT,
      version: GRAPH_VERSION,
      name: this.name,
      nodes: this.nodes,
      edges: this.edges,
      blocks: this.blocks,
      meta,
    };
  }
}
