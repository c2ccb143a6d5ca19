// The native menu. Items that the editor also handles as keyboard shortcuts send a menu
// command to the page; their accelerators are shown but left to the page on Linux and Windows
// (registerAccelerator: false), so a shortcut acts once, in text fields too.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandName, RecentProject } from '../../shared/api/schemas';

export function buildStudioMenu(send: (command: MenuCommand) => void, recent: readonly RecentProject[]): Menu {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommandName, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send({ command }),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((p) => ({ label: p.path, click: () => send({ command: 'file.openRecent', path: p.path }) }))
    : [{ label: 'No recent projects', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New…', 'file.new', 'CmdOrCtrl+N'),
        item('Open…', 'file.open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        item('Save', 'file.save', 'CmdOrCtrl+S'),
        item('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        // The page gets cut/copy/paste events and handles them for the canvas and for text alike.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Duplicate', 'edit.duplicate', 'CmdOrCtrl+D'),
        item('Delete', 'edit.delete', 'Delete'),
        { type: 'separator' },
        item('Select All', 'edit.selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
        item('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
        item('Actual Size', 'view.zoomReset', 'CmdOrCtrl+0'),
        item('Zoom to Fit', 'view.fit', 'Shift+1'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      submenu: [item('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
