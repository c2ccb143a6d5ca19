// The app:// scheme the desktop page is served from: every answer carries the strict
// Content-Security-Policy as a header, and nothing outside the built page can be read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectron } from '../../test/electron/fakeElectron';
import { APP_ORIGIN, APP_SCHEME, registerAppScheme, serveAppFiles } from './protocol';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

let tmp: string;
let rendererDir: string;

function get(url: string): Promise<Response> {
  const handler = electron().protocolHandlers.get(APP_SCHEME);
  if (!handler) throw new Error('Nothing serves app://.');
  return Promise.resolve(handler(new Request(url)));
}

/** The policy's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

beforeEach(() => {
  resetElectron();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-protocol-'));
  rendererDir = path.join(tmp, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ResWire</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(tmp, 'secret.txt'), 'not for the page');
  serveAppFiles(rendererDir);
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('the scheme', () => {
  it('is registered as a standard, secure scheme, as Electron requires before the app is ready', () => {
    registerAppScheme();
    const [registration] = electron().privilegedSchemes;
    expect(registration.beforeReady).toBe(true);
    expect(registration.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    // Nothing that would let other origins read it or let it skip the CSP.
    const privileges = registration.schemes[0].privileges;
    expect(privileges.bypassCSP).toBeFalsy();
    expect(privileges.corsEnabled).toBeFalsy();
    expect(APP_ORIGIN).toBe('app://studio');
  });
});

describe('answers', () => {
  it('serve the page with a strict Content-Security-Policy header', async () => {
    const res = await get('app://studio/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ResWire</title>');

    const csp = directives(res.headers.get('Content-Security-Policy') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Only the app's own scripts: no inline script, no eval, nothing from the network.
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain('*');
      expect(values.some((v) => /^https?:/.test(v)), name).toBe(false);
    }
  });

  it('carry the policy on every file, and the page for page routes', async () => {
    const script = await get('app://studio/assets/index-abc.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/);
    const route = await get('app://studio/runs');
    expect(await route.text()).toContain('<title>ResWire</title>');
    expect(route.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'/);
  });

  it.each([
    ['a file beside the page folder', 'app://studio/..%2Fsecret.txt'],
    ['an encoded climb out', 'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['a missing asset', 'app://studio/assets/missing.js'],
    ['another host', 'app://other/index.html'],
  ])('refuse %s', async (_what, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not for the page');
  });
});
