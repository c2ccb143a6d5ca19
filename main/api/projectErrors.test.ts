// Project errors travel as message data (code and args) beside their English sentence, on
// every transport, so the studio can show them in its own language.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeFailures, unbridgeFailures } from '../../shared/api/bridge';
import { createStudioClient } from '../../shared/api/client';
import { StudioApiError } from '../../shared/api/errors';
import type { StudioApi } from '../../shared/api/studio';
import { english } from '../../shared/i18n/messages';
import { mlp } from '../../shared/templates';
import { dispatchStudioCall } from './dispatch';
import { createStudio, type Studio } from './handlers';
import { createInProcessStudioApi } from './inProcess';

let tmp: string;
let projectDir: string;
let studio: Studio;
let api: StudioApi;

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-api-'));
  projectDir = path.join(tmp, 'project');
  mkdirSync(projectDir);
  studio = createStudio({ projectDir, fixedProjectDir: true, settingsDir: path.join(tmp, 'settings') });
  api = createInProcessStudioApi(studio);
});

afterEach(async () => {
  await studio.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

/** A graph with five problems: an unknown layer type and four dangling edges. */
function writeBroken(name: string): void {
  const doc = mlp();
  doc.nodes[1] = { ...doc.nodes[1], type: 'Conv3D' };
  const dangling = [1, 2, 3, 4].map((i) => ({ id: `d${i}`, source: `ghost${i}`, target: doc.nodes[0].id, targetPort: 0 }));
  writeFileSync(path.join(projectDir, name), JSON.stringify({ ...doc, edges: [...doc.edges, ...dangling] }));
}

async function failure(call: Promise<unknown>): Promise<StudioApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudioApiError);
  return error as StudioApiError;
}

describe('project errors as message data', () => {
  it('opening a broken graph rejects with the sentence and its message: three problems and how many more', async () => {
    writeBroken('broken.reswire.json');
    const error = await failure(api.openProject({ path: 'broken.reswire.json' }));
    expect(error.message).toMatch(
      /^Could not open broken\.reswire\.json: it is not a ResWire graph that this version can read\. unknown layer type "Conv3D" on node \S+ \(nodes\[1\]\.type\); edges\[\d+\]\.source refers to node "ghost1", which does not exist; .* \(and 2 more\)\.$/,
    );
    expect(error.text?.code).toBe('project.notAGraph');
    expect(english(error.text!)).toBe(error.message);
  });

  it('a missing file and a graph that cannot be saved say so as messages too', async () => {
    const missing = await failure(api.openProject({ path: 'missing.json' }));
    expect(missing.text).toEqual({ code: 'file.openFailed', args: { file: 'missing.json', reason: { code: 'file.ENOENT', args: {} } } });
    const broken = { ...mlp(), edges: [...mlp().edges, { id: 'x', source: 'nowhere', target: mlp().nodes[0].id, targetPort: 0 }] };
    const unsaved = await failure(api.saveProject({ path: 'g.reswire.json', document: broken }));
    expect(unsaved.text?.code).toBe('project.notSaved');
    expect(english(unsaved.text!)).toBe(unsaved.message);
    const outside = await failure(api.openProject({ path: '../elsewhere.json' }));
    expect(outside.text?.code).toBe('folder.outsideFixed');
  });

  it('the envelope carries the message; one this side cannot read is dropped and the English kept', async () => {
    writeBroken('broken.json');
    const envelope = await dispatchStudioCall(studio.handlers, 'openProject', { path: 'broken.json' });
    expect(envelope).toMatchObject({ ok: false, text: { code: 'project.notAGraph' } });
    const fromNewerServer = createStudioClient({
      call: async () => ({ ok: false, error: 'Something new went wrong.', text: { code: 'future.code', args: {} } }),
      listen: () => () => undefined,
    });
    const error = await failure(fromNewerServer.openProject({ path: 'a.json' }));
    expect(error.message).toBe('Something new went wrong.');
    expect(error.text).toBeUndefined();
  });

  it('crosses an Electron-style bridge, which copies only the message of an Error, with its message data', async () => {
    writeBroken('broken.json');
    // structuredClone drops an Error's own properties, as contextBridge does.
    const copied = (value: unknown) => structuredClone(value);
    const exposed = bridgeFailures(api);
    const page = unbridgeFailures({
      ...exposed,
      openProject: (request) => exposed.openProject(request).catch((e: unknown) => Promise.reject(copied(e))),
    });
    const error = await failure(page.openProject({ path: 'broken.json' }));
    expect(error.text?.code).toBe('project.notAGraph');
    expect(english(error.text!)).toBe(error.message);
    // Without the bridge's plain objects, the copy loses the message data.
    const lost = copied(await api.openProject({ path: 'broken.json' }).catch((e: unknown) => e)) as { text?: unknown };
    expect(lost.text).toBeUndefined();
  });
});
