import pg from "pg";
import { log } from "@/lib/log";

// While PostgreSQL restarts (a failover, an upgrade, `npm run bench:load`'s fault run), new
// connections are refused for a moment, then told "the database system is starting up". A
// request that needs a connection then would fail with a 500, although a second later the
// same request succeeds. This pool waits instead: when opening a connection fails in one of
// those two ways, it tries again with a growing pause, for up to `patienceMs`. Only opening a
// connection is retried, never a statement: nothing has run when these errors occur, so a
// write is not repeated. Statements cut off mid-way still fail, and their transaction rolls back.
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
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {
    super(config);
    this.on("error", (error: Error & { code?: string }) => {
      log.warn({ code: error.code, message: error.message, application: config.application_name }, "an idle database connection ended; a new one is opened when needed");
    });
  }

  private async connectPatiently(): Promise<pg.PoolClient> {
    for (const pause of [...retryPauses(this.patienceMs), null]) {
      try {
        return await super.connect();
      } catch (error) {
        if (pause === null || !isConnectRetryable(error) || this.ending) throw error;
        await this.sleep(pause);
      }
    }
    throw new Error("unreachable");
  }

  // pg-pool calls connect(callback) itself for pool.query(); callers may use the promise.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const connecting = this.connectPatiently();
    if (!callback) return connecting;
    connecting.then(
      (client) => callback(undefined, client, (error) => client.release(error)),
      (error: Error) => callback(error),
    );
  }
}
