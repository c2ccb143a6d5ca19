// The Node side's event streams. Handlers emit; each adapter subscribes once and forwards
// to its windows or sockets, so a handler never knows how many UIs are listening.
import type { StudioEventName, StudioEventPayload, Unsubscribe } from '../../shared/api/studio';

export type StudioEventListener = <K extends StudioEventName>(event: K, payload: StudioEventPayload<K>) => void;

export class StudioEventHub {
  readonly #listeners = new Set<StudioEventListener>();

  emit<K extends StudioEventName>(event: K, payload: StudioEventPayload<K>): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event, payload);
      } catch {
        // One broken listener (a closed window, say) must not starve the others.
      }
    }
  }

  subscribe(listener: StudioEventListener): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
