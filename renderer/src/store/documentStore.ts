// The document store: the graph being edited, its undo history, where it is saved, and
// which block definition is open. Actions only call pure functions from shared/ and
// editing/; fast-changing state (training metrics, drag positions) lives elsewhere so a
// tick never re-renders the canvas.
import { create } from 'zustand';
import type { GraphEdit } from '../../../shared/graph/edits';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument } from '../../../shared/graph/types';
import { addBlockParam, changeBlockParam, removeBlockParam, type BlockParamChange, type BlockParamDraft, type BlockParamEdit } from '../editing/blockParams';
import { pushState, redoState, startHistory, undoState, type History } from '../editing/history';
import { applyScopedEdits, type ScopeId } from '../editing/scope';
import { t } from '../i18n';

export function emptyDocument(name: string): GraphDocument {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: [], edges: [], blocks: {} };
}

export interface DocumentState {
  history: History<GraphDocument>;
  /** The current document (history.present). */
  doc: GraphDocument;
  /** The document as last opened or saved; the title shows a dirty marker when it differs. */
  savedDoc: GraphDocument;
  /** Project file path, or null for a document never saved. */
  path: string | null;
  /** Block definitions opened for editing, outermost first; empty for the main graph. */
  scopePath: string[];
  /** Counts New/Open, so the canvas can fit the view to a freshly loaded document. */
  loadId: number;
  /** Replaces the document with `next` as one undoable step. */
  commit(next: GraphDocument): void;
  /** Applies edits to the open scope as one undoable step. */
  edit(edits: readonly GraphEdit[]): void;
  undo(): void;
  redo(): void;
  /** Starts over with a document (New, Open); history is cleared. */
  load(doc: GraphDocument, path: string | null, saved?: boolean): void;
  markSaved(doc: GraphDocument, path: string): void;
  openBlock(blockId: string): void;
  /** Back to a breadcrumb level: 0 is the main graph. */
  closeBlocksTo(depth: number): void;
  /** Adds a param to the open block definition as one undoable step; a refusal changes nothing. */
  addBlockParam(draft: BlockParamDraft): BlockParamEdit;
  /** Changes a param's default (and a choice's choices) as one undoable step; a refusal or no change commits nothing. */
  changeBlockParam(name: string, change: BlockParamChange): BlockParamEdit;
  /** Removes a param of the open block definition (refused while its layers use it). */
  removeBlockParam(name: string): BlockParamEdit;
}

export function currentScope(s: Pick<DocumentState, 'scopePath'>): ScopeId {
  return s.scopePath.length ? s.scopePath[s.scopePath.length - 1] : null;
}

/** Drops open blocks that no longer exist (after undo, ungroup or delete). */
function validScopes(doc: GraphDocument, scopePath: string[]): string[] {
  const i = scopePath.findIndex((id) => !doc.blocks[id]);
  return i < 0 ? scopePath : scopePath.slice(0, i);
}

export const useDocument = create<DocumentState>((set, get) => {
  const initial = emptyDocument(t('doc.untitled'));
  const withHistory = (history: History<GraphDocument>) => {
    const scopePath = validScopes(history.present, get().scopePath);
    set({ history, doc: history.present, scopePath: scopePath.length === get().scopePath.length ? get().scopePath : scopePath });
  };
  return {
    history: startHistory(initial),
    doc: initial,
    savedDoc: initial,
    path: null,
    scopePath: [],
    loadId: 0,
    commit(next) {
      withHistory(pushState(get().history, next));
    },
    edit(edits) {
      if (edits.length === 0) return;
      const { doc } = get();
      get().commit(applyScopedEdits(doc, currentScope(get()), edits));
    },
    undo() {
      withHistory(undoState(get().history));
    },
    redo() {
      withHistory(redoState(get().history));
    },
    load(doc, path, saved = true) {
      set({ history: startHistory(doc), doc, savedDoc: saved ? doc : emptyDocument(doc.name), path, scopePath: [], loadId: get().loadId + 1 });
    },
    markSaved(doc, path) {
      set({ savedDoc: doc, path });
    },
    openBlock(blockId) {
      if (!get().doc.blocks[blockId]) return;
      set({ scopePath: [...get().scopePath, blockId] });
    },
    closeBlocksTo(depth) {
      set({ scopePath: get().scopePath.slice(0, Math.max(0, depth)) });
    },
    addBlockParam(draft) {
      const scope = currentScope(get());
      const result = scope === null ? ({ ok: false, error: 'blockParam.noBlock' } as const) : addBlockParam(get().doc, scope, draft);
      if (result.ok) get().commit(result.doc);
      return result;
    },
    changeBlockParam(name, change) {
      const scope = currentScope(get());
      const result = scope === null ? ({ ok: false, error: 'blockParam.noBlock' } as const) : changeBlockParam(get().doc, scope, name, change);
      if (result.ok && result.doc !== get().doc) get().commit(result.doc);
      return result;
    },
    removeBlockParam(name) {
      const scope = currentScope(get());
      const result = scope === null ? ({ ok: false, error: 'blockParam.noBlock' } as const) : removeBlockParam(get().doc, scope, name);
      if (result.ok) get().commit(result.doc);
      return result;
    },
  };
});

export function isDirty(s: Pick<DocumentState, 'doc' | 'savedDoc'>): boolean {
  return s.doc !== s.savedDoc;
}
