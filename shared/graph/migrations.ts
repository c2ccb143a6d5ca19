// Document versions and the migrations between them. Each bump of GRAPH_VERSION adds one
// entry to MIGRATIONS (keyed by the version it upgrades from), so an old file is walked up
// one version at a time and then validated by the current schema.
import { z } from 'zod';
import { english, list, msg, type Message } from '../i18n/messages';
import { issueMessages } from './issues';
import { GRAPH_FORMAT, GRAPH_VERSION } from './types';

/**
 * Version 1, the format before blocks existed: positions flat on the node (x, y), edges as
 * from/to with an optional input port, no block definitions.
 */
export interface GraphDocumentV1 {
  format: typeof GRAPH_FORMAT;
  version: 1;
  name: string;
  nodes: { id: string; type: string; params: Record<string, unknown>; x: number; y: number }[];
  edges: { id: string; from: string; to: string; port?: number }[];
  meta?: Record<string, unknown>;
}

const v1Schema = z.object({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(1),
  name: z.string(),
  nodes: z.array(
    z.object({ id: z.string(), type: z.string(), params: z.record(z.string(), z.unknown()), x: z.number(), y: z.number() }),
  ),
  edges: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), port: z.number().int().min(0).optional() })),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export interface Migration {
  /** The version this migration reads; it produces version `from + 1`. */
  from: number;
  /** What changed, for release notes and `reswire inspect`. */
  summary: string;
  /** What is wrong with the input in its own version's terms (empty: fine). */
  check(raw: Record<string, unknown>): Message[];
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

function migrateV1toV2(raw: Record<string, unknown>): Record<string, unknown> {
  const v1 = raw as unknown as GraphDocumentV1;
  const { nodes, edges, version: _version, ...rest } = v1;
  return {
    ...rest,
    version: 2,
    nodes: nodes.map(({ x, y, ...node }) => ({ ...node, position: { x, y } })),
    edges: edges.map(({ from, to, port, ...edge }) => ({ ...edge, source: from, target: to, targetPort: port ?? 0 })),
    blocks: {},
  };
}

export const MIGRATIONS: Record<number, Migration> = {
  1: {
    from: 1,
    summary: 'Positions move into node.position, edges become source/target/targetPort, block definitions are added.',
    check: (raw) => {
      const result = v1Schema.safeParse(raw);
      if (result.success) return [];
      return issueMessages(result.error.issues, raw).map((m) => msg('doc.inVersion', { problem: list([m], 'clauses'), version: 1 }));
    },
    up: migrateV1toV2,
  },
};

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; migratedFrom?: number }
  /** `errors` are the English sentences of `texts`, one each, in order. */
  | { ok: false; errors: string[]; texts: Message[] };

function refused(...texts: Message[]): MigrationResult {
  return { ok: false, errors: texts.map(english), texts };
}

/**
 * Brings a raw document (parsed JSON) up to GRAPH_VERSION. It does not validate the result
 * against the current schema; parseDocument does that next.
 */
export function migrateDocument(raw: unknown): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refused(msg('doc.notObject', {}));
  const doc = raw as Record<string, unknown>;
  if (doc.format !== GRAPH_FORMAT) {
    if (doc.format === undefined) return refused(msg('doc.noFormat', { expected: GRAPH_FORMAT }));
    return refused(msg('doc.wrongFormat', { format: String(JSON.stringify(doc.format)), expected: GRAPH_FORMAT }));
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refused(msg('doc.badVersion', { latest: GRAPH_VERSION, value: String(JSON.stringify(version)) }));
  }
  if (version > GRAPH_VERSION) return refused(msg('doc.newerVersion', { version, latest: GRAPH_VERSION }));
  if (version === GRAPH_VERSION) return { ok: true, value: doc };
  let current = doc;
  for (let v = version; v < GRAPH_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return refused(msg('doc.noMigration', { version: v }));
    const problems = step.check(current);
    if (problems.length > 0) return refused(...problems);
    current = step.up(current);
  }
  return { ok: true, value: current, migratedFrom: version };
}
