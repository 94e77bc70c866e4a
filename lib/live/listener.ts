import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// Live updates (F18). Every change writes an audit event, and a trigger on audit_events sends
// NOTIFY release_events with the release's id when the change commits. Each app instance keeps
// one LISTEN connection and fans the notices out to its open pages, so a change made on any
// instance reaches every viewer, and no viewer polls the database.

export type ReleaseEvent = { releaseId: string; action: string };
type Subscriber = (event: ReleaseEvent) => void;

const CHANNEL = "release_events";
const MAX_BACKOFF_MS = 10_000;

type ListenerState = {
  subscribers: Map<string, Set<Subscriber>>;
  /** Ends each open event stream; called when the process is asked to stop. */
  streams: Set<() => void>;
  isStopping: boolean;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  backoffMs: number;
};

// One listener per process, kept across dev reloads.
const globalForLive = globalThis as unknown as { releaseListener?: ListenerState };
const state: ListenerState = (globalForLive.releaseListener ??= createState());

function createState(): ListenerState {
  // An open event stream would hold a graceful shutdown forever: end them all on the way out,
  // and the browsers reconnect to whichever instance is up.
  const endStreams = () => {
    state.isStopping = true;
    for (const end of state.streams) end();
    void state.client?.end().catch(() => {});
  };
  process.once("SIGTERM", endStreams);
  process.once("SIGINT", endStreams);
  return { subscribers: new Map(), streams: new Set(), isStopping: false, client: null, connecting: null, backoffMs: 500 };
}

function dispatch(payload: string | undefined) {
  if (!payload) return;
  let event: ReleaseEvent;
  try {
    event = JSON.parse(payload) as ReleaseEvent;
  } catch {
    return;
  }
  for (const subscriber of state.subscribers.get(event.releaseId) ?? []) subscriber(event);
}

function scheduleReconnect() {
  state.client = null;
  state.connecting = null;
  if (state.subscribers.size === 0) return;
  const delay = state.backoffMs;
  state.backoffMs = Math.min(state.backoffMs * 2, MAX_BACKOFF_MS);
  setTimeout(() => void ensureListening(), delay).unref();
}

async function connect() {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "release-readiness-live" });
  client.on("notification", (message) => dispatch(message.payload));
  client.on("error", () => {
    void client.end().catch(() => {});
    if (state.client === client) scheduleReconnect();
  });
  client.on("end", () => {
    if (state.client === client) scheduleReconnect();
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  state.client = client;
  state.backoffMs = 500;
}

/** Opens the LISTEN connection if it is not open; retries with backoff while anyone listens. */
export function ensureListening(): Promise<void> {
  if (state.client) return Promise.resolve();
  state.connecting ??= connect().catch(() => scheduleReconnect());
  return state.connecting;
}

/** Calls `subscriber` for every committed change to the release; returns the unsubscribe. */
export function subscribeToRelease(releaseId: string, subscriber: Subscriber): () => void {
  const set = state.subscribers.get(releaseId) ?? new Set();
  set.add(subscriber);
  state.subscribers.set(releaseId, set);
  void ensureListening();
  return () => {
    set.delete(subscriber);
    if (set.size === 0) state.subscribers.delete(releaseId);
  };
}

/** Registers an open event stream to be ended when the process stops; returns the unregister. */
export function trackStream(end: () => void): () => void {
  state.streams.add(end);
  return () => state.streams.delete(end);
}

/** True once this instance is shutting down: new event streams are turned away. */
export function isStopping(): boolean {
  return state.isStopping;
}

/** How many live-update streams this instance holds open, for the metrics. */
export function openStreamCount(): number {
  return state.streams.size;
}
