// Builds a StudioApi over any transport (Electron IPC in the preload, WebSocket in the web
// page). Requests are checked before they leave and responses when they arrive, so a bad
// payload is reported as a sentence on whichever side notices it first.
import { parseOrExplain, StudioApiError } from './errors';
import {
  type StudioApi,
  type StudioEventName,
  type StudioMethodName,
  type Unsubscribe,
  eventMethodName,
  studioEventNames,
  studioEvents,
  studioMethodNames,
  studioMethods,
} from './studio';
import { studioEnvelopeSchema } from './wire';

export interface StudioTransport {
  /** Sends a validated request; resolves with the raw envelope the Node side answered. */
  call(method: StudioMethodName, request: unknown): Promise<unknown>;
  /** Delivers raw event payloads until unsubscribed. */
  listen(event: StudioEventName, listener: (payload: unknown) => void): Unsubscribe;
}

export interface StudioClientOptions {
  /** Told about event payloads that failed validation (they are not delivered). */
  onProblem?: (sentence: string) => void;
}

export function createStudioClient(transport: StudioTransport, options: StudioClientOptions = {}): StudioApi {
  const api: Record<string, unknown> = {};
  for (const name of studioMethodNames) {
    const spec = studioMethods[name];
    api[name] = async (request: unknown = {}) => {
      const checked = parseOrExplain(spec.request, request, `The ${name} request`, 'This is a bug in the studio UI.');
      const envelope = parseOrExplain(
        studioEnvelopeSchema,
        await transport.call(name, checked),
        `The answer to ${name}`,
        'The studio server may be a different version from this page; reload it.',
      );
      if (!envelope.ok) throw new StudioApiError(envelope.error, envelope.text);
      return parseOrExplain(spec.response, envelope.response, `The answer to ${name}`, 'This is a bug in the studio server.');
    };
  }
  for (const event of studioEventNames) {
    const schema = studioEvents[event];
    api[eventMethodName(event)] = (listener: (payload: unknown) => void): Unsubscribe => {
      if (typeof listener !== 'function') throw new StudioApiError(`${eventMethodName(event)} needs a function to call with each event.`);
      return transport.listen(event, (payload) => {
        const result = schema.safeParse(payload);
        if (result.success) listener(result.data);
        else options.onProblem?.(`A ${event} event from the studio server was malformed and was ignored.`);
      });
    };
  }
  return api as StudioApi;
}
