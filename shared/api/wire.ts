// What travels between an adapter's two ends. Methods answer with an envelope rather than a
// thrown error, so a failure reaches the UI as the sentence it was, on every transport.
import { z } from 'zod';
import type { Message } from '../i18n/messages';
import { messageSchema } from './messageSchema';

/** A failure's `error` is its English sentence; `text`, when present, is the same as message data. */
export type StudioEnvelope = { ok: true; response: unknown } | { ok: false; error: string; text?: Message };

export const studioEnvelopeSchema: z.ZodType<StudioEnvelope> = z.union([
  z.object({ ok: z.literal(true), response: z.unknown() }),
  // A message this side cannot read (a newer server's code) is dropped; the English stays.
  z.object({ ok: z.literal(false), error: z.string(), text: messageSchema.optional().catch(undefined) }),
]);

/** WebSocket, client to server: call a method. `id` pairs the answer with the call. */
export const wsCallSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0),
  method: z.string(),
  request: z.unknown(),
});
export type WsCall = z.infer<typeof wsCallSchema>;

/** WebSocket, server to client: the answer to a call, or an event. */
export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), envelope: studioEnvelopeSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;

/** Close codes the server uses, so the client can explain what happened. */
export const WS_CLOSE_BAD_MESSAGE = 4400;
