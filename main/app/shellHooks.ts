// The desktop shell's answers to what only a shell can do: system open/save dialogs, the
// unsaved-changes marker on the window, and the projects the system asked the app to open.
import path from 'node:path';
import { type BrowserWindow, dialog } from 'electron';
import { PROJECT_EXTENSION } from '../../shared/api/schemas';
import type { NativePick, ShellHooks } from '../api/context';
import type { SystemOpens } from './systemOpens';

const filters = [
  { name: 'ResWire projects', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronShell(window: () => BrowserWindow | null, opens: SystemOpens): ShellHooks {
  const answer = (canceled: boolean, file: string | undefined): NativePick =>
    canceled || !file ? { outcome: 'canceled' } : { outcome: 'picked', absolute: file };
  return {
    shell: 'electron',
    nativeDialogs: true,
    async pickOpenPath(request, folder) {
      const options = { title: request.title ?? 'Open Project', defaultPath: folder, properties: ['openFile' as const], filters };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return answer(result.canceled, result.filePaths[0]);
    },
    async pickSavePath(request, folder) {
      const name = request.suggestedName ?? `untitled${PROJECT_EXTENSION}`;
      const options = { title: request.title ?? 'Save Project', defaultPath: path.join(folder, name), filters };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return answer(result.canceled, result.filePath);
    },
    setDirty(dirty) {
      // macOS shows a dot in the close button; the page puts a marker in the title everywhere.
      window()?.setDocumentEdited(dirty);
    },
    takePendingOpen: () => opens.take(),
    handedOver: (absolute) => opens.handedOver(absolute),
  };
}
