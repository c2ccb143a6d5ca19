// Serves the built studio (out/renderer) read-only: no directory listings, nothing outside
// the folder, index.html for page routes, long caching for Vite's content-hashed assets.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(absolute: string): Promise<number | null> {
  try {
    const info = await stat(absolute);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names under `root`, or null: nothing outside the folder, folders give
 * their index.html, and page routes (no file extension) all give the app's page.
 */
export async function locateStaticFile(root: string, pathname: string): Promise<{ file: string; size: number } | null> {
  const absolute = path.resolve(root, '.' + path.posix.normalize(pathname));
  if (absolute !== root && !absolute.startsWith(root + path.sep)) return null;
  const file = pathname.endsWith('/') ? path.join(absolute, 'index.html') : absolute;
  const size = await fileAt(file);
  if (size !== null) return { file, size };
  if (path.extname(pathname) !== '') return null;
  const page = path.join(root, 'index.html');
  const pageSize = await fileAt(page);
  return pageSize === null ? null : { file: page, size: pageSize };
}

/** A request handler for the files under `rootDir`; `headers` go on every answer (CSP and friends). */
export function serveStaticFiles(rootDir: string, headers: Record<string, string>) {
  const root = path.resolve(rootDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'The studio serves its pages read-only.\n');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://studio').pathname);
    } catch {
      return plain(res, 400, 'That address is not valid.\n');
    }
    const found = await locateStaticFile(root, pathname);
    if (!found) return plain(res, 404, 'Not found.\n');
    // Vite names assets by content hash, so they never change; the page itself always may.
    const immutable = pathname.startsWith('/assets/') && !found.file.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.file),
      'Content-Length': found.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  };
}
