import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process (kept on globalThis so dev reloads do not leak pools).
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.db ?? createClient();
if (env().NODE_ENV !== "production") globalForDb.db = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
