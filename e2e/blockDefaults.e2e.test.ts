// A ResNet-20's residual block edited in place: change a param's default and a choice's
// choices from the opened block's panel (checked as typed, refused with the layers, wires and
// instances named while a choice is in use, one undo step each), see new instances take the
// new default; then a Save As that cannot be written, explained inside the picker in English
// and Chinese instead of in a notice behind it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio, type OpenStudio } from './harness';

let studio: OpenStudio;
let page: Page;

beforeAll(async () => {
  // A folder where the user may try to save a project file of the same name.
  studio = await openStudio({ files: { 'taken.reswire.json/README.txt': 'A folder, not a project.' } });
  page = studio.page;
  page.on('dialog', (d) => void d.accept());
  await page.locator('[data-testid=canvas]').waitFor();
});

afterAll(async () => {
  await studio?.close();
});

const node = (id: string) => page.locator(`[data-testid="node-${id}"]`);
const meta = (name: string) => page.locator(`[data-testid="block-param-${name}"] .block-param-meta`).textContent();
const editError = () => page.locator('[data-testid="edit-param-error"]');

async function language(id: 'en' | 'zh'): Promise<void> {
  await page.locator('[data-testid="language-select"]').selectOption(id);
}

describe('a residual block’s params changed in place', () => {
  it('opens the basic block of a ResNet-20 and changes the default of its filters, checked as typed', async () => {
    await page.locator('[data-testid="new-button"]').click();
    await page.locator('[data-testid="template-resnet"]').click();
    await page.locator('[data-testid="option-depth"]').fill('20');
    await page.locator('[data-testid="gallery-create"]').click();
    await page.locator('[data-testid="template-gallery"]').waitFor({ state: 'detached' });
    await node('stage1_block1').locator('.layer-node-head').dblclick();
    await page.locator('[data-testid="breadcrumb"]').waitFor();
    expect(await meta('filters')).toBe('Whole number · default 64');

    await page.locator('[data-testid="edit-param-button-filters"]').click();
    const field = page.locator('[data-testid="edit-param-default-filters"]');
    expect(await field.inputValue()).toBe('64');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('many');
    await expect.poll(() => editError().textContent()).toBe('Enter a whole number.');
    await field.fill('0');
    await expect.poll(() => editError().textContent()).toBe('Must be at least 1.');
    expect(await page.locator('[data-testid="apply-param-filters"]').isDisabled()).toBe(true);
    await studio.screenshot('block-defaults-1-bad-default');
    await field.fill('32');
    await field.press('Enter');
    await expect.poll(() => meta('filters')).toBe('Whole number · default 32');
    expect(await page.locator('[data-testid="edit-param-filters"]').count()).toBe(0);

    // The stride offers 1 or 2 only, so its default is picked from those.
    await page.locator('[data-testid="edit-param-button-stride"]').click();
    expect(await page.locator('[data-testid="edit-param-default-stride"] option').allTextContents()).toEqual(['1', '2']);
    await page.locator('[data-testid="cancel-param-stride"]').click();
    expect(await page.locator('[data-testid="edit-param-stride"]').count()).toBe(0);
  });

  it('refuses to drop a choice still in use, naming who uses it, in English and Chinese', async () => {
    await page.locator('[data-testid="edit-param-button-shortcut"]').click();
    const choices = page.locator('[data-testid="edit-param-options-shortcut"]');
    expect(await choices.inputValue()).toBe('identity, projection');
    await choices.fill('identity, none');
    await expect.poll(() => editError().textContent()).toBe(
      'The choice “projection” is still used by Conv2D proj, BatchNorm proj_bn, the wire in → proj, the wire proj → proj_bn, the wire proj_bn → add, ' +
        'the instance stage2_block1, the instance stage3_block1; keep it among the choices, or change or remove those first.',
    );
    await studio.screenshot('block-defaults-2-choice-in-use');
    await language('zh');
    await expect.poll(() => editError().textContent()).toBe(
      '可选值“projection”仍被 Conv2D proj、BatchNorm proj_bn、连线 in → proj、连线 proj → proj_bn、连线 proj_bn → add、实例 stage2_block1、实例 stage3_block1 使用；请保留这个可选值，或先修改或删除它们。',
    );
    await studio.screenshot('block-defaults-zh-choice-in-use');
    await language('en');
    await choices.press('Escape');
    expect(await page.locator('[data-testid="edit-param-shortcut"]').count()).toBe(0);
    expect(await meta('shortcut')).toBe('Choice · default identity');
  });

  it('adds a choice and makes it the default as one undoable step', async () => {
    await page.locator('[data-testid="edit-param-button-shortcut"]').click();
    await page.locator('[data-testid="edit-param-options-shortcut"]').fill('identity, projection, none');
    const fallback = page.locator('[data-testid="edit-param-default-shortcut"]');
    expect(await fallback.locator('option').allTextContents()).toEqual(['identity', 'projection', 'none']);
    await fallback.selectOption('projection');
    await studio.screenshot('block-defaults-3-editing-choices');
    await page.locator('[data-testid="apply-param-shortcut"]').click();
    await expect.poll(() => meta('shortcut')).toBe('Choice · default projection');
    await page.keyboard.press('Control+z');
    await expect.poll(() => meta('shortcut')).toBe('Choice · default identity');
    expect(await meta('filters')).toBe('Whole number · default 32');
    await page.locator('[data-testid="edit-param-button-shortcut"]').click();
    expect(await page.locator('[data-testid="edit-param-options-shortcut"]').inputValue()).toBe('identity, projection');
    await page.locator('[data-testid="cancel-param-shortcut"]').click();
    await studio.screenshot('block-defaults-4-after-undo');
  });

  it('gives a newly dropped instance the new default, while the existing ones keep what they set', async () => {
    await page.locator('[data-testid="breadcrumb-root"]').click();
    await expect.poll(() => page.locator('[data-testid="breadcrumb"]').count()).toBe(0);
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    // Blocks drawn on screen (React Flow leaves out those outside the view).
    const before = await page.locator('.layer-node.is-block').count();
    await page.locator('[data-testid="palette-residual:basic"]').dragTo(page.locator('[data-testid=canvas]'), { targetPosition: { x: 120, y: canvas.height - 140 } });
    await expect.poll(() => page.locator('.layer-node.is-block').count()).toBe(before + 1);
    expect(await page.locator('[data-testid="param-filters"]').inputValue()).toBe('32');
    await studio.screenshot('block-defaults-5-new-instance');
    await node('stage1_block1').locator('.layer-node-head').click();
    expect(await page.locator('[data-testid="param-filters"]').inputValue()).toBe('16');
    expect(studio.pageErrors).toEqual([]);
  });
});

