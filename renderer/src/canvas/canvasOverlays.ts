// What is drawn over the graph and must stay clear of other things: error notes (in flow
// coordinates, published by the nodes that show them, read by wires to place their labels)
// and the panels over the canvas, the minimap and zoom buttons (in the pane's pixels, read
// by notes so that a note is not hidden under them).
import { create } from 'zustand';
import type { Rect } from './geometry';

interface CanvasOverlays {
  /** The error notes drawn now, by node id. */
  notes: ReadonlyMap<string, Rect>;
  /** The same rectangles as a list, one new list per change, for the wires to select. */
  noteRects: readonly Rect[];
  /** Panels drawn over the canvas, by name, relative to the pane's top left corner. */
  covers: readonly Rect[];
  coverByName: Readonly<Record<string, Rect>>;
  setNote(nodeId: string, rect: Rect | null): void;
  setCover(name: string, rect: Rect | null): void;
}

const sameRect = (a: Rect | undefined, b: Rect | null) =>
  (!a && !b) || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

export const useCanvasOverlays = create<CanvasOverlays>((set, get) => ({
  notes: new Map(),
  noteRects: [],
  covers: [],
  coverByName: {},
  setNote(nodeId, rect) {
    const { notes } = get();
    if (sameRect(notes.get(nodeId), rect)) return;
    const next = new Map(notes);
    if (rect) next.set(nodeId, rect);
    else next.delete(nodeId);
    set({ notes: next, noteRects: [...next.values()] });
  },
  setCover(name, rect) {
    const { coverByName } = get();
    if (sameRect(coverByName[name], rect)) return;
    const next = { ...coverByName };
    if (rect) next[name] = rect;
    else delete next[name];
    set({ coverByName: next, covers: Object.values(next) });
  },
}));
