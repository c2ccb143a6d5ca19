// The editor at 1,000 nodes (issue 5): a flat ResNet-290 for CIFAR (1,019 layers) opened
// from the project folder in Chromium. Prints, and writes to test-results/perf/editor.json,
// the time to open it, the time from an edit to its new shapes on screen (and the shape
// inference itself), and frame times while panning and zooming. Speed is not asserted
// (a loaded build machine would make that flaky); what the user sees after each step is.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../shared/graph/serialize';
import { buildTemplate } from '../shared/templates/index';
import { REPO_ROOT, openStudio, type OpenStudio } from './harness';

const PERF_DIR = path.join(REPO_ROOT, 'test-results', 'perf');
const FILE = 'resnet290-flat.reswire.json';
const DEPTH = 290;

const graph = buildTemplate('resnet', { depth: DEPTH, flat: true });
let studio: OpenStudio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio({ files: { [FILE]: serializeDocument(graph) } });
  page = studio.page;
  await page.locator('[data-testid=canvas]').waitFor();
});

afterAll(async () => {
  await studio?.close();
});

interface FrameStats {
  frames: number;
  mean: number;
  p95: number;
  max: number;
}

function frameStats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    frames: deltas.length,
    mean: round(deltas.reduce((a, b) => a + b, 0) / deltas.length),
    p95: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]),
    max: round(sorted[sorted.length - 1]),
  };
}

/** Records requestAnimationFrame deltas while `act` runs. */
async function recordFrames(act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { perfFrames: number[]; perfRecording: boolean };
    w.perfFrames = [];
    w.perfRecording = true;
    let last = -1;
    const tick = (now: number) => {
      if (last >= 0) w.perfFrames.push(now - last);
      last = now;
      if (w.perfRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as { perfFrames: number[]; perfRecording: boolean };
    w.perfRecording = false;
    return w.perfFrames;
  });
}

/**
 * Milliseconds from an action inside the page (a click, or Enter in a field) until a frame
 * showing `doneText` in `doneTestId` has been drawn: checked in each animation frame, and
 * timed by a message posted from the frame that has it, which arrives once that frame is painted.
 */
