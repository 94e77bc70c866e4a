import { PrismaPg } from "@prisma/adapter-pg";
import { PatientPool } from "@/lib/db-pool";
import { log } from "@/lib/log";

// The driver adapter Prisma runs on: PrismaPg over the pool that waits for a restarting
// database (lib/db-pool.ts), with one repair. Prisma ends an interactive transaction by
// sending COMMIT or ROLLBACK and then handing the connection back to the pool. When that
// statement fails, as it does on a connection the database has cut, Prisma 6.19 never hands
// the connection back: the pool loses it for good, and once all of them are lost every request
// waits. Here a failed COMMIT or ROLLBACK hands it back at once; pg-pool drops it if broken.
//
// A second change: a read outside any transaction whose connection is lost while it runs (the
// database restarting, or ending that connection) runs again, at most twice, on a connection
// the pool opens when the database accepts one again. A lone SELECT changes nothing, so running it
// twice is safe; the reader gets its page instead of an error. Writes, and every statement in a
// transaction, are never run again: they fail, and their transaction rolls back.

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** How long a request waits for a connection, however busy or broken the pool, before it fails. */
export const CONNECTION_WAIT_MS = 20_000;

const endsTransaction = new Set(["COMMIT", "ROLLBACK"]);

function releasedOnFailedEnd(transaction: Transaction): Transaction {
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // Prisma does not call rollback() after this failure: release the connection here, once.
      if (endsTransaction.has(query.sql.trim().toUpperCase())) await transaction.rollback().catch(() => {});
      throw error;
    }
  };
  return transaction;
}

/**
 * Whether an error says the statement's connection was lost, rather than that the statement
 * failed: pg's own words for a socket closed under it, a reset socket, and PostgreSQL's
 * connection exceptions (class 08) and shutdowns (57P01 to 57P03), as Prisma's adapter reports them.
 */
export function isConnectionLost(error: unknown): boolean {
  const cause = (error as { cause?: { kind?: unknown; code?: unknown } } | null)?.cause;
  if (cause?.kind === "ConnectionClosed") return true;
  if (cause?.kind === "postgres" && typeof cause.code === "string" && /^(08...|57P0[123])$/.test(cause.code)) return true;
  return error instanceof Error && /^Connection terminated|is not queryable/.test(error.message);
}

/**
 * How many times a lone read runs again. More than once: when the database ends every
 * connection at once, the first retry can be handed an idle connection whose end has not
 * reached the pool yet.
 */
const READ_RETRIES = 2;

const isLoneRead = (sql: string) => /^\s*SELECT\b/i.test(sql);

class ReleasingPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasedOnFailedEnd(await startTransaction(isolationLevel));
    // Only the adapter's own queryRaw: statements in a transaction go through the transaction's.
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      for (let retry = 1; ; retry += 1) {
        try {
          return await queryRaw(query);
        } catch (error) {
          if (retry > READ_RETRIES || !isLoneRead(query.sql) || !isConnectionLost(error)) throw error;
          log.warn({ reason: (error as Error).message, retry }, "a read lost its database connection; running it again");
        }
      }
    };
    return adapter;
  }
}

/** Prisma's adapter on a pool of `max` connections to `connectionString`; the pool closes with Prisma. */
export function createDriverAdapter(connectionString: string, { max = 10, connectionWaitMs = CONNECTION_WAIT_MS } = {}) {
  const pool = new PatientPool({ connectionString, max, connectionTimeoutMillis: connectionWaitMs });
  return { adapter: new ReleasingPrismaPg(pool, { disposeExternalPool: true }), pool };
}
