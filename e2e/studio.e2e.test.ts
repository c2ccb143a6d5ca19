// What a new user does first: create ResNet-20 from the gallery, change a stage, see it stay
// valid, save, reopen and find it identical; make its plain twin; copy a block into another
// graph. Then timings for ResNet-152 expanded on the canvas (printed, not asserted).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio, type OpenStudio } from './harness';

let studio: OpenStudio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio();
  page = studio.page;
  page.on('dialog', (d) => void d.accept());
  await page.locator('[data-testid=canvas]').waitFor();
});

afterAll(async () => {
  await studio?.close();
});

const node = (id: string) => page.locator(`[data-testid="node-${id}"]`);
const validity = () => page.locator('[data-testid="validity"]').textContent();
/** Nodes drawn on screen (React Flow leaves out the ones outside the view). */
const nodeCount = () => page.locator('.react-flow__node').count();
/** Nodes in the document, from the summary shown when nothing is selected. */
async function docNodes(): Promise<number> {
  await page.keyboard.press('Escape');
  const text = (await page.locator('[data-testid="document-summary"]').textContent()) ?? '';
  return Number(/Nodes (\d+)/.exec(text)?.[1] ?? NaN);
}

async function createFromGallery(template: string, options: Record<string, string | boolean> = {}): Promise<void> {
  await page.locator('[data-testid="new-button"]').click();
  await page.locator(`[data-testid="template-${template}"]`).click();
  for (const [name, value] of Object.entries(options)) {
    const field = page.locator(`[data-testid="option-${name}"]`);
    if (typeof value === 'boolean') await field.setChecked(value);
    else await field.fill(value);
  }
  await page.locator('[data-testid="gallery-create"]').click();
  await page.locator('[data-testid="template-gallery"]').waitFor({ state: 'detached' });
}

async function setBlockFilters(id: string, filters: string): Promise<void> {
  await node(id).locator('.layer-node-head').click();
  const field = page.locator('[data-testid="param-filters"]');
  await field.fill(filters);
  await field.press('Enter');
}

async function saveAs(name: string): Promise<string> {
  await page.locator('[data-testid="save-as-button"]').click();
  await page.locator('[data-testid="picker-name"]').fill(name);
  await page.locator('[data-testid="picker-save"]').click();
  await expect.poll(() => page.locator('[data-testid="dirty-marker"]').count()).toBe(0);
  return readFileSync(path.join(studio.served.projectDir, name), 'utf8');
}

describe('a first session with the studio', () => {
  it('creates ResNet-20 from the gallery, valid, with its parameter count', async () => {
    await page.locator('[data-testid="new-button"]').click();
    await studio.screenshot('studio-1-gallery');
    await page.keyboard.press('Escape');
    await createFromGallery('resnet', { depth: '20' });
    await expect.poll(validity).toBe('Valid');
    expect(await docNodes()).toBe(16);
    expect(await page.locator('[data-testid="total-params"]').textContent()).toBe('274k');
    expect(await page.locator('[data-testid="doc-title"]').textContent()).toContain('ResNet-20');
    await studio.screenshot('studio-2-resnet20');
  });

  it('changes a stage (stage 2 to 48 filters) and stays valid once the stage agrees', async () => {
    await page.locator('text=Zoom to fit').click();
    await setBlockFilters('stage2_block1', '48');
    // The next block's identity shortcut now adds 48 channels to 32: the studio says so.
    await expect.poll(validity).not.toBe('Valid');
    await studio.screenshot('studio-3-stage-half-changed');
    await setBlockFilters('stage2_block2', '48');
    await setBlockFilters('stage2_block3', '48');
    await expect.poll(validity).toBe('Valid');
    expect(await node('stage2_block3').locator('.layer-node-shape').textContent()).toBe('16×16×48');
    await studio.screenshot('studio-4-stage-changed');
  });

  it('saves, reloads, reopens and finds it identical', async () => {
    const saved = await saveAs('resnet20-wide.reswire.json');
    expect(JSON.parse(saved).nodes).toHaveLength(16);
    await page.reload();
    await page.locator('[data-testid=canvas]').waitFor();
    await page.locator('[data-testid="recent-button"]').click();
    await page.locator('.menu-list >> text=resnet20-wide.reswire.json').first().click();
    await expect.poll(docNodes).toBe(16);
    await expect.poll(validity).toBe('Valid');
    await studio.screenshot('studio-5-reopened');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-testid="notice-success"]').count()).toBeGreaterThan(0);
    expect(readFileSync(path.join(studio.served.projectDir, 'resnet20-wide.reswire.json'), 'utf8')).toBe(saved);
  });

  it('makes the plain twin, which is valid and has no Add left', async () => {
    await page.locator('[data-testid="plain-twin-button"]').click();
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent()).toContain('(plain)');
    await expect.poll(validity).toBe('Valid');
    await node('stage1_block1').locator('.layer-node-head').dblclick();
    await page.locator('[data-testid="breadcrumb"]').waitFor();
    expect(await page.locator('[data-node-type="Add"]').count()).toBe(0);
    await studio.screenshot('studio-6-plain-twin-block');
    await page.locator('[data-testid="breadcrumb-root"]').click();
  });

  it('copies a block instance and pastes it, definition included, into a new blank graph', async () => {
    await createFromGallery('resnet', { depth: '20' });
    await node('stage1_block1').locator('.layer-node-head').click();
    await page.keyboard.press('Control+c');
    await createFromGallery('blank');
    expect(await docNodes()).toBe(0);
    await page.locator('[data-testid=canvas]').hover();
    await page.keyboard.press('Control+v');
    await expect.poll(nodeCount).toBe(1);
    expect(await page.locator('.layer-node.is-block').count()).toBe(1);
    await studio.screenshot('studio-7-pasted-block');
    expect(studio.pageErrors).toEqual([]);
  });
});

