// Editor UI state that is not part of the document: selection, messages, open dialogs.
import { create } from 'zustand';
import type { MessageKey, Vars } from '../i18n';
import type { Said } from '../i18n/messageText';

export type Tone = 'info' | 'success' | 'error';

/** Messages are stored untranslated so they follow a language switch. */
export interface Notice {
  id: number;
  tone: Tone;
  key: MessageKey;
  vars?: Vars;
  /** What the Node side or shared/ said (a sentence, often with its message data), shown after the key's text. */
  detail?: Said;
}

export type Dialog = 'none' | 'gallery' | 'shortcuts' | 'open' | 'saveAs';

export interface InsertPopupState {
  /** Screen position of the popup. */
  screen: { x: number; y: number };
  /** Where the new node lands on the canvas. */
  flow: { x: number; y: number };
}

interface UiState {
  selectedNodes: string[];
  selectedEdges: string[];
  notices: Notice[];
  /** Shown in the status line while a wire is dragged onto a port that refuses it. */
  connectionHint: { key: MessageKey; vars?: Vars } | null;
  dialog: Dialog;
  insertPopup: InsertPopupState | null;
  batchSize: number;
  select(nodes: string[], edges?: string[]): void;
  notify(tone: Tone, key: MessageKey, vars?: Vars, detail?: Said): void;
  dismiss(id: number): void;
  setConnectionHint(hint: UiState['connectionHint']): void;
  openDialog(dialog: Dialog): void;
  setInsertPopup(popup: InsertPopupState | null): void;
  setBatchSize(n: number): void;
}

let nextNoticeId = 1;
const NOTICE_MS = 3500;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export const useUi = create<UiState>((set, get) => ({
  selectedNodes: [],
  selectedEdges: [],
  notices: [],
  connectionHint: null,
  dialog: 'none',
  insertPopup: null,
  batchSize: 32,
  select(nodes, edges = []) {
    const s = get();
    if (sameList(s.selectedNodes, nodes) && sameList(s.selectedEdges, edges)) return;
    set({ selectedNodes: nodes, selectedEdges: edges });
  },
  notify(tone, key, vars, detail) {
    const id = nextNoticeId++;
    set({ notices: [...get().notices.slice(-1), { id, tone, key, vars, detail }] });
    setTimeout(() => get().dismiss(id), tone === 'error' ? NOTICE_MS * 2 : NOTICE_MS);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  setConnectionHint(hint) {
    const cur = get().connectionHint;
    if (cur === hint || (cur && hint && cur.key === hint.key && JSON.stringify(cur.vars) === JSON.stringify(hint.vars))) return;
    set({ connectionHint: hint });
  },
  openDialog(dialog) {
    set({ dialog });
  },
  setInsertPopup(insertPopup) {
    set({ insertPopup });
  },
  setBatchSize(batchSize) {
    set({ batchSize });
  },
}));
