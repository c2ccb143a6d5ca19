// The handler table through the in-process adapter: what the UI sees for project files,
// bad requests, dialogs and runs it does not know.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/api/runEvents';
import type { StudioApi } from '../../shared/api/studio';
import { serializeDocument } from '../../shared/graph/serialize';
import { cifarResNet, mlp } from '../../shared/templates';
import type { NativePick, ShellHooks } from './context';
import { dispatchStudioCall } from './dispatch';
import { createStudio, type Studio } from './handlers';
import { createInProcessStudioApi } from './inProcess';

let tmp: string;
let projectDir: string;
let studio: Studio;
let api: StudioApi;

function open(options: { fixed?: boolean; shell?: ShellHooks } = {}) {
  studio = createStudio({ projectDir, fixedProjectDir: options.fixed ?? true, settingsDir: path.join(tmp, 'settings'), shell: options.shell });
  api = createInProcessStudioApi(studio);
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-api-'));
  projectDir = path.join(tmp, 'project');
  mkdirSync(projectDir);
  open();
});

afterEach(async () => {
  await studio.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('project files', () => {
  it('saves a document and opens it back identical, as stable text', async () => {
    const doc = cifarResNet(20);
    const saved = await api.saveProject({ path: 'nets/resnet20.reswire.json', document: doc });
    expect(saved.relativePath).toBe('nets/resnet20.reswire.json');
    expect(saved.path).toBe(path.join(projectDir, 'nets', 'resnet20.reswire.json'));

    const opened = await api.openProject({ path: 'nets/resnet20.reswire.json' });
    expect(opened.document).toEqual(doc);
    expect(opened.text).toBe(serializeDocument(doc));
    expect(opened.migratedFrom).toBeNull();
  });

  it('lists folders first, then files, hiding dotfiles and marking projects', async () => {
    writeFileSync(path.join(projectDir, 'b.reswire.json'), '{}');
    writeFileSync(path.join(projectDir, 'notes.txt'), 'hi');
    writeFileSync(path.join(projectDir, '.hidden'), '');
    mkdirSync(path.join(projectDir, 'runs'));
    const listing = await api.listProjectFiles();
    expect(listing.root).toBe(projectDir);
    expect(listing.entries.map((e) => [e.name, e.kind, e.isProject])).toEqual([
      ['runs', 'folder', false],
      ['b.reswire.json', 'file', true],
      ['notes.txt', 'file', false],
    ]);
  });

  it('refuses paths that leave the project folder, with a sentence naming the folder', async () => {
    writeFileSync(path.join(tmp, 'secret.json'), JSON.stringify(mlp()));
    for (const bad of ['../secret.json', path.join(tmp, 'secret.json'), 'nets/../../secret.json']) {
      await expect(api.openProject({ path: bad })).rejects.toThrow(`is outside the project folder ${projectDir}`);
    }
    await expect(api.saveProject({ path: '../evil.json', document: mlp() })).rejects.toThrow(/outside the project folder/);
    await expect(api.listProjectFiles({ dir: '..' })).rejects.toThrow(/outside the project folder/);
    expect(readdirSync(tmp).sort()).toEqual(['project', 'secret.json']);
  });

  it('refuses a symbolic link that points out of the project folder', async () => {
    mkdirSync(path.join(tmp, 'elsewhere'));
    writeFileSync(path.join(tmp, 'elsewhere', 'g.json'), JSON.stringify(mlp()));
    symlinkSync(path.join(tmp, 'elsewhere'), path.join(projectDir, 'link'));
    await expect(api.openProject({ path: 'link/g.json' })).rejects.toThrow(/outside the project folder/);
    await expect(api.saveProject({ path: 'link/new.json', document: mlp() })).rejects.toThrow(/outside the project folder/);
  });

  it('leaves the old file whole when the new document cannot be written, and no temporary file behind', async () => {
    const good = mlp();
    await api.saveProject({ path: 'g.reswire.json', document: good });
    const before = readFileSync(path.join(projectDir, 'g.reswire.json'), 'utf8');

    const broken = { ...good, edges: [...good.edges, { id: 'dangling', source: 'nowhere', target: good.nodes[0].id, targetPort: 0 }] };
    await expect(api.saveProject({ path: 'g.reswire.json', document: broken })).rejects.toThrow(
      /g\.reswire\.json was not saved \(the file on disk is unchanged\).*edges\[\d+\]\.source refers to node "nowhere"/,
    );
    expect(readFileSync(path.join(projectDir, 'g.reswire.json'), 'utf8')).toBe(before);
    expect(readdirSync(projectDir)).toEqual(['g.reswire.json']);
  });

  it('explains a file that is not a graph, and a missing one', async () => {
    writeFileSync(path.join(projectDir, 'notes.json'), '{"hello": 1}');
    await expect(api.openProject({ path: 'notes.json' })).rejects.toThrow(/^Could not open notes\.json: it is not a ResWire graph/);
    await expect(api.openProject({ path: 'missing.json' })).rejects.toThrow('Could not open missing.json: there is no such file or folder.');
  });
});

describe('bad requests', () => {
  it('rejects a malformed request with a sentence naming the field, before any handler runs', async () => {
    const envelope = await dispatchStudioCall(studio.handlers, 'saveProject', { path: 42, document: mlp() });
    expect(envelope).toEqual({
      ok: false,
      error: 'The saveProject request is not valid: path must be a string, not 42. Check what was sent and try again.',
    });
    expect(readdirSync(projectDir)).toEqual([]);
  });

  it('names a document field that is wrong deep inside', async () => {
    const doc = mlp();
    const bad = { ...doc, nodes: [{ ...doc.nodes[0], position: { x: 'left', y: 0 } }, ...doc.nodes.slice(1)] };
    await expect(api.saveProject({ path: 'x.json', document: bad as never })).rejects.toThrow(
      'The saveProject request is not valid: document.nodes[0].position.x must be a number, not "left".',
    );
  });

  it('answers an unknown method and unknown fields with sentences', async () => {
    expect(await dispatchStudioCall(studio.handlers, 'formatDisk', {})).toMatchObject({ ok: false, error: expect.stringMatching(/^The studio has no method called "formatDisk"/) });
    expect(await dispatchStudioCall(studio.handlers, 'appInfo', { verbose: true })).toMatchObject({
      ok: false,
      error: expect.stringContaining('the request has unknown field(s) "verbose"'),
    });
  });
});

describe('app, dialogs and recent projects', () => {
  it('reports the shell, the project folder and the backends that are installed', async () => {
    const info = await api.appInfo();
    expect(info).toMatchObject({ name: 'ResWire', shell: 'test', nativeDialogs: false, projectDir });
    expect(info.backends).toContain('cpu');
    expect(info.backends).toContain('wasm');
    expect(info.engines).toEqual(['onnxruntime']); // the optional onnxruntime-node installs from npm
  });

  it('tells a web page to use its in-page picker', async () => {
    expect(await api.pickOpenPath()).toEqual({ outcome: 'in-page' });
    expect(await api.pickSavePath({ suggestedName: 'a.reswire.json' })).toEqual({ outcome: 'in-page' });
  });

  it('remembers recent projects, newest first, and offers in web mode only those inside the folder', async () => {
    await api.saveProject({ path: 'a.reswire.json', document: mlp() });
    await api.saveProject({ path: 'b.reswire.json', document: mlp() });
    await api.addRecent({ path: 'a.reswire.json' });
    const { projects } = await api.addRecent({ path: 'b.reswire.json' });
    expect(projects.map((p) => p.name)).toEqual(['b.reswire.json', 'a.reswire.json']);

    // Another launch on a different folder shares the list but cannot open those files.
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    projectDir = other;
    open();
    expect((await api.recentProjects()).projects).toEqual([]);
  });

  it('lets a native dialog move the project folder where the shell allows it (Electron)', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'net.reswire.json'), serializeDocument(mlp()));
    let dirty: boolean | null = null;
    const shell: ShellHooks = {
      shell: 'electron',
      nativeDialogs: true,
      pickOpenPath: async (): Promise<NativePick> => ({ outcome: 'picked', absolute: path.join(elsewhere, 'net.reswire.json') }),
      pickSavePath: async (): Promise<NativePick> => ({ outcome: 'canceled' }),
      setDirty: (d) => (dirty = d),
      takePendingOpen: () => null,
      handedOver: () => false,
    };
    open({ fixed: false, shell });
    const picked = await api.pickOpenPath();
    expect(picked).toEqual({ outcome: 'picked', path: path.join(elsewhere, 'net.reswire.json'), relativePath: 'net.reswire.json' });
    expect((await api.appInfo()).projectDir).toBe(elsewhere);
    expect((await api.openProject({ path: 'net.reswire.json' })).document.name).toBe(mlp().name);
    expect(await api.pickSavePath()).toEqual({ outcome: 'canceled' });
    await api.setDirty({ dirty: true });
    expect(dirty).toBe(true);
    expect(studio.context.dirty).toBe(true);
  });
});

