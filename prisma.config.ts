import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPgForMigrations } from "./prisma/migration-adapter";

// Prisma runs through its WebAssembly schema engine and the pg driver adapter,
// so no native engine is ever downloaded (see docs/decisions/0001-prisma-offline.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    return new PrismaPgForMigrations({ connectionString, idleTimeoutMillis: 200 });
  },
});
