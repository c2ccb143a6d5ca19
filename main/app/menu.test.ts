// The native menu: the usual items with the usual shortcuts, each sending its command to the
// page; the shortcuts shown agree with what the keys do in the editor.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand, RecentProject } from '../../shared/api/schemas';
import { electron, resetElectron } from '../../test/electron/fakeElectron';
import { buildStudioMenu } from './menu';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

interface Item {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  submenu?: Item[];
  click?: () => void;
}

const realPlatform = process.platform;
function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

let sent: MenuCommand[];

function build(platform: NodeJS.Platform, recent: RecentProject[] = []): Item[] {
  onPlatform(platform);
  sent = [];
  buildStudioMenu((command) => sent.push(command), recent);
  return electron().menus.at(-1)!.template as Item[];
}

function menu(template: Item[], label: string): Item[] {
  const found = template.find((m) => m.label === label);
  if (!found?.submenu) throw new Error(`No ${label} menu.`);
  return found.submenu;
}

function entry(items: Item[], label: string): Item {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`No ${label} item; there are ${items.map((i) => i.label ?? i.role).join(', ')}.`);
  return found;
}

beforeEach(() => resetElectron());
afterEach(() => onPlatform(realPlatform));

describe('Linux and Windows', () => {
  it('has File, Edit, View and Help menus with Alt access keys', () => {
    expect(build('linux').map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it.each([
    ['&File', 'New…', 'CmdOrCtrl+N', 'file.new'],
    ['&File', 'Open…', 'CmdOrCtrl+O', 'file.open'],
    ['&File', 'Save', 'CmdOrCtrl+S', 'file.save'],
    ['&File', 'Save As…', 'CmdOrCtrl+Shift+S', 'file.saveAs'],
    ['&Edit', 'Undo', 'CmdOrCtrl+Z', 'edit.undo'],
    ['&Edit', 'Redo', 'CmdOrCtrl+Shift+Z', 'edit.redo'],
    ['&Edit', 'Duplicate', 'CmdOrCtrl+D', 'edit.duplicate'],
    ['&Edit', 'Delete', 'Delete', 'edit.delete'],
    ['&Edit', 'Select All', 'CmdOrCtrl+A', 'edit.selectAll'],
    ['&View', 'Zoom to Fit', 'F', 'view.fit'],
    ['&Help', 'Keyboard Shortcuts', '?', 'help.shortcuts'],
  ])('%s > %s shows %s, leaves the key to the page and sends %s', (menuLabel, label, accelerator, command) => {
    const item = entry(menu(build('win32'), menuLabel), label);
    expect(item.accelerator).toBe(accelerator);
    // The page handles this key itself (and ignores it while the user types in a field).
    expect(item.registerAccelerator).toBe(false);
    item.click!();
    expect(sent).toEqual([{ command }]);
  });

  it.each([
    ['Zoom In', 'CmdOrCtrl+=', 'view.zoomIn'],
    ['Zoom Out', 'CmdOrCtrl+-', 'view.zoomOut'],
    ['Actual Size', 'CmdOrCtrl+0', 'view.zoomReset'],
  ])('View > %s registers %s, which only the menu handles, and sends %s', (label, accelerator, command) => {
    const item = entry(menu(build('linux'), '&View'), label);
    expect(item.accelerator).toBe(accelerator);
    expect(item.registerAccelerator).toBe(true);
    item.click!();
    expect(sent).toEqual([{ command }]);
  });

  it('ends the File menu with Quit, and keeps cut, copy and paste native', () => {
    const template = build('linux');
    expect(menu(template, '&File').at(-1)).toEqual({ role: 'quit' });
    expect(menu(template, '&Edit').filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste']);
  });

  it('lists recent projects, each reopened by its path', () => {
    const project = (name: string) => ({ path: `/p/${name}.reswire.json`, name, openedAt: '2025-01-01T00:00:00Z' });
    const file = menu(build('linux', [project('a'), project('b')]), '&File');
    const items = entry(file, 'Open Recent').submenu!;
    expect(items.map((i) => i.label)).toEqual(['/p/a.reswire.json', '/p/b.reswire.json']);
    items[1].click!();
    expect(sent).toEqual([{ command: 'file.openRecent', path: '/p/b.reswire.json' }]);
  });

  it('says so when there are no recent projects', () => {
    expect(entry(menu(build('linux'), '&File'), 'Open Recent').submenu).toEqual([{ label: 'No recent projects', enabled: false }]);
  });

  it('offers the developer tools only when the app is not packaged', () => {
    expect(menu(build('linux'), '&View').some((i) => i.role === 'toggleDevTools')).toBe(true);
    electron().app.isPackaged = true;
    expect(menu(build('linux'), '&View').some((i) => i.role === 'toggleDevTools')).toBe(false);
  });
});

describe('macOS', () => {
  it('has the app menu (About, Hide, Quit ⌘Q) first and the Window menu, and File > Close instead of Quit', () => {
    const template = build('darwin');
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.map((m) => m.role ?? m.label)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(menu(template, '&File').at(-1)).toEqual({ role: 'close' });
    expect(menu(template, '&File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('keeps the ⌘ shortcuts', () => {
    const template = build('darwin');
    expect(entry(menu(template, '&File'), 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(entry(menu(template, '&Edit'), 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('gives the menu no shortcut without ⌘, which would take the key from text fields', () => {
    const template = build('darwin');
    for (const [menuLabel, label] of [['&Edit', 'Delete'], ['&View', 'Zoom to Fit'], ['&Help', 'Keyboard Shortcuts']]) {
      const item = entry(menu(template, menuLabel), label);
      expect(item.accelerator, label).toBeUndefined();
      item.click!();
    }
    expect(sent.map((c) => c.command)).toEqual(['edit.delete', 'view.fit', 'help.shortcuts']);
  });
});
