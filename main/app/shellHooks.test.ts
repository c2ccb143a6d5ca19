// The desktop shell's dialogs and unsaved-changes marker, through the handler table as the
// page reaches them: system open/save dialogs attached to the studio window, starting in the
// project folder, and the folder following the user's choice.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow, resetElectron } from '../../test/electron/fakeElectron';
import { createStudio, type Studio } from '../api/handlers';
import { electronShell } from './shellHooks';
import { SystemOpens } from './systemOpens';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

let tmp: string;
let projectDir: string;
let win: FakeBrowserWindow | null;
let studio: Studio;

beforeEach(() => {
  resetElectron();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-shell-'));
  projectDir = path.join(tmp, 'projects');
  mkdirSync(projectDir);
  win = new FakeBrowserWindow();
  studio = createStudio({
    projectDir,
    fixedProjectDir: false,
    settingsDir: path.join(tmp, 'settings'),
    shell: electronShell(() => win as never, new SystemOpens(() => undefined)),
  });
});

afterEach(async () => {
  await studio.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('open dialog', () => {
  it('is the system dialog, on the studio window, in the project folder, for one project file', async () => {
    await studio.handlers.pickOpenPath({});
    const [call] = electron().openDialogs;
    expect(call.window).toBe(win);
    expect(call.options).toMatchObject({ title: 'Open Project', defaultPath: projectDir, properties: ['openFile'] });
    expect(call.options.filters[0]).toEqual({ name: 'ResWire projects', extensions: ['json'] });
  });

  it('answers canceled when the user cancels', async () => {
    electron().answers.open = { canceled: true, filePaths: [] };
    expect(await studio.handlers.pickOpenPath({})).toEqual({ outcome: 'canceled' });
  });

  it('moves the project folder to where the chosen file is', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    electron().answers.open = { canceled: false, filePaths: [path.join(elsewhere, 'net.reswire.json')] };
    const pick = await studio.handlers.pickOpenPath({ title: 'Open a net' });
    expect(pick).toEqual({ outcome: 'picked', path: path.join(elsewhere, 'net.reswire.json'), relativePath: 'net.reswire.json' });
    expect(studio.context.folder.root).toBe(elsewhere);
    expect(electron().openDialogs[0].options.title).toBe('Open a net');
  });

  it('still opens when no window is there to attach it to', async () => {
    win = null;
    await studio.handlers.pickOpenPath({});
    expect(electron().openDialogs[0]).toMatchObject({ window: null, options: { defaultPath: projectDir } });
  });
});

describe('save dialog', () => {
  it('suggests the given name, or untitled.reswire.json, inside the project folder', async () => {
    await studio.handlers.pickSavePath({ suggestedName: 'resnet20.reswire.json' });
    await studio.handlers.pickSavePath({});
    const [named, untitled] = electron().saveDialogs;
    expect(named.window).toBe(win);
    expect(named.options).toMatchObject({ title: 'Save Project', defaultPath: path.join(projectDir, 'resnet20.reswire.json') });
    expect(untitled.options.defaultPath).toBe(path.join(projectDir, 'untitled.reswire.json'));
  });

  it('answers with the chosen path, or canceled', async () => {
    electron().answers.save = { canceled: false, filePath: path.join(projectDir, 'nets', 'a.reswire.json') };
    expect(await studio.handlers.pickSavePath({})).toEqual({
      outcome: 'picked',
      path: path.join(projectDir, 'nets', 'a.reswire.json'),
      relativePath: path.join('nets', 'a.reswire.json'),
    });
    electron().answers.save = { canceled: true, filePath: '' };
    expect(await studio.handlers.pickSavePath({})).toEqual({ outcome: 'canceled' });
  });
});

describe('unsaved changes', () => {
  it('are remembered for the close question and shown on the window', async () => {
    await studio.handlers.setDirty({ dirty: true });
    expect(studio.context.dirty).toBe(true);
    await studio.handlers.setDirty({ dirty: false });
    expect(studio.context.dirty).toBe(false);
    expect(win!.documentEdited).toEqual([true, false]);
  });

  it('tells the page the desktop shell has native dialogs', async () => {
    expect(await studio.handlers.appInfo({})).toMatchObject({ shell: 'electron', nativeDialogs: true });
  });
});
