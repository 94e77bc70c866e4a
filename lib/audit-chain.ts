import "server-only";
import type { DbClient } from "@/lib/db";

// Verifies the audit trail's hash chain (F21): each event's hash is recomputed from its content
// and the previous event's hash, in id order. The formula is written out here rather than
// calling the database's audit_event_digest(), so a replaced function cannot vouch for itself.
// A changed row breaks its own hash; a deleted row breaks the next row's link; rows moved to
// other ids break their hashes, since the id is part of the content.

export type ChainBreak = { id: string; reason: string };
export type ChainReport = { checked: number; head: string | null; firstBreak: ChainBreak | null };

type Row = { id: bigint; prev_hash: string | null; hash: string | null; computed: string; expected_prev: string | null };

const BATCH = 5_000;

export async function verifyAuditChain(client: DbClient): Promise<ChainReport> {
  let checked = 0;
  let previous = "genesis";
  let lastId = -1n;
  for (;;) {
    const rows = await client.$queryRaw<Row[]>`
      SELECT "id", "prev_hash", "hash",
             encode(sha256(convert_to(json_build_array(
               "prev_hash", "id", "release_id", "actor_id", "action", "entity_type", "entity_id", "before", "after", "via",
               to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
             )::text, 'UTF8')), 'hex') AS "computed",
             NULL::text AS "expected_prev"
      FROM "audit_events" WHERE "id" > ${lastId} ORDER BY "id" LIMIT ${BATCH}`;
    if (rows.length === 0) return { checked, head: checked > 0 ? previous : null, firstBreak: null };
    for (const row of rows) {
      const id = row.id.toString();
      if (row.prev_hash !== previous) {
        return { checked, head: previous, firstBreak: { id, reason: checked === 0 && row.prev_hash !== "genesis" ? "the first event does not start the chain" : "its link to the event before does not match: an event before it was changed, removed or inserted" } };
      }
      if (row.hash !== row.computed) return { checked, head: previous, firstBreak: { id, reason: "its content does not match its hash: the event was changed" } };
      previous = row.hash;
      checked += 1;
      lastId = row.id;
    }
  }
}
