// The preload: window.studio and nothing else crosses into the page; its methods call the
// main side on the table's channels, and its event streams hand the page payloads only.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannel, eventMethodName, methodChannel, studioEventNames, studioMethodNames, type StudioApi } from '../../shared/api/studio';
import { electron, resetElectron, sendToRenderer } from '../../test/electron/fakeElectron';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

let studio: StudioApi;

beforeAll(async () => {
  resetElectron();
  await import('./index');
  studio = electron().exposed[0]?.api as StudioApi;
});

describe('what the page gets', () => {
  it('is window.studio, exposed once through the context bridge, and nothing else', () => {
    expect(electron().exposed.map((e) => e.key)).toEqual(['studio']);
  });

  it('has exactly the StudioApi methods and on<Event> subscriptions, all functions', () => {
    const expected = [...studioMethodNames, ...studioEventNames.map(eventMethodName)].sort();
    expect(Object.keys(studio).sort()).toEqual(expected);
    for (const [name, value] of Object.entries(studio)) expect(typeof value, name).toBe('function');
  });
});

describe('methods', () => {
  it('invoke the method’s channel with the checked request and resolve with the response', async () => {
    electron().invokeAnswer = () => ({ ok: true, response: { dirty: true } });
    await expect(studio.setDirty({ dirty: true })).resolves.toEqual({ dirty: true });
    expect(electron().invokes.at(-1)).toEqual({ channel: methodChannel('setDirty'), args: [{ dirty: true }] });
  });

  it('refuse a malformed request before anything is sent', async () => {
    const sent = electron().invokes.length;
    await expect(studio.setDirty({ dirty: 'yes' } as never)).rejects.toMatchObject({ studioError: expect.stringMatching(/setDirty request/) });
    expect(electron().invokes).toHaveLength(sent);
  });

  it('reject with a plain object carrying the sentence and its message data, which the bridge copies whole', async () => {
    const text = { code: 'project.noFileName', args: {} };
    electron().invokeAnswer = () => ({ ok: false, error: 'Give the project a file name.', text });
    const failure = await studio.listRuns().catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(Error);
    expect(failure).toEqual({ studioError: 'Give the project a file name.', text });
  });
});

describe('events', () => {
  it('deliver validated payloads without Electron’s event object, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = studio.onMenuCommand((payload) => seen.push(payload));
    const channel = eventChannel('menuCommand');
    expect(electron().rendererListeners.get(channel)).toHaveLength(1);

    sendToRenderer(channel, { command: 'file.save' });
    sendToRenderer(channel, { command: 'not.a.command' });
    expect(seen).toEqual([{ command: 'file.save' }]);

    stop();
    expect(electron().rendererListeners.get(channel)).toEqual([]);
    sendToRenderer(channel, { command: 'file.open' });
    expect(seen).toHaveLength(1);
  });
});
