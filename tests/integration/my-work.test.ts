import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { setItemStatus } from "@/lib/checklist/item-status";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { getMyWork } from "@/lib/work/queries";
import { createItem, createPhase, createRelease, createRole, createUser, testPassword } from "../support/factories";

let manager: Viewer;
let me: Viewer;
let someoneElse: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  me = await createUser("APPROVER", { withPassword: true });
  someoneElse = await createUser("APPROVER", { withPassword: true });
});

const day = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset));

describe("my work", () => {
  it("lists exactly my open items, sign-offs still to give and conditions of current sign-offs, overdue first", async () => {
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    const later = await createItem(phase, { title: "Later" });
    const overdue = await createItem(phase, { title: "Overdue" });
    const done = await createItem(phase, { title: "Done already" });
    const theirs = await createItem(phase, { title: "Someone else's" });
    await db.item.update({ where: { id: later.id }, data: { assigneeId: me.id, dueDate: day(5) } });
    await db.item.update({ where: { id: overdue.id }, data: { assigneeId: me.id, dueDate: day(-3) } });
    await db.item.update({ where: { id: done.id }, data: { assigneeId: me.id, status: "DONE" } });
    await db.item.update({ where: { id: theirs.id }, data: { assigneeId: someoneElse.id } });
    const archived = await createRelease(manager.id, { archivedAt: new Date() });
    const hidden = await createItem(await createPhase(archived.id), { title: "On an archived release" });
    await db.item.update({ where: { id: hidden.id }, data: { assigneeId: me.id } });

    const waiting = await createRole(release.id, [me, someoneElse], { roleName: "QA Lead" });
    const given = await createRole(release.id, [me], { roleName: "Security Officer" });
    const key = () => randomUUID();
    const conditional = await recordSignoff(someoneElse, {
      requiredSignoffId: waiting.id, verdict: "CONDITIONAL", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: key(),
      conditions: [{ description: "Attach the load test", ownerId: me.id, dueDate: day(1).toISOString().slice(0, 10) }],
    });
    await recordSignoff(me, { requiredSignoffId: given.id, verdict: "APPROVED", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: key() });

    const work = await getMyWork(me);
    expect(work.items.map((item) => item.title)).toEqual(["Overdue", "Later"]);
    expect(work.items[0]!.isOverdue).toBe(true);
    expect(work.signoffs.map((signoff) => [signoff.roleName, signoff.standing])).toEqual([["QA Lead", "none"]]);
    expect(work.conditions.map((condition) => condition.description)).toEqual(["Attach the load test"]);

    // Re-signing supersedes the conditional approval: its condition no longer waits for me.
    await recordSignoff(someoneElse, { requiredSignoffId: waiting.id, verdict: "APPROVED", password: testPassword, basisRevision: "0", supersedesId: conditional.id, idempotencyKey: key() });
    expect((await getMyWork(me)).conditions).toEqual([]);

    // A blocking change makes my approval stale: it waits for me again.
    const blocking = await createItem(phase, { priority: "BLOCKING", status: "DONE" });
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "TODO" });
    expect((await getMyWork(me)).signoffs.map((signoff) => [signoff.roleName, signoff.standing]).sort()).toEqual([
      ["QA Lead", "none"],
      ["Security Officer", "stale"],
    ]);
  });
});
