// The preload: exposes window.studio (the StudioApi over IPC) and nothing else. It runs
// sandboxed, so it is bundled alone with its few dependencies (the shared schemas and zod).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeFailures } from '../../shared/api/bridge';
import { createStudioClient } from '../../shared/api/client';
import { eventChannel, methodChannel } from '../../shared/api/studio';

const studio = createStudioClient({
  call: (method, request) => ipcRenderer.invoke(methodChannel(method), request),
  listen(event, listener) {
    const channel = eventChannel(event);
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  },
});

// Failures cross as plain objects, so their message data reaches the page (see bridge.ts).
contextBridge.exposeInMainWorld('studio', bridgeFailures(studio));
