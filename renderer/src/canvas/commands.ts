// Editor commands shared by the toolbar, keyboard shortcuts and menus. Each one reads the
// stores, calls pure functions, and commits at most one undoable step.
import { paramDefaults } from '../../../shared/catalog';
import { freshId, type GraphEdit } from '../../../shared/graph/edits';
import { BLOCK_NODE_TYPE, type GraphNode, type Position } from '../../../shared/graph/types';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { makePlainTwin } from '../../../shared/templates/plain';
import { groupIntoBlock, instanceParams, isBlockInstance, ungroupInstance } from '../editing/blocks';
import { copySelection, deleteNodes, parseClipboard, pastePayload } from '../editing/clipboard';
import { checkConnection, type ConnectionCheck } from '../editing/connect';
import { layoutGraph } from '../editing/layout';
import { applyScopedEdits, scopeGraph } from '../editing/scope';
import { t } from '../i18n';
import { currentScope, useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { canvasBridge } from './canvasBridge';

/** What the palette and the insert popup hand over: a layer type or a block. */
export type InsertItem = { kind: 'layer'; type: string } | { kind: 'residual'; id: string } | { kind: 'userBlock'; id: string };

function scopeState() {
  const s = useDocument.getState();
  const scope = currentScope(s);
  return { s, scope, view: scopeGraph(s.doc, scope) };
}

function selectedSet(): Set<string> {
  return new Set(useUi.getState().selectedNodes);
}

export function insertItem(item: InsertItem, at: Position): string | null {
  const { s, scope, view } = scopeState();
  let doc = s.doc;
  let node: GraphNode;
  const position = { x: Math.round(at.x), y: Math.round(at.y) };
  if (item.kind === 'layer') {
    const stem = item.type.toLowerCase();
    node = { id: freshId(view, stem), type: item.type, params: paramDefaults(item.type), position };
  } else {
    const builtIn = item.kind === 'residual' ? RESIDUAL_BLOCKS[item.id]?.definition : undefined;
    if (builtIn && !doc.blocks[item.id]) doc = { ...doc, blocks: { ...doc.blocks, [item.id]: structuredClone(builtIn) } };
    const def = doc.blocks[item.id];
    if (!def || item.id === scope) {
      useUi.getState().notify('error', 'notice.blockInsideItself');
      return null;
    }
    node = { id: freshId(view, item.id.replace(/[^a-z0-9]+/gi, '_')), type: BLOCK_NODE_TYPE, params: { block: item.id, ...instanceParams(def, {}) }, position };
  }
  // One undo step even when a block definition is added along with the node.
  s.commit(applyScopedEdits(doc, scope, [{ op: 'addNode', node }]));
  useUi.getState().select([node.id]);
  return node.id;
}

export function tryConnect(source: string, target: string, targetHandle: string | null | undefined): ConnectionCheck {
  const { s, view } = scopeState();
  const check = checkConnection(s.doc, view, source, target, targetHandle);
  if (check.ok) {
    const id = freshId(view, `${source}_${target}`);
    s.edit([{ op: 'addEdge', edge: { id, source, target, targetPort: check.port } }]);
  }
  return check;
}

export function deleteSelection(): void {
  const { s, scope } = scopeState();
  const ui = useUi.getState();
  if (ui.selectedNodes.length === 0 && ui.selectedEdges.length === 0) return;
  s.commit(deleteNodes(s.doc, scope, selectedSet(), new Set(ui.selectedEdges)));
  ui.select([], []);
}

export function selectAll(): void {
  const { view } = scopeState();
  useUi.getState().select(view.nodes.map((n) => n.id));
}

/** The selection as clipboard text, or null when nothing is selected. */
export function selectionAsText(): string | null {
  const { s, view } = scopeState();
  const payload = copySelection(s.doc, view, selectedSet());
  return payload ? JSON.stringify(payload) : null;
}

export function pasteText(text: string, at?: Position): boolean {
  const payload = parseClipboard(text);
  if (!payload) {
    useUi.getState().notify('error', 'notice.pasteNotGraph');
    return false;
  }
  const { s, scope } = scopeState();
  const result = pastePayload(s.doc, scope, payload, at ?? canvasBridge()?.pointer() ?? undefined);
  s.commit(result.doc);
  useUi.getState().select(result.nodeIds);
  return true;
}

export function duplicateSelection(): void {
  const text = selectionAsText();
  if (!text) return;
  const payload = parseClipboard(text)!;
  const { s, scope } = scopeState();
  const result = pastePayload(s.doc, scope, payload);
  s.commit(result.doc);
  useUi.getState().select(result.nodeIds);
}

export function groupSelection(): void {
  const { s, scope } = scopeState();
  const ui = useUi.getState();
  const name = t('block.defaultName', { n: Object.keys(s.doc.blocks).length + 1 });
  const result = groupIntoBlock(s.doc, scope, selectedSet(), name);
  if (!result.ok) {
    ui.notify('error', `group.${result.reason}`);
    return;
  }
  s.commit(result.doc);
  ui.select([result.instanceId]);
  ui.notify('success', 'notice.grouped', { name });
}

export function ungroupSelection(): void {
  const { s, scope, view } = scopeState();
  const ui = useUi.getState();
  const instances = view.nodes.filter((n) => ui.selectedNodes.includes(n.id) && isBlockInstance(n));
  if (instances.length === 0) {
    ui.notify('error', 'notice.ungroupNeedsBlock');
    return;
  }
  let doc = s.doc;
  const added: string[] = [];
  for (const inst of instances) {
    const r = ungroupInstance(doc, scope, inst.id);
    if (r.ok) {
      doc = r.doc;
      added.push(...r.nodeIds);
    }
  }
  s.commit(doc);
  ui.select(added);
}

export async function tidy(): Promise<void> {
  const { view } = scopeState();
  if (view.nodes.length === 0) return;
  const positions = await layoutGraph(view, (id) => canvasBridge()?.sizeOf(id));
  // The document may have changed while ELK ran; move only nodes that still exist.
  const { s, view: now } = scopeState();
  const edits: GraphEdit[] = [];
  for (const n of now.nodes) {
    const p = positions.get(n.id);
    if (p && (p.x !== n.position.x || p.y !== n.position.y)) edits.push({ op: 'moveNode', nodeId: n.id, position: p });
  }
  s.edit(edits);
  requestAnimationFrame(() => canvasBridge()?.fitView());
}

export function openPlainTwin(): void {
  const { s } = scopeState();
  const twin = makePlainTwin(s.doc);
  const ui = useUi.getState();
  if (JSON.stringify(twin.nodes) === JSON.stringify(s.doc.nodes) && JSON.stringify(twin.blocks) === JSON.stringify(s.doc.blocks)) {
    ui.notify('info', 'notice.noShortcuts');
    return;
  }
  s.load(twin, null, false);
  ui.select([]);
  ui.notify('success', 'notice.plainTwin', { name: twin.name });
}

export function applyMoves(moves: { id: string; position: Position }[]): void {
  const edits: GraphEdit[] = moves.map((m) => ({ op: 'moveNode', nodeId: m.id, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } }));
  useDocument.getState().edit(edits);
}
