import "server-only";
import pg from "pg";
import { RateLimiterPostgres, type IRateLimiterPostgresOptions } from "rate-limiter-flexible";
import { PatientPool } from "@/lib/db-pool";
import { env } from "@/lib/env";

// Rate limits kept in PostgreSQL (table rate_limits, created by a migration), so every app
// instance counts the same attempts. One small pool serves every limiter; like the app's, it
// waits for a restarting database and survives connections the database ends (lib/db-pool.ts).

const globalForLimits = globalThis as unknown as { rateLimitPool?: pg.Pool; rateLimiters?: Map<string, RateLimiterPostgres> };

/** The limiters' pool, opened on first use. */
export function rateLimitPool(): pg.Pool {
  globalForLimits.rateLimitPool ??= new PatientPool({ connectionString: env().DATABASE_URL, max: 3, application_name: "release-readiness-rate-limits" });
  return globalForLimits.rateLimitPool;
}

export function postgresLimiter(keyPrefix: string, options: Omit<IRateLimiterPostgresOptions, "storeClient" | "storeType" | "tableName" | "tableCreated" | "keyPrefix">): RateLimiterPostgres {
  globalForLimits.rateLimiters ??= new Map();
  let limiter = globalForLimits.rateLimiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterPostgres({ storeClient: rateLimitPool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false, keyPrefix, ...options });
    globalForLimits.rateLimiters.set(keyPrefix, limiter);
  }
  return limiter;
}
