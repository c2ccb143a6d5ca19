// What editor commands need from the mounted canvas (viewport, pointer, measured sizes),
// registered by the Canvas component so commands stay plain functions.
import type { Position } from '../../../shared/graph/types';

export interface CanvasBridge {
  fitView(): void;
  zoom(kind: 'in' | 'out' | 'reset'): void;
  /** The pointer's last position over the canvas, in flow coordinates. */
  pointer(): Position | null;
  /** The centre of the visible canvas, in flow coordinates. */
  center(): Position;
  sizeOf(nodeId: string): { width: number; height: number } | undefined;
}

let bridge: CanvasBridge | null = null;

export function setCanvasBridge(next: CanvasBridge | null): void {
  bridge = next;
}

export function canvasBridge(): CanvasBridge | null {
  return bridge;
}
