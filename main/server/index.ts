// Web mode: the built studio and its API on 127.0.0.1, for headless machines, remote training
// boxes and end-to-end tests. The printed address carries a per-launch token.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { inPageShell, type StudioContext } from '../api/context';
import { createStudio } from '../api/handlers';
import { API_PATH, attachApiSocket } from './apiSocket';
import { contentSecurityPolicy } from './csp';
import { serveStaticFiles } from './staticFiles';

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface StudioServerOptions {
  projectDir: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
  settingsDir?: string;
  /** Told about failures that are bugs rather than user errors. */
  onInternalError?: (method: string, error: unknown) => void;
}

export interface StudioServer {
  /** The address to open: http://127.0.0.1:PORT/?token=... */
  url: string;
  port: number;
  token: string;
  context: StudioContext;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const token = randomBytes(24).toString('base64url');
  const studio = createStudio({
    projectDir: options.projectDir,
    fixedProjectDir: true,
    settingsDir: options.settingsDir,
    shell: inPageShell('web'),
  });
  let port = options.port;
  const origins = () => [`http://${HOST}:${port}`, `http://localhost:${port}`];
  const hosts = () => [`${HOST}:${port}`, `localhost:${port}`];

  let staticFiles: ReturnType<typeof serveStaticFiles> | null = null;
  const server = createServer((req, res) => {
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
    if (!hosts().includes(req.headers.host ?? '')) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This studio only answers at the address `reswire serve` printed.\n');
      return;
    }
    void staticFiles?.(req, res);
  });
  const socket = attachApiSocket(server, {
    handlers: studio.handlers,
    events: studio.context.events,
    token,
    allowedOrigins: origins,
    onInternalError: options.onInternalError,
  });
  port = await listen(server, options.port);
  // The policy names this server's WebSocket origin, known only once the port is.
  staticFiles = serveStaticFiles(options.rendererDir ?? DEFAULT_RENDERER_DIR, {
    'Content-Security-Policy': contentSecurityPolicy({ connect: origins().map((o) => o.replace('http:', 'ws:')) }),
    'X-Content-Type-Options': 'nosniff',
    // The address holds the token: never send it on to another site.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    context: studio.context,
    async close() {
      socket.close();
      await studio.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { API_PATH };