describe('ResNet-152 expanded on the canvas (timings printed, not asserted)', () => {
  it('opens, re-infers after an edit, and pans', async () => {
    await page.locator('[data-testid="new-button"]').click();
    await page.locator('[data-testid="template-resnet152"]').click();
    await page.locator('[data-testid="option-flat"]').setChecked(true);
    await page.evaluate(() => ((window as unknown as { t0: number }).t0 = performance.now()));
    await page.locator('[data-testid="gallery-create"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && !document.querySelector('[data-testid="template-gallery"]'));
    const openMs = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - (window as unknown as { t0: number }).t0)))),
    );
    const summary = (await page.locator('[data-testid="document-summary"]').textContent()) ?? '';
    const layers = /Nodes \d+ · Wires \d+/.exec(summary)?.[0] ?? '?';
    await studio.screenshot('studio-8-resnet152-flat');

    await node('input').locator('.layer-node-head').click();
    const field = page.locator('[data-testid="param-shape"]');
    await field.fill('192, 192, 3');
    // Timed inside the page, from the Enter key to the first frame showing the new shapes.
    const editMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="param-shape"]')!;
          const start = performance.now();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          const check = () => {
            if (document.querySelector('[data-testid="shape-stem_conv"]')?.textContent === '96×96×64') resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    expect(await page.locator('[data-testid="shape-input"]').textContent()).toBe('192×192×3');
    const inferMs = await page.evaluate(() => performance.getEntriesByName('reswire:infer').at(-1)?.duration ?? NaN);

    const canvas = await page.locator('[data-testid=canvas]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; recording: boolean };
      w.frames = [];
      w.recording = true;
      let last = performance.now();
      const tick = (now: number) => {
        w.frames.push(now - last);
        last = now;
        if (w.recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Drag on empty canvas (left of the column, clear of the zoom buttons) to pan down the network.
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const before = await viewport();
    const x = canvas.x + 110;
    for (let sweep = 0; sweep < 4; sweep++) {
      await page.mouse.move(x, canvas.y + canvas.height - 170);
      await page.mouse.down();
      await page.mouse.move(x + 20, canvas.y + 40, { steps: 40 });
      await page.mouse.up();
    }
    expect(await viewport()).not.toBe(before);
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; recording: boolean };
      w.recording = false;
      return w.frames.slice(1);
    });
    await studio.screenshot('studio-9-resnet152-panned');
    const sorted = [...frames].sort((a, b) => a - b);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    console.log(
      [
        `ResNet-152 flat (${layers}):`,
        `  time to open (click Create to painted): ${openMs.toFixed(0)} ms`,
        `  edit Input shape -> new shapes on screen: ${editMs.toFixed(0)} ms (shape inference itself: ${inferMs.toFixed(1)} ms)`,
        `  frame time while panning: mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms over ${frames.length} frames`,
      ].join('\n'),
    );
    expect(frames.length).toBeGreaterThan(10);
  });
});
