import { PrismaClient } from "@/lib/generated/prisma/client";
import { installPlanCache } from "@/lib/db-plan-cache";
import { createDriverAdapter } from "@/lib/db-adapter";
import { env } from "@/lib/env";

// One Prisma client per process, created on first use (so a build that imports this module
// needs no database), kept on globalThis so dev reloads do not leak connection pools.
type QueryListener = (query: string) => void;
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; queryListeners?: Set<QueryListener> };
const listeners = (globalForDb.queryListeners ??= new Set());

// Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) failed changes on
// a busy two-core server while nothing was wrong but the wait (npm run bench, docs/performance.md).
// Conflicting edits are still refused by their version, whatever the wait.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

function createClient() {
  installPlanCache();
  const client = new PrismaClient({
    // Waits up to 10 s for a restarting database to accept connections, and keeps no broken
    // connection (lib/db-adapter.ts, lib/db-pool.ts).
    adapter: createDriverAdapter(env().DATABASE_URL).adapter,
    log: [{ emit: "event", level: "query" }],
    transactionOptions,
  });
  client.$on("query", (event) => {
    for (const listener of listeners) listener(event.query);
  });
  return client;
}

function getClient(): PrismaClient {
  globalForDb.prisma ??= createClient() as unknown as PrismaClient;
  return globalForDb.prisma;
}

/** Calls `listener` with every SQL statement the app sends; returns the unsubscribe. For query budgets. */
export function onQuery(listener: QueryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The client or a transaction: reads that must also run inside a mutation's transaction take either. */
export type DbClient = Tx | PrismaClient;
