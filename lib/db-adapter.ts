import { PrismaPg } from "@prisma/adapter-pg";
import { PatientPool } from "@/lib/db-pool";

// The driver adapter Prisma runs on: PrismaPg over the pool that waits for a restarting
// database (lib/db-pool.ts), with one repair. Prisma ends an interactive transaction by
// sending COMMIT or ROLLBACK and then handing the connection back to the pool. When that
// statement fails, as it does on a connection the database has cut, Prisma 6.19 never hands
// the connection back: the pool loses it for good, and once all of them are lost every request
// waits. Here a failed COMMIT or ROLLBACK hands it back at once; pg-pool drops it if broken.

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

class ReleasingPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasedOnFailedEnd(await startTransaction(isolationLevel));
    return adapter;
  }
}

/** Prisma's adapter on a pool of `max` connections to `connectionString`; the pool closes with Prisma. */
export function createDriverAdapter(connectionString: string, { max = 10, connectionWaitMs = CONNECTION_WAIT_MS } = {}) {
  const pool = new PatientPool({ connectionString, max, connectionTimeoutMillis: connectionWaitMs });
  return { adapter: new ReleasingPrismaPg(pool, { disposeExternalPool: true }), pool };
}
