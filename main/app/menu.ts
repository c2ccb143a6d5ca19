// The native menu. Every item sends a menu command to the page. Where the editor handles the
// shortcut itself (renderer/src/app/shortcuts.ts), the accelerator is shown but left to the page
// on Linux and Windows (registerAccelerator: false), so a shortcut acts once, in text fields too;
// the zoom shortcuts exist only here, so the menu registers them.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandName, RecentProject } from '../../shared/api/schemas';

export function buildStudioMenu(send: (command: MenuCommand) => void, recent: readonly RecentProject[]): Menu {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommandName, accelerator?: string, pageHandlesKeys = true): MenuItemConstructorOptions => ({
    label,
    // macOS makes every accelerator a menu key equivalent whatever registerAccelerator says; one
    // without Cmd (Delete, F, ?) could take that key from a text field, so there the page keeps it.
    // Those with Cmd (Undo, Select All...) reach the page as commands even while the user types;
    // it sends them to the focused field (renderer/src/app/menuCommands.ts).
    accelerator: isMac && accelerator && !accelerator.includes('CmdOrCtrl') ? undefined : accelerator,
    registerAccelerator: !pageHandlesKeys,
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
        item('Zoom In', 'view.zoomIn', 'CmdOrCtrl+=', false),
        item('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-', false),
        item('Actual Size', 'view.zoomReset', 'CmdOrCtrl+0', false),
        item('Zoom to Fit', 'view.fit', 'F'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      submenu: [item('Keyboard Shortcuts', 'help.shortcuts', '?')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
