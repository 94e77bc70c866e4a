import { db } from "@/lib/db";

/** One checksum over every table: any insert, update or delete anywhere changes it. */
export async function databaseChecksum(): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY tablename`;
  const query = tables.map(({ tablename }) => `SELECT '${tablename}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS sum FROM "${tablename}" t`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(`SELECT string_agg(name || '=' || sum, ',' ORDER BY name) AS all FROM (${query}) s`);
  return (rows[0] as unknown as { all: string }).all;
}

