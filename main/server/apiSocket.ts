// The WebSocket adapter: the handler table and event hub spoken over /api. A connection needs
// this launch's token and, when a browser makes it, a page from this server (its Origin),
// so neither another user on the machine nor a web page elsewhere can drive the studio.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { errorSentence } from '../../shared/api/errors';
import { WS_CLOSE_BAD_MESSAGE, wsCallSchema, type WsServerMessage } from '../../shared/api/wire';
import { dispatchStudioCall, type DispatchOptions, type StudioHandlers } from '../api/dispatch';
import type { StudioEventHub } from '../api/events';

export const API_PATH = '/api';
/** A whole expanded ResNet-152 document is a few MB; this leaves plenty of room. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface ApiSocketOptions extends DispatchOptions {
  handlers: StudioHandlers;
  events: StudioEventHub;
  token: string;
  /** Origins a browser page may connect from (this server's own). */
  allowedOrigins: () => readonly string[];
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: string, reason: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

/** Why an upgrade request may not connect, or null when it may. */
export function refusalFor(req: IncomingMessage, options: Pick<ApiSocketOptions, 'token' | 'allowedOrigins'>): [string, string] | null {
  const url = new URL(req.url ?? '/', 'http://studio');
  if (url.pathname !== API_PATH) return ['404 Not Found', `The studio API is at ${API_PATH}.\n`];
  if (!sameToken(url.searchParams.get('token'), options.token)) {
    return ['401 Unauthorized', 'This connection lacks the token of this studio launch; open the address `reswire serve` printed.\n'];
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !options.allowedOrigins().includes(origin)) {
    return ['403 Forbidden', `Pages from ${origin} may not use this studio; open the address \`reswire serve\` printed.\n`];
  }
  return null;
}

export function attachApiSocket(server: Server, options: ApiSocketOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const refusal = refusalFor(req, options);
    if (refusal) return refuse(socket, ...refusal);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, message: WsServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  const stopEvents = options.events.subscribe((event, payload) => {
    for (const ws of wss.clients) send(ws, { type: 'event', event, payload });
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', async (data) => {
      let call;
      try {
        call = wsCallSchema.parse(JSON.parse(String(data)));
      } catch {
        ws.close(WS_CLOSE_BAD_MESSAGE, 'The studio did not understand a message; reload the page.');
        return;
      }
      const envelope = await dispatchStudioCall(options.handlers, call.method, call.request, options).catch(
        (e: unknown) => ({ ok: false as const, error: errorSentence(e) }),
      );
      send(ws, { type: 'result', id: call.id, envelope });
    });
  });

  return {
    close() {
      stopEvents();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
