import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit-chain";
import { db } from "@/lib/db";
import { createRelease } from "@/lib/releases/mutations";
import { createUser } from "../support/factories";

// The audit trail's hash chain (F21), on a real PostgreSQL: set by the database, linear under
// concurrent writers, and any changed, removed or reordered event is found and named.

/** Runs `sql` with the append-only trigger off, as someone with the database's owner rights would. */
async function tamper(sql: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only"`);
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe(`ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only"`);
  });
}

describe("the audit hash chain", () => {
  it("links every event, also when many transactions write at once", async () => {
    const manager = await createUser("RELEASE_MANAGER");
    await Promise.all(Array.from({ length: 12 }, (_, index) => createRelease(manager, { name: `Concurrent ${index}`, versionName: "v1", description: "", targetDate: "2030-01-01" })));
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(events[0]!.prevHash).toBe("genesis");
    events.slice(1).forEach((event, index) => expect(event.prevHash).toBe(events[index]!.hash));
    expect(await verifyAuditChain(db)).toMatchObject({ checked: events.length, firstBreak: null, head: events.at(-1)!.hash });
  });

  it("cannot be changed or deleted by the application", async () => {
    const [event] = await db.auditEvent.findMany({ take: 1, select: { id: true } });
    await expect(db.auditEvent.update({ where: { id: event!.id }, data: { action: "release.forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event!.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE audit_events SET hash = 'x' WHERE id = ${event!.id}`).rejects.toThrow(/append-only/);
  });

  it("names the first changed, removed or reordered event", async () => {
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, action: true, after: true } });
    const [, second, third, fourth] = events;

    await tamper(`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Forged"') WHERE id = ${second!.id}`);
    expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: String(second!.id), reason: "its content does not match its hash: the event was changed" });
    await tamper(`UPDATE audit_events SET after = '${JSON.stringify(second!.after).replace(/'/g, "''")}'::jsonb WHERE id = ${second!.id}`);
    expect((await verifyAuditChain(db)).firstBreak).toBeNull();

    await tamper(`UPDATE audit_events SET action = CASE id WHEN ${third!.id} THEN '${fourth!.action}' ELSE '${third!.action}' END, after = CASE id WHEN ${third!.id} THEN '${JSON.stringify(fourth!.after).replace(/'/g, "''")}'::jsonb ELSE '${JSON.stringify(third!.after).replace(/'/g, "''")}'::jsonb END WHERE id IN (${third!.id}, ${fourth!.id})`);
    expect((await verifyAuditChain(db)).firstBreak?.id).toBe(String(third!.id));
    await tamper(`UPDATE audit_events SET action = CASE id WHEN ${third!.id} THEN '${third!.action}' ELSE '${fourth!.action}' END, after = CASE id WHEN ${third!.id} THEN '${JSON.stringify(third!.after).replace(/'/g, "''")}'::jsonb ELSE '${JSON.stringify(fourth!.after).replace(/'/g, "''")}'::jsonb END WHERE id IN (${third!.id}, ${fourth!.id})`);
    expect((await verifyAuditChain(db)).firstBreak).toBeNull();

    await tamper(`DELETE FROM audit_events WHERE id = ${third!.id}`);
    expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: String(fourth!.id), reason: "its link to the event before does not match: an event before it was changed, removed or inserted" });
  });
});
