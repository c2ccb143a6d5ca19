// Web mode in a real browser: the tokened page loads and its own client talks to /api; the
// page can save and open projects through the API; other origins and tokenless pages cannot.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../shared/graph/serialize';
import { cifarResNet } from '../shared/templates';
import { openStudio, type OpenStudio } from './harness';

let studio: OpenStudio;
/** Text frames the page's own WebSocket sent and received. */
const sent: string[] = [];
const received: string[] = [];
let socketUrl = '';

beforeAll(async () => {
  studio = await openStudio({
    beforeOpen: (page) =>
      page.on('websocket', (ws) => {
        socketUrl = ws.url();
        ws.on('framesent', (f) => sent.push(String(f.payload)));
        ws.on('framereceived', (f) => received.push(String(f.payload)));
      }),
  });
});

afterAll(async () => {
  await studio?.close();
});

/** In the page: opens a WebSocket to `url` and reports whether the server let it in. */
function tryConnect(url: string): Promise<'open' | 'refused'> {
  return studio.page.evaluate(
    (u) =>
      new Promise<'open' | 'refused'>((resolve) => {
        const ws = new WebSocket(u);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onclose = () => resolve('refused');
      }),
    url,
  );
}

describe('reswire serve in Chromium', () => {
  it("loads the page from the tokened address, and the page's own client gets answers from /api", async () => {
    await studio.page.waitForLoadState('networkidle');
    await expect.poll(() => received.some((r) => r.includes('"type":"result"'))).toBe(true);
    expect(socketUrl).toBe(`ws://127.0.0.1:${studio.served.port}/api?token=${studio.served.token}`);
    const appInfoCall = sent.map((s) => JSON.parse(s)).find((m) => m.method === 'appInfo');
    expect(appInfoCall).toBeDefined();
    const answer = received.map((r) => JSON.parse(r)).find((m) => m.type === 'result' && m.id === appInfoCall.id);
    expect(answer.envelope).toMatchObject({ ok: true, response: { shell: 'web', projectDir: studio.served.projectDir } });
    await studio.screenshot('serve-loaded');
    expect(studio.pageErrors).toEqual([]);
  });

  it('saves a project from the page and opens it back identical, through the API', async () => {
    const doc = cifarResNet(20);
    const answers = await studio.page.evaluate(
      async ({ token, document }) => {
        const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
        await new Promise((resolve) => (ws.onopen = resolve));
        let id = 100;
        const call = (method: string, request: unknown) =>
          new Promise<unknown>((resolve) => {
            const mine = ++id;
            ws.addEventListener('message', (e) => {
              const m = JSON.parse(e.data);
              if (m.type === 'result' && m.id === mine) resolve(m.envelope);
            });
            ws.send(JSON.stringify({ type: 'call', id: mine, method, request }));
          });
        const saved = await call('saveProject', { path: 'nets/r20.reswire.json', document });
        const opened = await call('openProject', { path: 'nets/r20.reswire.json' });
        const refused = await call('openProject', { path: '../../etc/passwd' });
        ws.close();
        return { saved, opened, refused };
      },
      { token: studio.served.token, document: doc },
    );
    expect(answers.saved).toMatchObject({ ok: true, response: { relativePath: 'nets/r20.reswire.json' } });
    expect(answers.opened).toMatchObject({ ok: true, response: { document: doc, text: serializeDocument(doc) } });
    expect(readFileSync(path.join(studio.served.projectDir, 'nets', 'r20.reswire.json'), 'utf8')).toBe(serializeDocument(doc));
    expect(answers.refused).toMatchObject({ ok: false, error: expect.stringMatching(/is outside the project folder/) });
  });

  it('refuses a connection without the token, even from its own page', async () => {
    expect(await tryConnect(`ws://127.0.0.1:${studio.served.port}/api`)).toBe('refused');
    expect(await tryConnect(`ws://127.0.0.1:${studio.served.port}/api?token=wrong`)).toBe('refused');
    expect(await tryConnect(`ws://127.0.0.1:${studio.served.port}/api?token=${studio.served.token}`)).toBe('open');
  });

  it('refuses a page from another origin, even one that knows the token', async () => {
    const foreign: Server = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const port = (foreign.address() as { port: number }).port;
    try {
      await studio.page.goto(`http://127.0.0.1:${port}/`);
      expect(await tryConnect(`ws://127.0.0.1:${studio.served.port}/api?token=${studio.served.token}`)).toBe('refused');
    } finally {
      foreign.close();
    }
  });
});
