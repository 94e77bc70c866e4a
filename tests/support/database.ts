import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Each test file runs on its own copy of the migrated template database.
const adminUrl = inject("adminUrl");
const name = `rr_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-that-is-long-enough";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
