import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";

type ScriptRunner = {
  client: Pool;
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks
 * PL/pgSQL function bodies and comments. PostgreSQL's simple query protocol runs a whole
 * multi-statement script itself, in one implicit transaction, so a migration applies
 * completely or not at all.
 */
export class PrismaPgForMigrations extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script: string) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  }
}
