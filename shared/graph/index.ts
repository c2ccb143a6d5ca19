// The graph model: documents, their validation and migrations, blocks, and whole-graph
// shape inference. Pure TypeScript, shared by the renderer, the engine and the CLI.
export * from './types';
export { applyEdits, EditError, freshId } from './edits';
export type { Fix, GraphEdit } from './edits';
export type { GraphAnalysis, GraphError, GraphTotals, NodeInfo } from './analysis';
export {
  graphDocumentSchema,
  blockDefinitionSchema,
  nodeSchema,
  edgeSchema,
  parseDocument,
} from './schema';
export type { ParseResult } from './schema';
export { serializeDocument } from './serialize';
export { migrateDocument, MIGRATIONS } from './migrations';
export type { GraphDocumentV1, Migration, MigrationResult } from './migrations';
export { checkReferences, isParamRef } from './references';
export {
  blockInstanceArity,
  blockContainmentCycle,
  blockPorts,
  conditionHolds,
  instantiateBlock,
  resolveInstanceParams,
} from './block-defs';
export type { BlockParamValues, ConcreteBlock, FieldProblem } from './block-defs';
export { expandBlocks, BlockError } from './blocks';
export { inferGraph } from './infer';
export { createInference } from './incremental';
export type { Inference } from './incremental';
export { formatPath, nodeName } from './format';
