// Document versions and the migrations between them. Each bump of GRAPH_VERSION adds one
// entry to MIGRATIONS (keyed by the version it upgrades from), so an old file is walked up
// one version at a time and then validated by the current schema.
import { z } from 'zod';
import { describeIssues } from './issues';
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
  /** Sentences for what is wrong with the input in its own version's terms (empty: fine). */
  check(raw: Record<string, unknown>): string[];
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
      return result.success ? [] : describeIssues(result.error.issues, raw).map((m) => `${m.replace(/\.$/, '')} (in the version 1 document).`);
    },
    up: migrateV1toV2,
  },
};

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; errors: string[] };

/**
 * Brings a raw document (parsed JSON) up to GRAPH_VERSION. It does not validate the result
 * against the current schema; parseDocument does that next.
 */
export function migrateDocument(raw: unknown): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: ['This is not a ResWire graph: the file must hold a JSON object.'] };
  }
  const doc = raw as Record<string, unknown>;
  if (doc.format !== GRAPH_FORMAT) {
    const got = doc.format === undefined ? 'has no "format" field' : `has format ${JSON.stringify(doc.format)}`;
    return { ok: false, errors: [`This is not a ResWire graph: it ${got}, expected "format": "${GRAPH_FORMAT}".`] };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`version must be a whole number from 1 to ${GRAPH_VERSION}, not ${JSON.stringify(version)}.`] };
  }
  if (version > GRAPH_VERSION) {
    return {
      ok: false,
      errors: [
        `This graph was written by a newer ResWire (document version ${version}; this build reads up to version ${GRAPH_VERSION}). Update ResWire to open it.`,
      ],
    };
  }
  if (version === GRAPH_VERSION) return { ok: true, value: doc };
  let current = doc;
  for (let v = version; v < GRAPH_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, errors: [`No migration from document version ${v} exists; this file cannot be upgraded.`] };
    const problems = step.check(current);
    if (problems.length > 0) return { ok: false, errors: problems };
    current = step.up(current);
  }
  return { ok: true, value: current, migratedFrom: version };
}
