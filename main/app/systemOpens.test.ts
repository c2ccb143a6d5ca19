// Reading the files off a command line as Electron hands it over, and the one waiting file.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { filesInLaunchData, filesOnCommandLine, SystemOpens } from './systemOpens';

const packaged = { cwd: '/home/ada/work', defaultApp: false, platform: 'linux' as const };

describe('files on a command line', () => {
  it('skips the executable and every switch, and resolves the rest against the working directory', () => {
    expect(filesOnCommandLine(['/opt/ResWire/reswire', '--no-sandbox', 'net.reswire.json', '--enable-logging=stderr', '../b.json'], packaged)).toEqual([
      '/home/ada/work/net.reswire.json',
      '/home/ada/b.json',
    ]);
    expect(filesOnCommandLine(['/opt/ResWire/reswire', '/tmp/x.reswire.json'], packaged)).toEqual(['/tmp/x.reswire.json']);
    expect(filesOnCommandLine(['/opt/ResWire/reswire'], packaged)).toEqual([]);
  });

  it('skips the app’s own path when run as `electron <app>`, even after switches Chromium put first', () => {
    const dev = { ...packaged, defaultApp: true };
    expect(filesOnCommandLine(['/usr/lib/electron', '.', 'net.reswire.json'], dev)).toEqual(['/home/ada/work/net.reswire.json']);
    expect(filesOnCommandLine(['/usr/lib/electron', '--inspect=9229', 'out/main/index.js', 'net.reswire.json'], dev)).toEqual(['/home/ada/work/net.reswire.json']);
    expect(filesOnCommandLine(['/usr/lib/electron', '.'], dev)).toEqual([]);
  });

  it('skips the process serial number macOS adds, takes everything after -- as a file, and ignores empty arguments', () => {
    expect(filesOnCommandLine(['/Applications/ResWire.app/Contents/MacOS/ResWire', '-psn_0_12345'], { ...packaged, platform: 'darwin' })).toEqual([]);
    expect(filesOnCommandLine(['/opt/ResWire/reswire', '--', '-odd-name.json', ''], packaged)).toEqual(['/home/ada/work/-odd-name.json']);
  });

  it('treats slash switches as switches on Windows only', () => {
    expect(filesOnCommandLine(['C:\\ResWire\\ResWire.exe', '/prefetch:1'], { ...packaged, platform: 'win32' })).toEqual([]);
    expect(filesOnCommandLine(['/opt/ResWire/reswire', '/tmp/a.json'], packaged)).toEqual(['/tmp/a.json']);
  });

  it('reads a second launch’s own files from its launch data, and nothing else', () => {
    expect(filesInLaunchData({ files: ['/tmp/a.json'] })).toEqual(['/tmp/a.json']);
    expect(filesInLaunchData({ files: [] })).toEqual([]);
    expect(filesInLaunchData(undefined)).toBeNull();
    expect(filesInLaunchData({ files: ['relative.json'] })).toBeNull();
    expect(filesInLaunchData({ files: '/tmp/a.json' })).toBeNull();
  });
});

describe('the waiting file', () => {
  it('waits for the page, once, the latest request winning, and tells the page each time', () => {
    const announce = vi.fn();
    const opens = new SystemOpens(announce);
    expect(opens.take()).toBeNull();
    opens.request('/tmp/a.reswire.json');
    opens.request('/tmp/b.reswire.json');
    expect(announce).toHaveBeenCalledTimes(2);
    expect(opens.take()).toBe('/tmp/b.reswire.json');
    expect(opens.take()).toBeNull();
  });

  it('remembers every file handed over, as consent to open it', () => {
    const opens = new SystemOpens(() => undefined);
    opens.request('/tmp/a.reswire.json');
    opens.request('/tmp/b.reswire.json');
    opens.take();
    expect(opens.handedOver('/tmp/a.reswire.json')).toBe(true);
    expect(opens.handedOver(path.join('/tmp', 'x', '..', 'b.reswire.json'))).toBe(true);
    expect(opens.handedOver('/tmp/c.reswire.json')).toBe(false);
  });
});
