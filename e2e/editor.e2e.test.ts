// The editor in a real browser: build a residual branch by drag and drop, see the shapes,
// break it with a stride and repair it with the Fix, group it into a block, undo and redo,
// save, reload and reopen it identical, switch the UI language, see a broken project explained
// in Chinese, and add and remove a param of a block definition.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio, type OpenStudio } from './harness';

let studio: OpenStudio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio();
  page = studio.page;
  // Confirm dialogs (e.g. "discard unsaved changes?") are accepted, as a user would.
  page.on('dialog', (d) => void d.accept());
  await page.locator('[data-testid=canvas]').waitFor();
});

afterAll(async () => {
  await studio?.close();
});

const node = (id: string) => page.locator(`[data-testid="node-${id}"]`);
const shapeOf = (id: string) => page.locator(`[data-testid="shape-${id}"]`).textContent();
const nodeCount = () => page.locator('.react-flow__node').count();
const edgeCount = () => page.locator('.react-flow__edge').count();

async function dropFromPalette(key: string, x: number, y: number): Promise<void> {
  await page.locator(`[data-testid="palette-${key}"]`).dragTo(page.locator('[data-testid=canvas]'), { targetPosition: { x, y } });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from a node's output handle to an input handle, the way a user does. */
async function wire(from: string, to: string, port = 0, release = true): Promise<void> {
  const a = await centre(node(from).locator('.port-out'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 20, { steps: 4 });
  const b = await centre(node(to).locator(`[data-handleid="in${port}"]`));
  await page.mouse.move(b.x, b.y - 6, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  if (release) await page.mouse.up();
}

async function setField(name: string, value: string): Promise<void> {
  const field = page.locator(`[data-testid="param-${name}"]`);
  await field.fill(value);
  await field.press('Enter');
}

async function select(id: string, add = false): Promise<void> {
  await node(id).locator('.layer-node-head').click({ modifiers: add ? ['Control'] : [] });
}

describe('editing a residual branch in the studio', () => {
  it('builds Input → Conv2D → BatchNorm → ReLU → Conv2D → Add with a skip connection by drag and drop, and shows every shape', async () => {
    const column = ['layer:Input', 'layer:Conv2D', 'layer:BatchNorm', 'layer:Activation', 'layer:Conv2D', 'layer:Add'];
    for (const [i, key] of column.entries()) await dropFromPalette(key, 330, 50 + i * 100);
    expect(await nodeCount()).toBe(6);
    await select('input');
    await setField('shape', '32, 32, 32');
    await wire('input', 'conv2d');
    await wire('conv2d', 'batchnorm');
    await wire('batchnorm', 'activation');
    await wire('activation', 'conv2d_2');
    await wire('conv2d_2', 'add', 0);
    await wire('input', 'add', 1);
    expect(await edgeCount()).toBe(6);
    expect(await shapeOf('conv2d')).toBe('32×32×32');
    expect(await shapeOf('activation')).toBe('32×32×32');
    expect(await shapeOf('add')).toBe('32×32×32');
    // Every wire carries its shape as a label.
    expect(await page.locator('.react-flow__edge-text').allTextContents()).toEqual(Array(6).fill('32×32×32'));
    await studio.screenshot('editor-1-built');
  });

  it('refuses a bad value in a field with an inline error, without applying it', async () => {
    await select('conv2d');
    await page.locator('[data-testid="param-filters"]').fill('lots');
    await expect.poll(() => page.locator('[data-testid="param-error-filters"]').textContent()).toBe('Enter a whole number.');
    await page.locator('[data-testid="param-filters"]').press('Enter');
    expect(await shapeOf('conv2d')).toBe('32×32×32');
    await studio.screenshot('editor-2-field-error');
    await page.locator('[data-testid="param-filters"]').press('Escape');
  });

  it('shows the Add error when the first conv gets stride 2, and the Fix inserts a projection as one undoable step', async () => {
    await select('conv2d');
    await setField('strides', '2');
    expect(await shapeOf('conv2d')).toBe('16×16×32');
    await expect.poll(() => page.locator('[data-testid="error-add"]').count()).toBe(1);
    expect(await page.locator('[data-testid="validity"]').textContent()).not.toBe('Valid');
    await studio.screenshot('editor-3-stride-error');
    const before = await nodeCount();
    await page.locator('[data-testid="fix-add"]').click();
    await expect.poll(() => page.locator('[data-testid="error-add"]').count()).toBe(0);
    expect(await nodeCount()).toBeGreaterThan(before);
    expect(await shapeOf('add')).toBe('16×16×32');
    await studio.screenshot('editor-4-fixed');
    // One undo takes the whole fix back.
    await page.keyboard.press('Control+z');
    expect(await nodeCount()).toBe(before);
    await expect.poll(() => page.locator('[data-testid="error-add"]').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('[data-testid="error-add"]').count()).toBe(0);
    await page.locator('[data-testid="tidy-button"]').click();
    await page.waitForTimeout(400);
    await studio.screenshot('editor-5-tidy');
  });

  it('refuses a second input into a one-input layer while the wire is dragged, saying why', async () => {
    const edges = await edgeCount();
    await wire('input', 'batchnorm', 0, false);
    await expect.poll(() => page.locator('[data-testid="status-line"]').textContent()).toContain('batchnorm takes one input and already has one');
    await studio.screenshot('editor-6-refused-wire');
    await page.mouse.up();
    expect(await edgeCount()).toBe(edges);
  });

  it('groups the branch into a block, opens its definition, and undoes and redoes the grouping', async () => {
    const before = await nodeCount();
    // Box-select the branch: Shift and drag over empty canvas around it.
    const top = (await node('conv2d').boundingBox())!;
    const bottom = (await node('conv2d_2').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(top.x - 24, top.y - 10);
    await page.mouse.down();
    await page.mouse.move(top.x + top.width - 40, bottom.y + bottom.height + 10, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.layer-node.is-selected').count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid="node-properties"]').count()).toBe(0);
    await studio.screenshot('editor-7a-box-selected');
    await page.locator('[data-testid="group-selection"]').click();
    await expect.poll(nodeCount).toBe(before - 3);
    const block = page.locator('.layer-node.is-block');
    expect(await block.count()).toBe(1);
    expect(await shapeOf('add')).toBe('16×16×32');
    expect(await block.locator('.layer-node-shape').textContent()).toBe('16×16×32');
    await studio.screenshot('editor-7-grouped');

    await block.dblclick();
    await page.locator('[data-testid="breadcrumb"]').waitFor();
    await expect.poll(() => page.locator('[data-node-type="BlockInput"]').count()).toBe(1);
    // Inside the block the layers show the shapes of the instance's input.
    expect(await shapeOf('conv2d')).toBe('16×16×32');
    await studio.screenshot('editor-8-block-definition');
    await page.locator('[data-testid="breadcrumb-root"]').click();
    await expect.poll(() => page.locator('[data-testid="breadcrumb"]').count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(nodeCount).toBe(before);
    expect(await page.locator('.layer-node.is-block').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(nodeCount).toBe(before - 3);
    expect(await page.locator('[data-testid="validity"]').textContent()).not.toContain('Valid');
  });

  it('saves through the in-page picker, reloads, reopens the file and finds it identical', async () => {
    await page.locator('[data-testid="save-button"]').click();
    await page.locator('[data-testid="file-picker"]').waitFor();
    await page.locator('[data-testid="picker-name"]').fill('residual-branch.reswire.json');
    await studio.screenshot('editor-9-save-picker');
    await page.locator('[data-testid="picker-save"]').click();
    await expect.poll(() => page.locator('[data-testid="dirty-marker"]').count()).toBe(0);
    const file = path.join(studio.served.projectDir, 'residual-branch.reswire.json');
    const saved = readFileSync(file, 'utf8');
    const shapesBefore = await page.locator('.layer-node-shape').allTextContents();

    await page.reload();
    await page.locator('[data-testid=canvas]').waitFor();
    expect(await nodeCount()).toBe(0);
    await page.locator('[data-testid="open-button"]').click();
    await page.locator('[data-testid="picker-list"] >> text=residual-branch.reswire.json').click();
    await expect.poll(nodeCount).toBe(JSON.parse(saved).nodes.length);
    expect((await page.locator('.layer-node-shape').allTextContents()).sort()).toEqual(shapesBefore.sort());
    expect(await page.locator('[data-testid="doc-title"]').textContent()).not.toContain('●');
    await studio.screenshot('editor-10-reopened');
    // Saving the reopened graph writes the very same bytes.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-testid="notice-success"]').count()).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(saved);
  });

  it('inserts a layer by double-clicking the canvas and searching, and duplicates it with Ctrl+D', async () => {
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await page.mouse.dblclick(canvas.x + 60, canvas.y + canvas.height - 80);
    await page.locator('[data-testid="insert-popup"] input').fill('drop');
    await studio.screenshot('editor-11-insert-popup');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-node-type="Dropout"]').count()).toBe(1);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('[data-node-type="Dropout"]').count()).toBe(2);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('[data-node-type="Dropout"]').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-node-type="Dropout"]').count()).toBe(0);
  });

  it('filters the palette by search', async () => {
    await page.locator('[data-testid="palette-search"]').fill('pool');
    const titles = await page.locator('.palette-item-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['MaxPool2D', 'AvgPool2D', 'GlobalAvgPool2D', 'GlobalMaxPool2D']));
    expect(titles).not.toContain('Conv2D');
    await studio.screenshot('editor-12-palette-search');
    await page.locator('[data-testid="palette-search"]').fill('');
  });

  it('drops a built-in residual block from the Blocks family, with its params in the panel', async () => {
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await dropFromPalette('residual:bottleneck', 120, canvas.height - 120);
    await expect.poll(() => page.locator('.layer-node.is-block').count()).toBe(2);
    expect(await page.locator('[data-testid="param-shortcut"]').inputValue()).toBe('identity');
    expect(await page.locator('[data-testid="param-filters"]').inputValue()).toBe('64');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.layer-node.is-block').count()).toBe(1);
  });

  it('switches the whole UI to Simplified Chinese and back at runtime', async () => {
    await page.locator('[data-testid="language-select"]').selectOption('zh');
    expect(await page.locator('[data-testid="new-button"]').textContent()).toBe('新建');
    expect(await page.locator('[data-testid="group-button"]').textContent()).toBe('组合为模块');
    await select('add');
    expect(await page.locator('[data-testid="node-properties"]').textContent()).toContain('形状与规模');
    await page.locator('[data-testid="shortcuts-button"]').click();
    await studio.screenshot('editor-13-chinese');
    await page.keyboard.press('Escape');

    // Errors and fixes from the shape checker speak Chinese too, inside a block as well.
    await select('input');
    await setField('shape', '32, 32');
    const projError = page.locator('[data-testid="error-proj"]');
    await expect.poll(() => projError.textContent()).toContain('Conv2D proj 需要特征图 [H, W, C] 作为输入，但它的输入是秩为 2 的张量 [32, 32]');
    expect(await projError.locator('[data-testid="fix-proj"]').getAttribute('title')).toBe('在 Conv2D proj 之前插入 Reshape，变为 [32, 32, 1]');
    expect(await page.locator('.layer-node.is-block .error-text').first().textContent()).toMatch(/^模块 \S+（[^）]+）内部：Conv2D conv2d 需要特征图/);
    await select('proj');
    expect(await page.locator('[data-testid="param-padding"] option:checked').textContent()).toBe('same（保持尺寸）');
    expect(await page.locator('[data-testid="node-properties"]').textContent()).toContain('请在它之前插入 Reshape');
    await studio.screenshot('editor-zh-error');
    await page.keyboard.press('Control+z');
    await expect.poll(() => projError.count()).toBe(0);

    await page.locator('[data-testid="language-select"]').selectOption('en');
    expect(await page.locator('[data-testid="new-button"]').textContent()).toBe('New');
    expect(studio.pageErrors).toEqual([]);
  });

  it('explains in Chinese why a broken project cannot be opened, naming params by their Chinese labels', async () => {
    const broken = {
      format: 'reswire.graph',
      version: 2,
      name: 'broken',
      nodes: [
        { id: 'in', type: 'Input', params: { shape: [8, 8, 3] }, position: { x: 0, y: 0 } },
        { id: 'c3', type: 'Conv3D', params: {}, position: { x: 0, y: 100 } },
      ],
      edges: [{ id: 'e1', source: 'in', target: 'gone', targetPort: 0 }],
      blocks: {
        b: {
          id: 'b',
          name: 'B',
          params: {},
          nodes: [
            { id: 'i', type: 'BlockInput', params: { index: 0 }, position: { x: 0, y: 0 } },
            { id: 'k', type: 'Conv2D', params: { filters: 8, strides: { $param: 'stride' } }, position: { x: 0, y: 100 }, when: { param: 'shortcut', equals: 'projection' } },
            { id: 'o', type: 'BlockOutput', params: {}, position: { x: 0, y: 200 } },
          ],
          edges: [],
        },
      },
    };
    writeFileSync(path.join(studio.served.projectDir, 'broken.reswire.json'), JSON.stringify(broken, null, 2));
    await page.locator('[data-testid="language-select"]').selectOption('zh');
    await page.locator('[data-testid="open-button"]').click();
    await page.locator('[data-testid="picker-list"] >> text=broken.reswire.json').click();
    const problem = page.locator('[data-testid="picker-problem"]');
    await expect.poll(() => problem.textContent()).toContain('无法打开 broken.reswire.json：它不是这个版本能读取的 ResWire 图。');
    const text = (await problem.textContent())!;
    expect(text).toContain('节点 c3 的层类型“Conv3D”未知（nodes[1].type）');
    expect(text).toContain('edges[0].target 引用了节点“gone”，但该节点不存在');
    // The block param is named as the properties panel labels it ("stride" is 步长).
    expect(text).toContain('blocks.b.nodes[1].params.strides 引用了模块参数“步长”，但 blocks.b 的参数中没有声明它');
    expect(text).toMatch(/（另有 1 个问题）。$/);
    expect(text).not.toMatch(/Could not|refers to|does not/);
    await studio.screenshot('editor-zh-broken-project');
    // The same problem reads in English after switching back, and the graph was left as it was.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="language-select"]').selectOption('en');
    expect(await page.locator('.layer-node.is-block').count()).toBe(1);
  });

  it('adds a param to an opened block, refuses a bad name and the removal of a param in use, and instances show its default', async () => {
    await page.locator('.layer-node.is-block').dblclick();
    await page.locator('[data-testid="breadcrumb"]').waitFor();
    const panel = page.locator('[data-testid="block-definition"]');
    await expect.poll(() => panel.textContent()).toContain('This block has no parameters yet.');
    const addError = page.locator('[data-testid="add-param-error"]');
    await page.locator('[data-testid="new-param-name"]').fill('2wide');
    await expect.poll(() => addError.textContent()).toContain('“2wide” cannot be a parameter name');
    await page.locator('[data-testid="new-param-kind"]').selectOption('enum');
    await page.locator('[data-testid="new-param-options"]').fill('relu, gelu');
    await studio.screenshot('editor-14a-param-name-error');
    await page.locator('[data-testid="new-param-kind"]').selectOption('int');
    await page.locator('[data-testid="new-param-name"]').fill('width');
    await page.locator('[data-testid="add-param"]').click();
    await expect.poll(() => addError.textContent()).toBe('Enter a value.');
    await page.locator('[data-testid="new-param-default"]').fill('32');
    await page.locator('[data-testid="new-param-default"]').press('Enter');
    await expect.poll(() => page.locator('[data-testid="block-param-width"]').count()).toBe(1);
    expect(await page.locator('[data-testid="block-param-width"]').textContent()).toContain('Whole number · default 32');
    await page.locator('[data-testid="new-param-name"]').fill('width');
    await expect.poll(() => addError.textContent()).toBe('This block already has a parameter named “width”; choose another name.');
    await page.locator('[data-testid="new-param-name"]').fill('');

    // An inner layer uses it; removing it is refused, naming that layer.
    await select('conv2d');
    await setField('filters', '@width');
    expect(await shapeOf('conv2d')).toBe('16×16×32');
    await page.keyboard.press('Escape');
    await panel.waitFor();
    await page.locator('[data-testid="remove-param-width"]').click();
    const removeError = page.locator('[data-testid="remove-param-error"]');
    await expect.poll(() => removeError.textContent()).toContain('Parameter “width” is still used by Conv2D conv2d.');
    await studio.screenshot('editor-14-block-params');
    await page.locator('[data-testid="language-select"]').selectOption('zh');
    await expect.poll(() => removeError.textContent()).toContain('参数“width”仍被 Conv2D conv2d 使用。');
    await studio.screenshot('editor-zh-block-params');
    await page.locator('[data-testid="language-select"]').selectOption('en');

    // Back in the main graph, the instance shows the new param with its default.
    await page.locator('[data-testid="breadcrumb-root"]').click();
    await page.locator('.layer-node.is-block .layer-node-head').click();
    expect(await page.locator('[data-testid="param-width"]').inputValue()).toBe('32');
    await studio.screenshot('editor-15-instance-param');

    // Once no layer uses it, it can be removed, and one undo brings it back.
    await page.locator('.layer-node.is-block').dblclick();
    await page.locator('[data-testid="breadcrumb"]').waitFor();
    await select('conv2d');
    await setField('filters', '32');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="remove-param-width"]').click();
    await expect.poll(() => page.locator('[data-testid="block-param-width"]').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="block-param-width"]').count()).toBe(1);
    expect(studio.pageErrors).toEqual([]);
  });
});
