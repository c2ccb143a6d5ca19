// End-to-end helpers: start `reswire serve` on a free port over a temporary project folder,
// drive Debian's Chromium (never a downloaded browser) with playwright-core, keep screenshots
// under test-results/e2e/, and tear everything down.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.RESWIRE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SERVE_START_MS = 120_000;

export interface ServedStudio {
  /** http://127.0.0.1:PORT/?token=... as printed by `reswire serve`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  projectDir: string;
  /** Everything `reswire serve` wrote to stderr so far (build notes, internal errors). */
  log(): string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Files to create in the project folder first: relative path -> content. */
  files?: Record<string, string>;
}

export interface OpenOptions extends ServeOptions {
  /** Runs before the page is opened, e.g. to watch its WebSocket. */
  beforeOpen?: (page: Page) => void;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `reswire serve --port 0 --no-open` on a fresh project folder and waits for its address. */
export async function startServe(options: ServeOptions = {}): Promise<ServedStudio> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'reswire-e2e-'));
  const projectDir = path.join(scratch, 'project');
  mkdirSync(projectDir);
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(projectDir, file)), { recursive: true });
    writeFileSync(path.join(projectDir, file), text);
  }
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'reswire.js'), 'serve', '--port', '0', '--no-open', '--dir', projectDir], {
    cwd: REPO_ROOT,
    // Recent projects go to the scratch folder, not the user's settings.
    env: { ...process.env, RESWIRE_SETTINGS_DIR: path.join(scratch, 'settings') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));

  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 15_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    rmSync(scratch, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`it printed no address within ${SERVE_START_MS / 1000} s`), SERVE_START_MS);
    function fail(why: string) {
      clearTimeout(timer);
      reject(new Error(`reswire serve did not start: ${why}.\n${stderr}`));
    }
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(`it exited with code ${code}`));
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });

  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    projectDir,
    log: () => stderr,
    stop,
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile; fails with a sentence when Chromium is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The end-to-end tests need Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\`, or set RESWIRE_CHROMIUM.`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'reswire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenStudio {
  served: ServedStudio;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  pageErrors: string[];
  /** Saves a full-page screenshot as test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the server, launches Chromium and opens the tokened address. */
export async function openStudio(options: OpenOptions = {}): Promise<OpenStudio> {
  const served = await startServe(options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await served.stop();
    throw e;
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  options.beforeOpen?.(page);
  await page.goto(served.url);
  return {
    served,
    browser,
    page,
    pageErrors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await served.stop();
    },
  };
}
