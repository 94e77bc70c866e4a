import pg from "pg";
import { log } from "@/lib/log";

// While PostgreSQL restarts (a failover, an upgrade, `npm run bench:load`'s fault run), new
// connections are refused for a moment, then told "the database system is starting up". A
// request that needs a connection then would fail with a 500, although a second later the
// same request succeeds. This pool waits instead: when opening a connection fails in one of
// those two ways, it tries again with a growing pause, for up to `patienceMs`. Only opening a
// connection is retried, never a statement: nothing has run when these errors occur, so a
// write is not repeated. Statements cut off mid-way fail, and their transaction rolls back;
// only a lone read is run again (lib/db-adapter.ts).
// An idle connection that the database ends (a restart, pg_terminate_backend) is dropped by
// pg-pool, which then emits "error"; the pool logs it, where without a listener Node would
// raise it as an uncaught exception.

/** Errors while connecting that mean "not accepting connections yet": nothing was sent. */
export function isConnectRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // ECONNREFUSED: nothing listens on the port; 57P03 (cannot_connect_now): starting up or shutting down.
  return code === "ECONNREFUSED" || code === "57P03";
}

/** Pauses between attempts: 50 ms, doubling, at most 1 s; the last one ends at the deadline. */
export function retryPauses(patienceMs: number): number[] {
  const pauses: number[] = [];
  let total = 0;
  for (let pause = 50; total < patienceMs; pause = Math.min(pause * 2, 1000)) {
    const next = Math.min(pause, patienceMs - total);
    pauses.push(next);
    total += next;
  }
  return pauses;
}

type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, release?: (error?: Error | boolean) => void) => void;

export class PatientPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly patienceMs = 10_000,
  ) {
    super(config);
    this.on("error", (error: Error & { code?: string }) => {
      log.warn({ code: error.code, message: error.message, application: config.application_name }, "an idle database connection ended; a new one is opened when needed");
    });
    // A connection's error can arrive in the very tick its client is handed from one user to
    // the next, before the next user (a Prisma transaction takes its client through a promise)
    // listens. Every client keeps this listener, so such an error fails that user's next
    // statement ("not queryable"), and pg-pool then drops the client, instead of being raised
    // as an uncaught exception.
    this.on("connect", (client) => client.on("error", () => {}));
  }

  /** Hands over a client exactly as pg-pool does (in the same tick), after waiting out a restart. */
  private connectWithin(pauses: readonly number[], callback: ConnectCallback) {
    super.connect((error, client, release) => {
      const [pause, ...rest] = pauses;
      if (error && pause !== undefined && isConnectRetryable(error) && !this.ending) {
        setTimeout(() => this.connectWithin(rest, callback), pause);
        return;
      }
      callback(error, client, release);
    });
  }

  // pg-pool's query() calls connect(callback) and listens for the client's errors in that
  // callback: it must run in the tick the client is handed over, as in pg-pool itself.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const pauses = retryPauses(this.patienceMs);
    if (callback) return this.connectWithin(pauses, callback);
    return new Promise((resolve, reject) => this.connectWithin(pauses, (error, client) => (error ? reject(error) : resolve(client!))));
  }
}
