// The one handler table implementing StudioApi on the Node side. Electron's IPC, the web
// server's WebSocket and in-process tests all call it through dispatchStudioCall.
import { createRequire } from 'node:module';
import packageJson from '../../package.json';
import { BACKENDS } from '../../shared/api/runEvents';
import { createStudioContext, type StudioContext, type StudioContextOptions } from './context';
import { previewDataset } from './datasetPreview';
import type { StudioHandlers } from './dispatch';
import { createProjectHandlers } from './projectHandlers';
import { createRunHandlers } from './runHandlers';

const nodeRequire = createRequire(import.meta.url);

/** The backend packages this install has, best first, without loading any of them. */
function installedBackends(): { backends: string[]; backendProblems: Record<string, string> } {
  const packages: Record<string, string | null> = {
    tensorflow: '@tensorflow/tfjs-node',
    wasm: '@tensorflow/tfjs-backend-wasm',
    cpu: null,
  };
  const backends: string[] = [];
  const backendProblems: Record<string, string> = {};
  for (const name of BACKENDS) {
    const pkg = packages[name];
    try {
      if (pkg) nodeRequire.resolve(pkg);
      backends.push(name);
    } catch {
      backendProblems[name] = `the optional package ${pkg} is not installed (npm install ${pkg})`;
    }
  }
  return { backends, backendProblems };
}

/** Step engines beside TF.js that this install has (onnxruntime-node is optional), without loading them. */
function installedEngines(): string[] {
  try {
    nodeRequire.resolve('onnxruntime-node');
    return ['onnxruntime'];
  } catch {
    return [];
  }
}

export interface Studio {
  handlers: StudioHandlers;
  context: StudioContext;
  /** Stops live runs and releases what the handlers hold. */
  dispose(): Promise<void>;
}

export function createStudio(options: StudioContextOptions): Studio {
  const context = createStudioContext(options);
  const runs = createRunHandlers(context);
  const backendInfo = installedBackends();
  const engines = installedEngines();
  const handlers: StudioHandlers = {
    async appInfo() {
      return {
        name: 'ResWire',
        version: packageJson.version,
        shell: context.shell.shell,
        nativeDialogs: context.shell.nativeDialogs,
        platform: process.platform,
        projectDir: context.folder.root,
        ...backendInfo,
        engines,
      };
    },
    ...createProjectHandlers(context),
    ...runs.handlers,
    // TF.js takes a second to load: only when the UI first asks for a summary, not at start-up.
    compileSummary: async (request) => (await import('./compileSummary')).compileSummary(request),
    datasetPreview: (request) => previewDataset(request, context.folder),
  };
  return { handlers, context, dispose: runs.dispose };
}
