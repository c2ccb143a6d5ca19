// Web mode without a browser: who may connect to /api, what the static server hands out, and
// the WebSocket protocol itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { mlp } from '../../shared/templates';
import { startStudioServer, type StudioServer } from '.';

let tmp: string;
let server: StudioServer;
let origin: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-server-'));
  const page = path.join(tmp, 'page');
  mkdirSync(path.join(page, 'assets'), { recursive: true });
  writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>ResWire</title>');
  writeFileSync(path.join(page, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(tmp, 'secret.txt'), 'not for the page');
  mkdirSync(path.join(tmp, 'project'));
  server = await startStudioServer({ projectDir: path.join(tmp, 'project'), port: 0, rendererDir: page, settingsDir: path.join(tmp, 'settings') });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The HTTP status the server answers a WebSocket upgrade with (101 when it accepts). */
function upgradeStatus(query: string, headers: Record<string, string> = {}, pathname = '/api'): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${pathname}${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });
}

function get(pathname: string, options: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: options.host ? { Host: options.host } : {} },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('who may connect to /api', () => {
  it('prints an address on 127.0.0.1 with the launch token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a connection without the token or with a wrong one', async () => {
    expect(await upgradeStatus('')).toBe(401);
    expect(await upgradeStatus('?token=guess')).toBe(401);
    expect(await upgradeStatus(`?token=${server.token}x`)).toBe(401);
  });

  it('refuses a page from another origin even when it has the token', async () => {
    expect(await upgradeStatus(`?token=${server.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
  });

  it('accepts its own page, and answers only at /api', async () => {
    expect(await upgradeStatus(`?token=${server.token}`, { Origin: origin })).toBe(101);
    expect(await upgradeStatus(`?token=${server.token}`, { Origin: origin }, '/other')).toBe(404);
  });
});

describe('the WebSocket protocol', () => {
  function connect(): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { headers: { Origin: origin } });
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve(ws));
      ws.on('error', reject);
    });
  }
  function call(ws: WebSocket, id: number, method: string, req: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      const onMessage = (data: unknown) => {
        const msg = JSON.parse(String(data));
        if (msg.type === 'result' && msg.id === id) {
          ws.off('message', onMessage);
          resolve(msg.envelope);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ type: 'call', id, method, request: req }));
    });
  }

  it('answers calls by id, with results and with errors as sentences', async () => {
    const ws = await connect();
    const [info, saved, refused] = await Promise.all([
      call(ws, 1, 'appInfo', {}),
      call(ws, 2, 'saveProject', { path: 'a.reswire.json', document: mlp() }),
      call(ws, 3, 'openProject', { path: '../secret.txt' }),
    ]);
    expect(info).toMatchObject({ ok: true, response: { shell: 'web', nativeDialogs: false, projectDir: path.join(tmp, 'project') } });
    expect(saved).toMatchObject({ ok: true, response: { relativePath: 'a.reswire.json' } });
    // The sentence, and the same as message data for the page's language.
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/^"\.\.\/secret\.txt" is outside the project folder .*--dir/),
      text: { code: 'folder.outsideFixed', args: { requested: '../secret.txt', root: path.join(tmp, 'project') } },
    });
    ws.close();
  });

  it('pushes events to every connected page', async () => {
    const ws = await connect();
    const event = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    server.context.events.emit('menuCommand', { command: 'file.save' });
    expect(await event).toEqual({ type: 'event', event: 'menuCommand', payload: { command: 'file.save' } });
    ws.close();
  });

  it('closes a connection that sends something other than a call', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('hello');
    expect(await closed).toBe(4400);
  });
});

describe('the static pages', () => {
  it('serves the page with a strict Content-Security-Policy and no referrer', async () => {
    const res = await get('/?token=abc');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>ResWire</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('caches hashed assets for good and answers page routes with the page', async () => {
    const asset = await get('/assets/index-abc.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/projects/some-route')).body).toContain('<title>ResWire</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the page folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(p);
      expect(res.body).not.toContain('not for the page');
    }
  });

  it('is read-only and answers only under its own host name', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    expect((await get('/', { host: 'evil.example' })).status).toBe(403);
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});