describe('a Save As that cannot be written', () => {
  const problem = () => page.locator('[data-testid="picker-problem"]');

  it('is explained inside the picker, in Chinese, with no notice behind it', async () => {
    await language('zh');
    await page.locator('[data-testid="save-as-button"]').click();
    await page.locator('[data-testid="picker-name"]').fill('taken.reswire.json');
    await page.locator('[data-testid="picker-save"]').click();
    await expect.poll(() => problem().textContent()).toBe('无法保存 taken.reswire.json：它是文件夹，不是文件。');
    expect(await page.locator('[data-testid="file-picker"]').count()).toBe(1);
    expect(await page.locator('[data-testid="notice-error"]').count()).toBe(0);
    await studio.screenshot('block-defaults-zh-save-failed');
    await page.keyboard.press('Escape');
    await language('en');
  });

  it('is explained in English, goes once the name is changed, and the save then goes through', async () => {
    await page.locator('[data-testid="save-as-button"]').click();
    const name = page.locator('[data-testid="picker-name"]');
    await name.fill('taken');
    await name.press('Enter');
    await expect.poll(() => problem().textContent()).toBe('Could not save taken.reswire.json: it is a folder, not a file.');
    expect(await page.locator('[data-testid="notice-error"]').count()).toBe(0);
    await studio.screenshot('block-defaults-6-save-failed');
    await name.fill('resnet20-32.reswire.json');
    expect(await problem().count()).toBe(0);
    await page.locator('[data-testid="picker-save"]').click();
    await page.locator('[data-testid="file-picker"]').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="dirty-marker"]').count()).toBe(0);
    expect(existsSync(path.join(studio.served.projectDir, 'resnet20-32.reswire.json'))).toBe(true);
    expect(studio.pageErrors).toEqual([]);
  });
});
