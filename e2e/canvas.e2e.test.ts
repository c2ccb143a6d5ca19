// What the canvas looks like around errors and on very tall graphs: wire labels never sit
// on (or under) an error note, a note beside a node at the canvas's right edge stays fully
// in view instead of under the properties panel, and the minimap of a flat ResNet-152 shows
// its layers as marks a person can see, with the view's place on it.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../shared/graph/serialize';
import type { GraphDocument, Params } from '../shared/graph/types';
import { buildTemplate } from '../shared/templates/index';
import { openStudio, type OpenStudio } from './harness';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A flat ResNet-20 with bad params on layers inside two shortcuts' spans and a stride that breaks an Add. */
function brokenResnet20(): GraphDocument {
  const g = buildTemplate('resnet', { depth: 20, flat: true });
  const set = (id: string, params: Params) => {
    const n = g.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}`);
    n.params = { ...n.params, ...params };
  };
  set('stage1_block1/bn1', { momentum: 5 });
  set('stage1_block2/bn1', { momentum: 7 });
  set('stage1_block3/conv1', { strides: 2 });
  return g;
}

/** ResNet-20 as blocks, with stage 2's second block widened alone: its identity shortcut no longer fits. */
function widenedResnet20(): GraphDocument {
  const g = buildTemplate('resnet', { depth: 20 });
  const n = g.nodes.find((x) => x.id === 'stage2_block2')!;
  n.params = { ...n.params, filters: 48 };
  return g;
}

const FILES = {
  'broken-resnet20.reswire.json': serializeDocument(brokenResnet20()),
  'widened-resnet20.reswire.json': serializeDocument(widenedResnet20()),
  'resnet152-flat.reswire.json': serializeDocument(buildTemplate('resnet152', { flat: true })),
};

let studio: OpenStudio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio({ files: FILES });
  page = studio.page;
  page.on('dialog', (d) => void d.accept());
  await page.locator('[data-testid=canvas]').waitFor();
});

afterAll(async () => {
  await studio?.close();
});

async function openFile(name: string): Promise<void> {
  await page.locator('[data-testid="open-button"]').click();
  await page.locator(`[data-testid="picker-list"] button:has-text("${name}")`).click();
  await page.locator('[data-testid="file-picker"]').waitFor({ state: 'detached' });
  // The "Opened ..." notice would go by itself after a while; a user reading notes closes it.
  for (const close of await page.locator('.notice .icon-button').all()) await close.click();
  await page.waitForTimeout(300);
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.width <= outer.x + outer.width + 0.5 && a.y + a.height <= outer.y + outer.height + 0.5;

/** Every drawn wire label and error note on screen, with the label's text. */
async function labelsAndNotes(): Promise<{ labels: (Box & { text: string; edge: string })[]; notes: (Box & { node: string })[] }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labels = Array.from(document.querySelectorAll('.react-flow__edge-textwrapper')).map((el) => ({
      ...box(el),
      text: el.textContent ?? '',
      edge: el.closest('.react-flow__edge')?.getAttribute('data-id') ?? '?',
    }));
    const notes = Array.from(document.querySelectorAll('.layer-node-error')).map((el) => ({ ...box(el), node: el.closest('.react-flow__node')?.getAttribute('data-id') ?? '?' }));
    return { labels, notes };
  });
}

async function overlapsOnScreen(): Promise<string[]> {
  const { labels, notes } = await labelsAndNotes();
  const out: string[] = [];
  for (const l of labels) for (const n of notes) if (intersects(l, n)) out.push(`label of ${l.edge} (${l.text}) on the note of ${n.node}`);
  return out;
}

/** Drags empty canvas by (dx, dy) screen pixels, starting at a point clear of nodes. */
async function pan(from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(150);
}

/** Pans so that a node's box lands with its given edge `gap` pixels inside the canvas's edge. */
async function bringToEdge(node: Locator, edges: { right?: number; left?: number; top?: number; bottom?: number }, grab: { x: number; y: number }): Promise<void> {
  const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
  const box = (await node.boundingBox())!;
  let dx = 0;
  let dy = 0;
  if (edges.right !== undefined) dx = canvas.x + canvas.width - edges.right - (box.x + box.width);
  if (edges.left !== undefined) dx = canvas.x + edges.left - box.x;
  if (edges.top !== undefined) dy = canvas.y + edges.top - box.y;
  if (edges.bottom !== undefined) dy = canvas.y + canvas.height - edges.bottom - (box.y + box.height);
  await pan(grab, dx, dy);
}

async function noteOf(id: string): Promise<{ box: Box; placement: string | null }> {
  const note = page.locator(`[data-testid="error-${id}"]`);
  return { box: (await note.boundingBox())!, placement: await note.getAttribute('data-placement') };
}

async function panelBoxes(): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const sel of ['[data-testid=minimap]', '.react-flow__controls']) {
    const b = await page.locator(sel).boundingBox();
    if (b) boxes.push(b);
  }
  return boxes;
}

describe('error notes and wire labels', () => {
  it('keeps every wire label clear of every error note, the note taking the side free of wires', async () => {
    await openFile('broken-resnet20.reswire.json');
    await expect.poll(() => page.locator('.layer-node-error').count()).toBeGreaterThan(0);
    await studio.screenshot('canvas-1-notes-and-labels');
    // The shortcut arcs out on the right of the column: the note goes on the left, in the clear.
    expect((await noteOf('stage1_block1/bn1')).placement).toBe('left');
    expect(await overlapsOnScreen()).toEqual([]);
    // A selected node raises its wires above other nodes: their labels still keep clear.
    await page.locator('[data-testid="node-stage1_block1/relu1"] .layer-node-head').click();
    await studio.screenshot('canvas-1b-selected');
    expect(await overlapsOnScreen()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('moves a note to the right of a node at the left edge, and the shortcut label out from under it', async () => {
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await bringToEdge(page.locator('[data-testid="node-stage1_block1/bn1"]'), { left: 30 }, { x: canvas.x + canvas.width - 60, y: canvas.y + 80 });
    const note = await noteOf('stage1_block1/bn1');
    await studio.screenshot('canvas-2-note-at-left-edge');
    expect(note.placement).toBe('right');
    expect(inside(note.box, canvas)).toBe(true);
    const { labels } = await labelsAndNotes();
    // The shortcut's label is still drawn, beside the note instead of under it.
    expect(labels.map((l) => l.edge)).toContain('stage1_block1/e_in_add');
    expect(await overlapsOnScreen()).toEqual([]);
  });

  it('keeps a note beside a node at the right edge of the canvas fully in view, not under the properties panel', async () => {
    await openFile('widened-resnet20.reswire.json');
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const node = page.locator('[data-testid="node-stage2_block2"]');
    await expect.poll(() => page.locator('[data-testid="error-stage2_block2"]').count()).toBe(1);
    // With room on both sides, a note reads on the right of its node.
    await bringToEdge(node, { left: canvas.width / 2 - 110, top: 120 }, { x: canvas.x + 60, y: canvas.y + canvas.height - 150 });
    expect((await noteOf('stage2_block2')).placement).toBe('right');
    await bringToEdge(node, { right: 20 }, { x: canvas.x + 40, y: canvas.y + 80 });
    const note = await noteOf('stage2_block2');
    await studio.screenshot('canvas-3-note-at-right-edge');
    expect(note.placement).toMatch(/^left/);
    expect(inside(note.box, canvas)).toBe(true);
    for (const panel of await panelBoxes()) expect(intersects(note.box, panel)).toBe(false);
    expect(await overlapsOnScreen()).toEqual([]);
  });

  it('grows a note upwards beside a node at the bottom edge, clear of the minimap and zoom buttons', async () => {
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const node = page.locator('[data-testid="node-stage2_block2"]');
    await bringToEdge(node, { left: canvas.width / 2 - 110, bottom: 12 }, { x: canvas.x + 40, y: canvas.y + 60 });
    const note = await noteOf('stage2_block2');
    await studio.screenshot('canvas-4-note-at-bottom-edge');
    expect(note.placement).toMatch(/-up$/);
    expect(inside(note.box, canvas)).toBe(true);
    for (const panel of await panelBoxes()) expect(intersects(note.box, panel)).toBe(false);
  });
});

interface MapPixels {
  width: number;
  height: number;
  /** Share of the map's pixels drawn as layer marks (in a family's colour). */
  marks: number;
  /** Heights of the marks met going down the map's busiest column. */
  runs: number[];
}

/** Reads the minimap's pixels: which are layer marks (saturated colour; the view box and track are grey). */
async function minimapPixels(): Promise<MapPixels> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=minimap] canvas')!;
    const { width, height } = canvas;
    const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    const isMark = (i: number) => data[i + 3] > 200 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60;
    let marks = 0;
    const perColumn = new Array<number>(width).fill(0);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (isMark((y * width + x) * 4)) {
          marks++;
          perColumn[x]++;
        }
      }
    }
    const column = perColumn.indexOf(Math.max(...perColumn));
    const runs: number[] = [];
    let run = 0;
    for (let y = 0; y <= height; y++) {
      if (y < height && isMark((y * width + column) * 4)) run++;
      else if (run) {
        runs.push(run);
        run = 0;
      }
    }
    return { width, height, marks: marks / (width * height), runs };
  });
}

describe('the minimap of a very tall graph', () => {
  it('shows a flat ResNet-152 (100 times taller than wide) as a tall map of distinct layer marks', async () => {
    await openFile('resnet152-flat.reswire.json');
    await studio.screenshot('canvas-5-resnet152-minimap');
    const map = page.locator('[data-testid=minimap]');
    const box = (await map.boundingBox())!;
    await map.screenshot({ path: 'test-results/e2e/canvas-5b-minimap.png' });
    expect(box.height).toBeGreaterThan(2 * box.width);
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    expect(box.height).toBeLessThan(canvas.height / 2);
    const pixels = await minimapPixels();
    expect(pixels.marks).toBeGreaterThan(0.06);
    // Layers are marks a person can tell apart, not a hairline: dozens, each a few pixels tall.
    const marks = pixels.runs.filter((h) => h >= 3);
    expect(marks.length).toBeGreaterThan(20);
    expect(await map.getAttribute('data-scrolls')).toBe('true');
  });

  it('travels the whole graph from the track along the map\'s edge, and the map follows', async () => {
    const map = page.locator('[data-testid=minimap]');
    const box = (await map.boundingBox())!;
    const before = await minimapPixels();
    // Stage 4 is the last 3 of 50 blocks: press the track near its bottom.
    await page.mouse.click(box.x + box.width - 4, box.y + box.height * 0.97);
    await page.waitForTimeout(300);
    await expect.poll(() => page.locator('.react-flow__node[data-id^="stage4_"]').count()).toBeGreaterThan(0);
    await studio.screenshot('canvas-6-resnet152-travelled');
    await map.screenshot({ path: 'test-results/e2e/canvas-6b-minimap.png' });
    const after = await minimapPixels();
    expect(after.marks).toBeGreaterThan(0.06);
    expect(after.runs).not.toEqual(before.runs);
    // Pressing a mark in the map brings the view there.
    const viewY = async () => Number(/translate\([-\d.]+px, ([-\d.]+)px\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1]);
    const deep = await viewY();
    await page.mouse.click(box.x + box.width / 2, box.y + 20);
    await expect.poll(viewY).toBeGreaterThan(deep);
    // Dragging the view's box down the map moves the view down the graph.
    await page.waitForTimeout(200);
    const from = await viewY();
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 80, { steps: 6 });
    await page.mouse.up();
    await expect.poll(viewY).toBeLessThan(from - 200);
    expect(studio.pageErrors).toEqual([]);
  });

  it('shows a graph that fits whole, without a track', async () => {
    await openFile('widened-resnet20.reswire.json');
    const map = page.locator('[data-testid=minimap]');
    await map.screenshot({ path: 'test-results/e2e/canvas-7-minimap-resnet20.png' });
    expect(await map.getAttribute('data-scrolls')).toBe('false');
    const pixels = await minimapPixels();
    expect(pixels.marks).toBeGreaterThan(0.06);
    expect(pixels.runs.filter((h) => h >= 3).length).toBeGreaterThanOrEqual(12);
  });
});
