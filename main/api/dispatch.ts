// Calls one method of the handler table with an unchecked request and always answers with an
// envelope: every adapter goes through here, so validation and error wording are the same
// for Electron, the WebSocket and tests.
import { describeSchemaError, errorSentence, StudioApiError } from '../../shared/api/errors';
import {
  isStudioMethodName,
  studioMethods,
  type StudioMethodName,
  type StudioParsedRequest,
  type StudioResponse,
} from '../../shared/api/studio';
import type { StudioEnvelope } from '../../shared/api/wire';

export type StudioHandlers = {
  [K in StudioMethodName]: (request: StudioParsedRequest<K>) => Promise<StudioResponse<K>>;
};

export interface DispatchOptions {
  /** Told about failures that are bugs rather than user errors (bad answers, unexpected throws). */
  onInternalError?: (method: string, error: unknown) => void;
}

export async function dispatchStudioCall(
  handlers: StudioHandlers,
  method: unknown,
  request: unknown,
  options: DispatchOptions = {},
): Promise<StudioEnvelope> {
  if (!isStudioMethodName(method)) {
    return {
      ok: false,
      error: `The studio has no method called ${JSON.stringify(method)}; the page and the studio may be different versions, so reload the page.`,
    };
  }
  const spec = studioMethods[method];
  const parsed = spec.request.safeParse(request ?? {});
  if (!parsed.success) {
    return { ok: false, error: describeSchemaError(`The ${method} request`, parsed.error, 'Check what was sent and try again.', request) };
  }
  let response: unknown;
  try {
    const handler = handlers[method] as (r: unknown) => Promise<unknown>;
    response = await handler(parsed.data);
  } catch (e) {
    if (!(e instanceof StudioApiError)) options.onInternalError?.(method, e);
    if (e instanceof StudioApiError && e.text) return { ok: false, error: e.message, text: e.text };
    return { ok: false, error: errorSentence(e) };
  }
  const checked = spec.response.safeParse(response);
  if (!checked.success) {
    options.onInternalError?.(method, checked.error);
    return { ok: false, error: describeSchemaError(`The studio's answer to ${method}`, checked.error, 'This is a bug in ResWire; please report it.', response) };
  }
  return { ok: true, response: checked.data };
}
