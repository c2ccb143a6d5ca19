// Runtime validation of a graph document: migrations first, then the zod schema (shapes of
// the data), then the reference checks (ids, edges, layer types, block definitions).
import { z } from 'zod';
import { english, msg, type Message } from '../i18n/messages';
import { clauseText, issueMessages } from './issues';
import { migrateDocument } from './migrations';
import { checkReferences } from './references';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument } from './types';

const VALUE_WORDS = clauseText('clause.paramValue');
const SCALAR_WORDS = clauseText('clause.scalar');

const paramRefSchema = z.strictObject({ $param: z.string().min(1), scale: z.number().optional() });

export const paramValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.number()), paramRefSchema, z.null()], {
  error: VALUE_WORDS,
});

export const conditionSchema = z.object({
  param: z.string().min(1),
  equals: z.union([z.string(), z.number(), z.boolean()], { error: SCALAR_WORDS }),
});

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const nodeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  params: z.record(z.string(), paramValueSchema),
  position: positionSchema,
  label: z.string().optional(),
  when: conditionSchema.optional(),
});

export const edgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  targetPort: z.number().int().min(0),
  when: conditionSchema.optional(),
});

const scalarSchema = z.union([z.number(), z.string(), z.boolean()], { error: clauseText('clause.default') });

export const blockParamSchema = z.object({
  kind: z.enum(['int', 'float', 'bool', 'enum']),
  default: scalarSchema,
  options: z.array(z.union([z.string(), z.number()], { error: clauseText('clause.option') })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  label: z.string().optional(),
  help: z.string().optional(),
});

export const blockDefinitionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  params: z.record(z.string(), blockParamSchema),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
});

export const graphDocumentSchema = z.object({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION),
  name: z.string(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  // Older writers of version 2 sometimes left blocks out; an absent map means no blocks.
  blocks: z.record(z.string(), blockDefinitionSchema).default({}),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export type ParseResult =
  | { ok: true; doc: GraphDocument; migratedFrom?: number }
  /** `errors` are the English sentences of `texts`, one each, in order. */
  | { ok: false; errors: string[]; texts: Message[] };

function refused(texts: Message[]): ParseResult {
  return { ok: false, errors: texts.map(english), texts };
}

/**
 * Reads a graph document from parsed JSON (or JSON text): migrates it to the current
 * version, validates it, and checks every reference. Errors name the bad field by path.
 */
export function parseDocument(json: unknown): ParseResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (err) {
      return refused([msg('doc.notJson', { reason: (err as Error).message })]);
    }
  }
  const migrated = migrateDocument(input);
  if (!migrated.ok) return migrated;
  const parsed = graphDocumentSchema.safeParse(migrated.value);
  if (!parsed.success) return refused(issueMessages(parsed.error.issues, migrated.value));
  const doc = parsed.data as GraphDocument;
  const texts = checkReferences(doc);
  if (texts.length > 0) return refused(texts);
  return migrated.migratedFrom === undefined ? { ok: true, doc } : { ok: true, doc, migratedFrom: migrated.migratedFrom };
}