describe('runs', () => {
  it('trains a small run, streaming its events, then lists it and reads its events back', async () => {
    const received: RunEvent[] = [];
    const unsubscribe = api.onRunEvent((e) => received.push(e));
    const graph = mlp({ input: [2], classes: 3, hidden: 16 });
    const { runId } = await api.startRun({ graph, trainConfig: { epochs: 2, batchSize: 32, limit: 300, backend: 'cpu' }, dataSpec: 'spirals' });
    await new Promise<void>((resolve) => {
      const stop = api.onRunEvent((e) => {
        if (e.runId === runId && ['done', 'stopped', 'error'].includes(e.type)) {
          stop();
          resolve();
        }
      });
    });
    unsubscribe();
    const types = received.filter((e) => e.runId === runId).map((e) => e.type);
    expect(types[0]).toBe('started');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(2);
    expect(types.at(-1)).toBe('done');

    // The run's files are written just after its last event.
    await expect.poll(async () => (await api.listRuns()).runs[0]?.status).toBe('done');
    const [summary] = (await api.listRuns()).runs;
    expect(summary).toMatchObject({ id: runId, live: false, dataset: 'spirals', epochs: 2, epochsCompleted: 2, backend: 'cpu' });
    const { events } = await api.getRunEvents({ runId });
    expect(events.map((e) => e.type)).toEqual(types);
    await expect(api.stopRun({ runId })).rejects.toThrow(`Run ${runId} is not training in this studio`);
  });


  it('says so when asked to control or read a run it does not have', async () => {
    await expect(api.pauseRun({ runId: 'nope' })).rejects.toThrow('Run nope is not training in this studio');
    await expect(api.getRunEvents({ runId: 'nope' })).rejects.toThrow(/^There is no run nope in /);
    await expect(api.getRunEvents({ runId: '..' })).rejects.toThrow('runId must be a run id');
    expect(await api.listRuns()).toEqual({ runs: [] });
  });

  it('refuses a dataset path outside the project folder before starting anything', async () => {
    await expect(api.startRun({ graph: mlp(), trainConfig: {}, dataSpec: 'csv:../data.csv' })).rejects.toThrow(/outside the project folder/);
    expect(readdirSync(projectDir)).toEqual([]);
  });
});
