// The desktop app loads its page from app://studio/ rather than file://, so the page has a
// real origin, the IPC sender can be checked against it, and every answer carries our CSP.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../server/csp';
import { contentTypeFor, locateStaticFile } from '../server/staticFiles';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://studio`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveAppFiles(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const found = url.host === 'studio' ? await locateStaticFile(root, decodeURIComponent(url.pathname)) : null;
    if (!found) return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(await readFile(found.file), {
      headers: { 'Content-Type': contentTypeFor(found.file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
