// Startup talk with the Node side: app facts, recent projects, unsaved-changes tracking,
// commands from the native menu and the project the system asked to open (Electron).
import { useEffect } from 'react';
import { getStudioApi } from '../api/client';
import { openFromSystem, refreshRecent, trackDirty } from '../project/projectActions';
import { useApp } from '../store/appStore';
import { runMenuCommand } from './menuCommands';

export function useStudioConnection(): void {
  useEffect(() => {
    const api = getStudioApi();
    api
      .appInfo()
      .then((info) => useApp.getState().setInfo(info))
      .catch((err: unknown) => useApp.getState().setConnectionProblem(err instanceof Error ? err.message : String(err)));
    void refreshRecent();
    const stopDirty = trackDirty();
    const stopMenu = api.onMenuCommand(runMenuCommand);
    // The project the desktop app was launched with (or was handed while this page loaded).
    void openFromSystem();
    return () => {
      stopDirty();
      stopMenu();
    };
  }, []);
}
