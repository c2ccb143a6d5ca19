// StudioTransport over the `reswire serve` WebSocket (/api). Calls made while connecting wait;
// a dropped connection fails the calls in flight with a sentence and reconnects on demand.
import type { StudioTransport } from '../../../shared/api/client';
import type { StudioEventName, StudioMethodName, Unsubscribe } from '../../../shared/api/studio';
import { wsServerMessageSchema } from '../../../shared/api/wire';

/** The part of the browser's WebSocket this transport uses (the `ws` package's matches it too). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

const OPEN = 1;

export interface WebSocketTransport extends StudioTransport {
  close(): void;
}

export function createWebSocketTransport(url: string, connect: WebSocketFactory): WebSocketTransport {
  let socket: WebSocketLike | null = null;
  let opened: Promise<WebSocketLike> | null = null;
  let nextId = 1;
  let closedByUs = false;
  const pending = new Map<number, { resolve: (envelope: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<StudioEventName, Set<(payload: unknown) => void>>();
  const shownUrl = url.replace(/token=[^&]*/, 'token=…');

  function lost(reason: string) {
    for (const call of pending.values()) call.reject(new Error(reason));
    pending.clear();
    socket = null;
    opened = null;
  }

  function open(): Promise<WebSocketLike> {
    if (opened) return opened;
    closedByUs = false;
    opened = new Promise((resolve, reject) => {
      const ws = connect(url);
      let isOpen = false;
      ws.addEventListener('open', () => {
        isOpen = true;
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (event) => receive(event.data));
      ws.addEventListener('close', () => {
        const reason = isOpen
          ? 'The connection to the studio server was lost; check that `reswire serve` is still running, then try again.'
          : `Could not connect to the studio server at ${shownUrl}: it may have stopped, or this page's token is from an earlier launch. Open the address \`reswire serve\` printed.`;
        if (!isOpen) reject(new Error(reason));
        lost(reason);
        // Event subscribers expect a live stream: reconnect once the server may be back.
        if (isOpen && !closedByUs && listeners.size > 0) setTimeout(() => void open().catch(() => undefined), 1000);
      });
    });
    return opened;
  }

  function receive(data: unknown) {
    let message;
    try {
      message = wsServerMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      return; // Not ours to act on; the server only sends well-formed messages.
    }
    if (message.type === 'result') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      call?.resolve(message.envelope);
    } else {
      for (const listener of listeners.get(message.event as StudioEventName) ?? []) listener(message.payload);
    }
  }

  return {
    async call(method: StudioMethodName, request: unknown) {
      const ws = socket && socket.readyState === OPEN ? socket : await open();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ type: 'call', id, method, request }));
      });
    },
    listen(event: StudioEventName, listener: (payload: unknown) => void): Unsubscribe {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      void open().catch(() => undefined);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
      };
    },
    close() {
      closedByUs = true;
      socket?.close();
    },
  };
}
