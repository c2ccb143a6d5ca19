// The fake `electron` as a module with named exports, for electronHook.mjs.
import { fakeElectronModule } from '../electron/fakeElectron';

const electron = fakeElectronModule();
export const { app, BrowserWindow, ipcMain, Menu, protocol, session, dialog, shell, contextBridge, ipcRenderer } = electron;
export default electron.default;
