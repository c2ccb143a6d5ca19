// Facts about the Node side (shell, backends, project folder) and the recent projects list.
import { create } from 'zustand';
import type { AppInfo, RecentProject } from '../../../shared/api/schemas';

interface AppState {
  info: AppInfo | null;
  /** Set when the Node side could not be reached; shown in the totals bar. */
  connectionProblem: string | null;
  recent: RecentProject[];
  setInfo(info: AppInfo): void;
  setConnectionProblem(problem: string | null): void;
  setRecent(recent: RecentProject[]): void;
}

export const useApp = create<AppState>((set) => ({
  info: null,
  connectionProblem: null,
  recent: [],
  setInfo: (info) => set({ info, connectionProblem: null }),
  setConnectionProblem: (connectionProblem) => set({ connectionProblem }),
  setRecent: (recent) => set({ recent }),
}));