function timeInPage(startTestId: string, startAction: 'click' | 'enter', doneTestId: string, doneText: string): Promise<number> {
  return page.evaluate(
    ([startId, action, doneId, text]) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="${startId}"]`);
        if (!el) return reject(new Error(`no element ${startId}`));
        const painted = new MessageChannel();
        const start = performance.now();
        painted.port1.onmessage = () => resolve(performance.now() - start);
        const check = () => {
          if (document.querySelector(`[data-testid="${doneId}"]`)?.textContent === text) painted.port2.postMessage(null);
          else requestAnimationFrame(check);
        };
        if (action === 'click') el.click();
        else el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        requestAnimationFrame(check);
      }),
    [startTestId, startAction, doneTestId, doneText] as const,
  );
}

/**
 * Wires on screen whose ends are not on their ports (more than a pixel off), and how many
 * wires were checked. Nodes are drawn at the size the editor told React Flow, with the
 * handles it placed, so this is what shows whether those were right.
 */
async function wiresOffTheirPorts(): Promise<{ checked: number; off: string[] }> {
  const wires = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, port: e.targetPort }));
  return page.evaluate((list) => {
    const off: string[] = [];
    let checked = 0;
    const centre = (el: Element, edge: 'top' | 'bottom') => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: edge === 'top' ? r.top : r.bottom };
    };
    for (const w of list) {
      const path = document.querySelector<SVGPathElement>(`[data-testid="rf__edge-${w.id}"] path.react-flow__edge-path`);
      const source = document.querySelector(`.react-flow__node[data-id="${w.source}"] .react-flow__handle[data-handleid="out"]`);
      const target = document.querySelector(`.react-flow__node[data-id="${w.target}"]`);
      const port = target?.querySelector(`.react-flow__handle[data-handleid="in${w.port}"]`) ?? target?.querySelector('.react-flow__handle[data-handleid="in0"]');
      // Only wires with both ends on screen can be checked.
      if (!path || !source || !port) continue;
      checked++;
      const toScreen = path.getScreenCTM()!;
      const start = path.getPointAtLength(0).matrixTransform(toScreen);
      const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(toScreen);
      const a = centre(source, 'bottom');
      const b = centre(port, 'top');
      if (Math.hypot(start.x - a.x, start.y - a.y) > 1 || Math.hypot(end.x - b.x, end.y - b.y) > 1) {
        off.push(`${w.id}: starts ${start.x.toFixed(1)},${start.y.toFixed(1)} (port ${a.x.toFixed(1)},${a.y.toFixed(1)}), ends ${end.x.toFixed(1)},${end.y.toFixed(1)} (port ${b.x.toFixed(1)},${b.y.toFixed(1)})`);
      }
    }
    return { checked, off };
  }, wires);
}

/** The exact MACs total, from the totals bar's tooltip. */
async function macs(): Promise<number> {
  const title = (await page.locator('.totals-bar .total').nth(1).getAttribute('title')) ?? '';
  return Number(title.replace(/\D/g, ''));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

describe(`the editor with a ${graph.nodes.length}-node graph`, () => {
  const figures: Record<string, unknown> = { graph: `ResNet-${DEPTH} flat (CIFAR)`, nodes: graph.nodes.length, wires: graph.edges.length };

  it('opens the project from the file picker', async () => {
    await page.locator('[data-testid="open-button"]').click();
    const entry = page.locator(`[data-testid="picker-list"] button:has-text("${FILE}")`);
    await entry.waitFor();
    await entry.evaluate((el) => el.setAttribute('data-testid', 'perf-open-entry'));
    figures.openMs = round1(await timeInPage('perf-open-entry', 'click', 'shape-input', '32×32×3'));
    await page.locator('[data-testid="file-picker"]').waitFor({ state: 'detached' });
    const summary = (await page.locator('[data-testid="document-summary"]').textContent()) ?? '';
    expect(summary).toContain(`Nodes ${graph.nodes.length}`);
    expect(await page.locator('[data-testid="validity"]').textContent()).toContain('Valid');
    // Selected nodes are new objects for React Flow, placed with the handles the editor gave.
    for (const id of ['stem_conv', 'stage1_block1/add', 'stage1_block1/relu']) {
      await page.locator(`[data-testid="node-${id}"] .layer-node-head`).click({ modifiers: ['Control'] });
    }
    await expect.poll(() => page.locator('.layer-node.is-selected').count()).toBe(3);
    const wires = await wiresOffTheirPorts();
    expect(wires.checked).toBeGreaterThan(5);
    expect(wires.off).toEqual([]);
    await page.keyboard.press('Escape');
    await studio.screenshot('perf-1-opened');
  });

  it('re-infers the shapes of every layer after an edit of the input', async () => {
    const macsBefore = await macs();
    await page.locator('[data-testid="node-input"] .layer-node-head').click();
    // Input sides alternate, so every edit changes the shape of every layer; the first edit
    // runs code the page has not run before, the later ones show the steady state.
    const screen: number[] = [];
    const infer: number[] = [];
    for (const side of [64, 32, 64, 32, 64, 32, 64]) {
      await page.locator('[data-testid="param-shape"]').fill(`${side}, ${side}, 3`);
      screen.push(await timeInPage('param-shape', 'enter', 'shape-stem_conv', `${side}×${side}×16`));
      infer.push(await page.evaluate(() => performance.getEntriesByName('reswire:infer').at(-1)?.duration ?? NaN));
    }
    figures.editToScreenFirstMs = round1(screen[0]);
    figures.editToScreenMs = round1(median(screen.slice(1)));
    figures.inferFirstMs = round1(infer[0]);
    figures.inferMs = round1(median(infer.slice(1)));
    expect(await page.locator('[data-testid="shape-input"]').textContent()).toBe('64×64×3');
    // Layers far outside the view changed too: the MACs total (mostly convolutions) grows
    // with the input area, 4x for twice the side.
    expect(await macs()).toBeGreaterThan(3.9 * macsBefore);
    expect(await page.locator('[data-testid="validity"]').textContent()).toContain('Valid');
    await studio.screenshot('perf-2-edited');
  });

  it('pans with the mouse and zooms with the wheel', async () => {
    const canvas = await page.locator('[data-testid=canvas]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    // Drag on empty canvas (left of the column, clear of the zoom buttons) down the network.
    const before = await viewport();
    const x = canvas.x + 110;
    const pan = await recordFrames(async () => {
      for (let sweep = 0; sweep < 4; sweep++) {
        await page.mouse.move(x, canvas.y + canvas.height - 170);
        await page.mouse.down();
        await page.mouse.move(x + 20, canvas.y + 40, { steps: 40 });
        await page.mouse.up();
      }
    });
    const afterPan = await viewport();
    expect(afterPan).not.toBe(before);
    // Out to a view of well over a hundred layers and back in.
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    let zoomedOut: string | null = null;
    const wheel = async (dy: number, times: number) => {
      for (let i = 0; i < times; i++) {
        await page.mouse.wheel(0, dy);
        await page.waitForTimeout(30);
      }
    };
    const zoom = await recordFrames(async () => {
      await wheel(120, 14);
      zoomedOut = await viewport();
      await wheel(-120, 14);
    });
    expect(zoomedOut).not.toBe(afterPan);
    expect(Number(/scale\(([\d.]+)\)/.exec(zoomedOut ?? '')?.[1])).toBeLessThan(0.3);
    // Zoomed out and back, many nodes were drawn for the first time: their wires still meet their ports.
    const wires = await wiresOffTheirPorts();
    expect(wires.checked).toBeGreaterThan(5);
    expect(wires.off).toEqual([]);
    figures.pan = frameStats(pan);
    figures.zoom = frameStats(zoom);
    figures.panZoomP95Ms = frameStats([...pan, ...zoom]).p95;
    await studio.screenshot('perf-3-panned-zoomed');
    expect(studio.pageErrors).toEqual([]);

    mkdirSync(PERF_DIR, { recursive: true });
    const report = { ...figures, measuredAt: new Date().toISOString() };
    writeFileSync(path.join(PERF_DIR, 'editor.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report));
  });
});
