import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { createItem as createItemMutation, updateItem } from "@/lib/checklist/item-mutations";
import { setItemStatus } from "@/lib/checklist/item-status";
import { recordDecision } from "@/lib/decisions/mutations";
import { sweepConditionsDue } from "@/lib/notifications/events";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";
import { countUnread, listNotifications } from "@/lib/notifications/queries";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { createRequiredSignoff } from "@/lib/signoffs/role-mutations";
import { NotFoundError } from "@/lib/errors";
import { createItem, createPhase, createRelease, createUser, testPassword } from "../support/factories";

let manager: Viewer;
let ana: Viewer;
let ben: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  ana = await createUser("APPROVER", { withPassword: true });
  ben = await createUser("APPROVER", { withPassword: true });
});

const kinds = async (user: Viewer) => (await listNotifications(user.id)).map((notification) => notification.kind);

describe("notifications", () => {
  it("asks assigned people to sign, never the person who assigned them", async () => {
    const release = await createRelease(manager.id);
    await createRequiredSignoff(manager, { releaseId: release.id, roleName: "QA Lead", evidenceToReview: "", requiredApprovals: "1", assigneeIds: [ana.id, manager.id] });
    const [notification] = await listNotifications(ana.id);
    expect(notification).toMatchObject({ kind: "SIGNOFF_REQUESTED", title: `Your sign-off is requested: QA Lead for ${release.name}` });
    expect(notification!.link).toMatch(new RegExp(`^/releases/${release.id}/signoffs#role-`));
    expect(await kinds(manager)).not.toContain("SIGNOFF_REQUESTED");
  });

  it("tells an item's new assignee, once per assignment", async () => {
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    const item = await createItemMutation(manager, { releaseId: release.id, phaseId: phase.id, title: "Rotate secrets", priority: "RECOMMENDED", assigneeId: ben.id });
    expect(await kinds(ben)).toEqual(["ITEM_ASSIGNED"]);
    await updateItem(manager, { id: item.id, version: "1", title: "Rotate all secrets", priority: "RECOMMENDED", assigneeId: ben.id });
    expect(await kinds(ben)).toEqual(["ITEM_ASSIGNED"]);
    await updateItem(manager, { id: item.id, version: "2", title: "Rotate all secrets", priority: "RECOMMENDED", assigneeId: ana.id });
    expect((await listNotifications(ana.id)).some((notification) => notification.title === "Assigned to you: Rotate all secrets")).toBe(true);
  });

  it("asks signers to re-confirm when a blocking change makes their approval stale, once per sign-off", async () => {
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    const blocking = await createItem(phase, { priority: "BLOCKING", status: "DONE" });
    const { id: roleId } = await createRequiredSignoff(manager, { releaseId: release.id, roleName: "Security", evidenceToReview: "", requiredApprovals: "1", assigneeIds: [ben.id] });
    await recordSignoff(ben, { requiredSignoffId: roleId, verdict: "APPROVED", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID() });
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "TODO" });
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version + 1), status: "DONE" });
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version + 2), status: "IN_PROGRESS" });
    const stale = (await listNotifications(ben.id)).filter((notification) => notification.kind === "SIGNOFF_STALE");
    expect(stale).toHaveLength(1);
    expect(stale[0]!.body).toContain("Blocking item reopened");
  });

  it("tells the owner and the signers of a decision, and condition owners when a condition comes due", async () => {
    const release = await createRelease(ana.id);
    const { id: roleId } = await createRequiredSignoff(manager, { releaseId: release.id, roleName: "QA", evidenceToReview: "", requiredApprovals: "1", assigneeIds: [ben.id] });
    const today = new Date().toISOString().slice(0, 10);
    await recordSignoff(ben, {
      requiredSignoffId: roleId, verdict: "CONDITIONAL", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID(),
      conditions: [{ description: "Attach the soak test", ownerId: ana.id, dueDate: today }],
    });
    await recordDecision(manager, { releaseId: release.id, outcome: "GO", rationale: "Hotfix", overrideReason: "Data loss bug", previousDecisionId: "", idempotencyKey: randomUUID() });
    expect(await kinds(ben)).toContain("DECISION_RECORDED");
    expect((await listNotifications(ana.id)).find((notification) => notification.kind === "DECISION_RECORDED")!.title).toBe(
      `Decision recorded for ${release.name}: GO (override)`,
    );
    await db.release.update({ where: { id: release.id }, data: { status: "IN_PROGRESS" } });
    await sweepConditionsDue(new Date());
    await sweepConditionsDue(new Date());
    const due = (await listNotifications(ana.id)).filter((notification) => notification.kind === "CONDITION_DUE");
    expect(due.map((notification) => notification.title)).toEqual(["Due today: Attach the soak test"]);
  });

  it("marks read only the reader's own notifications", async () => {
    const release = await createRelease(manager.id);
    await createRequiredSignoff(manager, { releaseId: release.id, roleName: "Ops", evidenceToReview: "", requiredApprovals: "1", assigneeIds: [ana.id, ben.id] });
    const [mine] = await listNotifications(ana.id);
    const [theirs] = await listNotifications(ben.id);
    await expect(markNotificationRead(ana, { id: theirs!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs!.id } })).readAt).toBeNull();
    const unreadBefore = await countUnread(ana.id);
    const { link } = await markNotificationRead(ana, { id: mine!.id });
    expect(link).toBe(mine!.link);
    expect(await countUnread(ana.id)).toBe(unreadBefore - 1);
    await markAllNotificationsRead(ana);
    expect(await countUnread(ana.id)).toBe(0);
    expect(await countUnread(ben.id)).toBeGreaterThan(0);
  });
});
