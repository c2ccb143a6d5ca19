// The in-process adapter: a StudioApi that calls the handler table directly, through the
// same client and dispatcher as the other transports, so tests exercise the real checks.
import { createStudioClient, type StudioClientOptions } from '../../shared/api/client';
import type { StudioApi } from '../../shared/api/studio';
import { dispatchStudioCall } from './dispatch';
import type { Studio } from './handlers';

export function createInProcessStudioApi(studio: Studio, options: StudioClientOptions = {}): StudioApi {
  return createStudioClient(
    {
      // Round-trip through JSON like a real transport, so nothing passes that could not travel.
      call: async (method, request) =>
        JSON.parse(JSON.stringify(await dispatchStudioCall(studio.handlers, method, JSON.parse(JSON.stringify(request))))),
      listen: (event, listener) =>
        studio.context.events.subscribe((name, payload) => {
          if (name === event) listener(JSON.parse(JSON.stringify(payload)));
        }),
    },
    options,
  );
}
