// How the UI reaches the Node side. In Electron the preload has put a ready StudioApi on
// window.studio; in a browser (web mode) the page talks to `reswire serve` over a WebSocket,
// authenticated by the token in the page's address. Either way the UI sees one StudioApi.
import { unbridgeFailures } from '../../../shared/api/bridge';
import { createStudioClient } from '../../../shared/api/client';
import type { StudioApi } from '../../../shared/api/studio';
import { createWebSocketTransport } from './wsTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    studio?: StudioApi;
  }
}

const TOKEN_KEY = 'reswire.token';

/** The launch token: from ?token= (remembered for reloads of this tab), else the remembered one. */
function launchToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createWebStudioApi(): StudioApi {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${protocol}//${window.location.host}/api?token=${encodeURIComponent(launchToken())}`;
  const api = createStudioClient(createWebSocketTransport(url, (u) => new WebSocket(u)), {
    onProblem: (sentence) => console.warn(sentence),
  });
  // A browser tab cannot be held open from the server; the page asks before unloading instead.
  let dirty = false;
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  const setDirty: StudioApi['setDirty'] = (request) => {
    dirty = request.dirty;
    return api.setDirty(request);
  };
  return { ...api, setDirty };
}

let studio: StudioApi | null = null;

/** The StudioApi for this page; the same object on every call. */
export function getStudioApi(): StudioApi {
  studio ??= window.studio ? unbridgeFailures(window.studio) : createWebStudioApi();
  return studio;
}
