// Electron's contextBridge copies only the message of an Error a method rejects with, so a
// failure's message data (its code and args, for the UI's language) would not reach the page.
// The preload hands failures over as plain objects, which are copied whole, and the page turns
// them back into StudioApiErrors.
import { StudioApiError } from './errors';
import { messageSchema } from './messageSchema';
import { studioMethodNames, type StudioApi } from './studio';

/** A failure as it crosses the bridge. */
export interface BridgedFailure {
  studioError: string;
  text?: unknown;
}

function isBridgedFailure(value: unknown): value is BridgedFailure {
  return typeof value === 'object' && value !== null && typeof (value as BridgedFailure).studioError === 'string';
}

function wrapMethods(api: StudioApi, onFailure: (error: unknown) => unknown): StudioApi {
  const out: Record<string, unknown> = { ...api };
  for (const name of studioMethodNames) {
    const call = api[name] as (request?: unknown) => Promise<unknown>;
    out[name] = (request?: unknown) =>
      call(request).catch((error: unknown) => {
        throw onFailure(error);
      });
  }
  return out as StudioApi;
}

/** For the preload: failures leave as plain objects that keep their message data. */
export function bridgeFailures(api: StudioApi): StudioApi {
  return wrapMethods(api, (error) => {
    if (!(error instanceof Error)) return error;
    const failure: BridgedFailure = { studioError: error.message };
    if (error instanceof StudioApiError && error.text) failure.text = error.text;
    return failure;
  });
}

/** For the page: failures from the bridge become StudioApiErrors again (an unreadable text is dropped). */
export function unbridgeFailures(api: StudioApi): StudioApi {
  return wrapMethods(api, (error) => {
    if (!isBridgedFailure(error)) return error;
    const text = messageSchema.safeParse(error.text);
    return new StudioApiError(error.studioError, text.success ? text.data : undefined);
  });
}
