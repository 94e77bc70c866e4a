import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// How the current change is being made when it is not a person in the web UI: an API call
// runs inside runVia("API token “CI”"), and every audit event written meanwhile records it.
// The mutations stay the same for the UI and the API.

const storage = new AsyncLocalStorage<{ via: string }>();

export function runVia<T>(via: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ via }, work);
}

export function currentVia(): string | null {
  return storage.getStore()?.via ?? null;
}
