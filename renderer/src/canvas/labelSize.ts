// Sizes of wire labels, measured with a canvas instead of React Flow's getBBox on each
// label: getBBox forces a layout of the page for every label drawn (13 per edit, dozens per
// zoom step on a large graph), while measureText does not touch the page at all.

/** Matches `.react-flow__edge-text` in app.css and the label style ShapeEdge gives. */
export const LABEL_FONT_PX = 10.5;

export interface LabelSize {
  width: number;
  height: number;
}

let context: CanvasRenderingContext2D | null | undefined;
const sizes = new Map<string, LabelSize>();

function measuringContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (context) {
    const mono = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace';
    context.font = `${LABEL_FONT_PX}px ${mono}`;
  }
  return context;
}

/** The size SVG would give the label's text (its font box), cached per text. */
export function labelSize(text: string): LabelSize {
  let size = sizes.get(text);
  if (size) return size;
  const ctx = measuringContext();
  if (ctx) {
    const m = ctx.measureText(text);
    size = { width: m.width, height: m.fontBoundingBoxAscent + m.fontBoundingBoxDescent };
  } else {
    // No canvas (tests without a layout engine): a monospace estimate.
    size = { width: text.length * LABEL_FONT_PX * 0.6, height: LABEL_FONT_PX * 1.2 };
  }
  sizes.set(text, size);
  return size;
}
