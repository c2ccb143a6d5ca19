// Projects the system asks the desktop app to open: the file on the command line at launch
// (a file association opens the app that way on Windows and Linux), the one a second launch
// hands over, and macOS's open-file. The page opens each as File > Open would, so it takes the
// file itself (takePendingOpen): at start-up, and when told one is waiting. A page that is
// not listening yet (still loading, reloading) misses the word but still takes the file once
// it starts. One document at a time, so the latest request wins.
import path from 'node:path';

export interface CommandLineContext {
  /** Where relative paths are: the launching process's working directory. */
  cwd: string;
  /** process.defaultApp: started as `electron <app>`, so the app's own path comes first. */
  defaultApp: boolean;
  platform: NodeJS.Platform;
}

function isSwitch(arg: string, platform: NodeJS.Platform): boolean {
  // Chromium and Node switches (--inspect=9229, --no-sandbox), macOS's -psn_0_123 from Finder;
  // Windows switches may also start with a slash.
  return arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/'));
}

/**
 * The files named on a command line, as absolute paths: past the executable (and the app's
 * path when run as `electron .`), without switches; everything after `--` is a file.
 */
export function filesOnCommandLine(argv: readonly string[], context: CommandLineContext): string[] {
  const positional: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') switchesEnded = true;
    else if (switchesEnded || !isSwitch(arg, context.platform)) positional.push(arg);
  }
  // Chromium may put switches of its own before the app's path, so it is skipped after them.
  if (context.defaultApp) positional.shift();
  return positional.filter((arg) => arg !== '').map((arg) => path.resolve(context.cwd, arg));
}

/** What a second launch sends along with its lock request: its files, already resolved. */
export interface LaunchData {
  files: string[];
}

/** The files in a second launch's data, or null when it sent none (or something else). */
export function filesInLaunchData(data: unknown): string[] | null {
  const files = (data as Partial<LaunchData> | null)?.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && path.isAbsolute(f))) return null;
  return files;
}

export class SystemOpens {
  #waiting: string | null = null;
  readonly #handedOver = new Set<string>();

  /** @param announce tells the page a file waits (a file.openFromSystem menu command). */
  constructor(private readonly announce: () => void) {}

  /** The system asks to open a file: it waits for the page, which is told. */
  request(file: string): void {
    const absolute = path.resolve(file);
    this.#handedOver.add(absolute);
    this.#waiting = absolute;
    this.announce();
  }

  /** The file waiting to be opened, once; null when none waits. */
  take(): string | null {
    const file = this.#waiting;
    this.#waiting = null;
    return file;
  }

  /** Whether the system handed this file over: consent to open it wherever it is. */
  handedOver(absolute: string): boolean {
    return this.#handedOver.has(path.resolve(absolute));
  }
}
