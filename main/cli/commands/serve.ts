// `reswire serve`: the studio in a browser, served on 127.0.0.1 with a per-launch token.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { type Command, UsageError } from '../command';
import { DEFAULT_RENDERER_DIR, startStudioServer, type StudioServer } from '../../server';
import { ensureRendererBuilt } from '../../server/rendererBuild';

const DEFAULT_PORT = 5170;

function parsePort(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks a free port), not "${text}".`);
  }
  return Number(text);
}

function projectDir(text: string | undefined): string {
  const dir = path.resolve(text ?? '.');
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`The project folder ${dir} does not exist; create it or pass another with --dir.`);
  }
  if (!isFolder) throw new UsageError(`${dir} is a file, not a folder; --dir takes the project folder.`);
  return dir;
}

/** Opens the address in the desktop's browser; on a machine without one, says so and carries on. */
function openInBrowser(url: string, stderr: (t: string) => void): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => stderr('Could not open a browser here; open the address above yourself.\n'));
  child.unref();
}

async function listenWithFallback(dir: string, port: number | null, stderr: (t: string) => void): Promise<StudioServer> {
  const start = (p: number) =>
    startStudioServer({
      projectDir: dir,
      port: p,
      onInternalError: (method, e) => stderr(`reswire serve: internal error in ${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
    });
  try {
    return await start(port ?? DEFAULT_PORT);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
    if (port !== null) throw new UsageError(`Port ${port} is already in use; choose another with --port, or --port 0 for any free port.`);
    return start(0);
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the studio in a browser (web mode), served on 127.0.0.1',
  help: `Usage: reswire serve [--port N] [--dir PROJECTDIR] [--no-open]

Serves the studio and its API on 127.0.0.1 and prints the address to open, with this
launch's token (http://127.0.0.1:PORT/?token=...). Only pages opened from that address can
use the studio; it reads and writes files only inside the project folder.

Options:
  --port N        port to listen on (default ${DEFAULT_PORT}, or a free one if that is taken;
                  0 always picks a free one)
  --dir DIR       the project folder: projects are opened and saved here and runs go to
                  DIR/runs (default: the current folder)
  --no-open       do not open a browser; just print the address
`,
  options: {
    port: { type: 'string' },
    dir: { type: 'string' },
    'no-open': { type: 'boolean' },
  },
  async run(args, io) {
    const port = parsePort(args.values.port as string | undefined);
    const dir = projectDir(args.values.dir as string | undefined);
    await ensureRendererBuilt(DEFAULT_RENDERER_DIR, (line) => io.stderr(line + '\n'));
    const server = await listenWithFallback(dir, port, io.stderr);
    io.stdout(server.url + '\n');
    io.stderr(`Serving the studio for ${dir}. Press Ctrl+C to stop.\n`);
    if (!args.values['no-open']) openInBrowser(server.url, io.stderr);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
