import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { addEvidence } from "@/lib/checklist/item-records";
import { createItem, updateItem } from "@/lib/checklist/item-mutations";
import { setItemStatus, waiveItem } from "@/lib/checklist/item-status";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";
import { recordSignoff, resolveCondition } from "@/lib/signoffs/mutations";
import { getSignoffBoard } from "@/lib/signoffs/queries";
import { updateSignoffPolicy } from "@/lib/releases/settings-mutations";
import {
  countRows,
  createItem as insertItem,
  createPhase,
  createRelease,
  createRole,
  createUser,
  testPassword,
} from "../support/factories";

let manager: Viewer;
let ana: Viewer;
let ben: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER", { withPassword: true });
  ana = await createUser("APPROVER", { withPassword: true, name: "Ana Approver" });
  ben = await createUser("APPROVER", { withPassword: true, name: "Ben Approver" });
  viewer = await createUser("VIEWER", { withPassword: true });
});

async function setup(options: { requiredApprovals?: number; assignees?: Viewer[] } = {}) {
  const release = await createRelease(manager.id);
  const phase = await createPhase(release.id);
  const blocking = await insertItem(phase, { priority: "BLOCKING", status: "DONE", lastChangedById: manager.id });
  const role = await createRole(release.id, options.assignees ?? [ana, ben], { roleName: "QA Lead", requiredApprovals: options.requiredApprovals });
  return { release, phase, blocking, role };
}

async function revisionOf(releaseId: string) {
  return (await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { blockingRevision: true } })).blockingRevision;
}

async function signInput(roleId: string, releaseId: string, overrides: Record<string, unknown> = {}) {
  return {
    requiredSignoffId: roleId,
    verdict: "APPROVED",
    comment: "Reviewed the E2E run",
    evidenceReviewed: "https://ci.example.com/run/42",
    password: testPassword,
    basisRevision: String(await revisionOf(releaseId)),
    supersedesId: "",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function roleState(releaseId: string, now = new Date()) {
  const loaded = await loadReadinessInput(db, releaseId);
  return evaluateReadiness(loaded!.input, now).roles[0]!;
}

describe("recording a sign-off", () => {
  it("records the signer and time from the session, with an audit event", async () => {
    const { release, role } = await setup();
    const before = Date.now();
    const result = await recordSignoff(ana, await signInput(role.id, release.id));
    const row = await db.signoff.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ signerId: ana.id, verdict: "APPROVED", releaseId: release.id, supersedesId: null });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: result.id } });
    expect(audit).toMatchObject({ action: "signoff.recorded", actorId: ana.id });
    expect((await roleState(release.id)).state).toBe("APPROVED");
  });

  it("asks a password account for its password, and a single sign-on account for a sign-on at most 10 minutes old", async () => {
    const sso = await createUser("APPROVER", { name: "Sol Sso" });
    await db.user.update({ where: { id: sso.id }, data: { passwordHash: null } });
    const { release, role } = await setup({ assignees: [ana, sso] });
    const before = await countRows();
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { password: "" }))).rejects.toThrow(ValidationError);
    const stale = { ...sso, signedInAt: new Date(Date.now() - 11 * 60_000) };
    await expect(recordSignoff(stale, await signInput(role.id, release.id, { password: "" }))).rejects.toThrow(ValidationError);
    await expect(recordSignoff({ ...sso, signedInAt: undefined }, await signInput(role.id, release.id, { password: "" }))).rejects.toThrow(ValidationError);
    expect(await countRows()).toEqual(before);
    const fresh = { ...sso, signedInAt: new Date(Date.now() - 2 * 60_000) };
    const result = await recordSignoff(fresh, await signInput(role.id, release.id, { password: "" }));
    expect(await db.signoff.findUniqueOrThrow({ where: { id: result.id }, select: { signerId: true } })).toEqual({ signerId: sso.id });
  });

  it("refuses a wrong password, an unassigned user, a viewer and forged fields, changing nothing", async () => {
    const { release, role } = await setup({ assignees: [ana] });
    const before = await countRows();
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { password: "guess" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSignoff(ben, await signInput(role.id, release.id))).rejects.toThrow(/not assigned to sign as QA Lead/);
    await expect(recordSignoff(viewer, await signInput(role.id, release.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { signerId: ben.id }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { createdAt: "2020-01-01T00:00:00Z" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSignoff(ana, await signInput("missing-role", release.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await countRows()).toEqual(before);
  });

  it("refuses sign-offs on archived and on released releases", async () => {
    const { release, role } = await setup();
    await db.release.update({ where: { id: release.id }, data: { status: "RELEASED" } });
    await expect(recordSignoff(ana, await signInput(role.id, release.id))).rejects.toThrow(/closed/);
    await db.release.update({ where: { id: release.id }, data: { status: "IN_PROGRESS", archivedAt: new Date() } });
    await expect(recordSignoff(ana, await signInput(role.id, release.id))).rejects.toThrow(/archived/);
    expect(await db.signoff.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("records one sign-off when the same form is submitted twice, even at once", async () => {
    const { release, role } = await setup();
    const input = await signInput(role.id, release.id);
    const [first, second] = await Promise.all([recordSignoff(ana, input), recordSignoff(ana, input)]);
    expect(first.id).toBe(second.id);
    const third = await recordSignoff(ana, input);
    expect(third).toMatchObject({ id: first.id, isRepeat: true });
    expect(await db.signoff.count({ where: { releaseId: release.id } })).toBe(1);
  });

  it("supersedes the signer's earlier sign-off and keeps the history", async () => {
    const { release, role } = await setup();
    const first = await recordSignoff(ana, await signInput(role.id, release.id));
    const second = await recordSignoff(ana, await signInput(role.id, release.id, { verdict: "REJECTED", comment: "Flaky tests", supersedesId: first.id }));
    const rows = await db.signoff.findMany({ where: { releaseId: release.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.verdict, row.supersedesId])).toEqual([["APPROVED", null], ["REJECTED", first.id]]);
    expect((await roleState(release.id)).state).toBe("REJECTED");
    // A form still naming the first sign-off, or none, is out of date.
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { supersedesId: first.id }))).rejects.toBeInstanceOf(StaleVersionError);
    await expect(recordSignoff(ana, await signInput(role.id, release.id))).rejects.toBeInstanceOf(StaleVersionError);
    expect(second.id).not.toBe(first.id);
  });

  it("needs a comment to reject and conditions only for a conditional approval", async () => {
    const { release, role } = await setup();
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { verdict: "REJECTED", comment: "" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSignoff(ana, await signInput(role.id, release.id, { verdict: "CONDITIONAL" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordSignoff(ana, await signInput(role.id, release.id, { conditions: [{ description: "x", ownerId: ben.id, dueDate: "2030-01-01" }] })),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.signoff.count({ where: { releaseId: release.id } })).toBe(0);
  });
});

describe("N of M", () => {
  it("approves the role once the required number of assigned users approve", async () => {
    const carl = await createUser("APPROVER", { withPassword: true });
    const { release, role } = await setup({ requiredApprovals: 2, assignees: [ana, ben, carl] });
    await recordSignoff(ana, await signInput(role.id, release.id));
    expect(await roleState(release.id)).toMatchObject({ state: "PENDING", approvals: 1, required: 2 });
    await recordSignoff(carl, await signInput(role.id, release.id));
    expect(await roleState(release.id)).toMatchObject({ state: "APPROVED", approvals: 2 });
  });
});

describe("separation of duties", () => {
  it("stops the release owner from approving, but lets them reject", async () => {
    const { release, role } = await setup({ assignees: [manager, ana] });
    await expect(recordSignoff(manager, await signInput(role.id, release.id))).rejects.toThrow(/release owner cannot approve/);
    await expect(recordSignoff(manager, await signInput(role.id, release.id, { verdict: "CONDITIONAL", conditions: [{ description: "x", ownerId: ana.id, dueDate: "2099-01-01" }] }))).rejects.toBeInstanceOf(ForbiddenError);
    await recordSignoff(manager, await signInput(role.id, release.id, { verdict: "REJECTED", comment: "Not ready" }));
  });

  it("stops whoever last changed a blocking item from approving", async () => {
    const { release, role, blocking } = await setup();
    await setItemStatus(ana, { id: blocking.id, version: String(blocking.version), status: "IN_PROGRESS" });
    await setItemStatus(ana, { id: blocking.id, version: String(blocking.version + 1), status: "DONE" });
    await expect(recordSignoff(ana, await signInput(role.id, release.id))).rejects.toThrow(/you last changed the blocking item/);
    await recordSignoff(ben, await signInput(role.id, release.id));
  });

  it("can be relaxed per release by a release manager, with a reason, audited", async () => {
    const { release, role } = await setup({ assignees: [manager] });
    await expect(updateSignoffPolicy(manager, { id: release.id, version: String(release.version), separationOfDuties: "off", reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateSignoffPolicy(ana, { id: release.id, version: String(release.version), separationOfDuties: "off", reason: "Small team" })).rejects.toBeInstanceOf(ForbiddenError);
    await updateSignoffPolicy(manager, { id: release.id, version: String(release.version), separationOfDuties: "off", reason: "Two-person team" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { releaseId: release.id, action: "release.separation_of_duties_relaxed" } });
    expect(audit.after).toMatchObject({ separationOfDuties: false, reason: "Two-person team" });
    await recordSignoff(manager, await signInput(role.id, release.id));
    expect((await roleState(release.id)).state).toBe("APPROVED");
  });
});

describe("stale sign-offs", () => {
  async function approved() {
    const setupResult = await setup({ assignees: [ana] });
    await recordSignoff(ana, await signInput(setupResult.role.id, setupResult.release.id));
    expect((await roleState(setupResult.release.id)).state).toBe("APPROVED");
    return setupResult;
  }

  it("marks the approval stale when a blocking item is reopened, and lists the change", async () => {
    const { release, blocking } = await approved();
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "IN_PROGRESS" });
    const state = await roleState(release.id);
    expect(state.state).toBe("PENDING");
    expect(state.signers[0]!.standing).toBe("stale");
    const board = await getSignoffBoard(release.id, ana);
    expect(board!.roles[0]!.signers[0]!.changesSinceSigning.map((change) => [change.kind, change.itemTitle])).toEqual([["REOPENED", blocking.title]]);
  });

  it.each([
    ["waiving a blocking item", async (item: { id: string; version: number }) => waiveItem(manager, { id: item.id, version: String(item.version), waiverReason: "Later", waiverExpiresAt: "2099-01-01" })],
    ["adding evidence to a blocking item", async (item: { id: string }) => addEvidence(manager, { itemId: item.id, url: "https://ci.example.com/2", label: "" })],
  ])("marks it stale after %s", async (_label, change) => {
    const { release, blocking } = await approved();
    await change(blocking);
    expect((await roleState(release.id)).signers[0]!.standing).toBe("stale");
  });

  it("marks it stale when a blocking item is added or an item is raised to blocking", async () => {
    const { release, phase } = await approved();
    const item = await createItem(manager, { releaseId: release.id, phaseId: phase.id, title: "Rotate keys", priority: "RECOMMENDED" });
    expect((await roleState(release.id)).state).toBe("APPROVED");
    await updateItem(manager, { id: item.id, version: "1", title: "Rotate keys", priority: "BLOCKING" });
    expect((await roleState(release.id)).signers[0]!.standing).toBe("stale");
  });

  it("is not made stale by progress or by changes to other items", async () => {
    const { release, phase } = await approved();
    const other = await insertItem(phase, { priority: "RECOMMENDED", status: "DONE" });
    await setItemStatus(manager, { id: other.id, version: String(other.version), status: "TODO" });
    const open = await insertItem(phase, { priority: "BLOCKING" });
    await setItemStatus(manager, { id: open.id, version: String(open.version), status: "DONE" });
    expect((await roleState(release.id)).state).toBe("APPROVED");
  });

  it("counts again once the approver re-confirms", async () => {
    const { release, role, blocking } = await approved();
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "TODO" });
    const head = await db.signoff.findFirstOrThrow({ where: { requiredSignoffId: role.id } });
    await recordSignoff(ana, await signInput(role.id, release.id, { supersedesId: head.id }));
    expect((await roleState(release.id)).state).toBe("APPROVED");
  });

  it("refuses a sign-off based on a view from before a blocking change", async () => {
    const { release, role, blocking } = await setup({ assignees: [ana] });
    const input = await signInput(role.id, release.id);
    await setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "TODO" });
    await expect(recordSignoff(ana, input)).rejects.toThrow(/changed while you were reviewing/);
  });

  it("never counts a sign-off recorded at the same moment as a reopen", async () => {
    for (let round = 0; round < 10; round += 1) {
      const { release, role, blocking } = await setup({ assignees: [ana] });
      const input = await signInput(role.id, release.id);
      await Promise.allSettled([
        recordSignoff(ana, input),
        setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "TODO" }),
      ]);
      expect(await db.item.findUniqueOrThrow({ where: { id: blocking.id }, select: { status: true } })).toEqual({ status: "TODO" });
      expect((await roleState(release.id)).state).not.toBe("APPROVED");
    }
  });
});

describe("conditions", () => {
  it("counts a conditional approval until an open condition is overdue, then as a rejection", async () => {
    const { release, role } = await setup({ assignees: [ana] });
    const due = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await recordSignoff(ana, await signInput(role.id, release.id, {
      verdict: "CONDITIONAL",
      conditions: [{ description: "Fix the flaky checkout test", ownerId: ben.id, dueDate: due }],
    }));
    expect((await roleState(release.id)).state).toBe("APPROVED");
    const afterDue = new Date(Date.now() + 3 * 86_400_000);
    const late = await roleState(release.id, afterDue);
    expect(late.state).toBe("REJECTED");
    expect(late.signers[0]!.standing).toBe("overdue");

    const condition = await db.signoffCondition.findFirstOrThrow({ where: { signoff: { releaseId: release.id } } });
    await expect(resolveCondition(ana, { conditionId: condition.id, note: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await resolveCondition(ben, { conditionId: condition.id, note: "Fixed in #123" });
    expect((await roleState(release.id, afterDue)).state).toBe("APPROVED");
    expect(await db.auditEvent.count({ where: { releaseId: release.id, action: "signoff.condition_met" } })).toBe(1);
  });

  it("refuses a condition due in the past or owned by an unknown user", async () => {
    const { release, role } = await setup({ assignees: [ana] });
    await expect(recordSignoff(ana, await signInput(role.id, release.id, {
      verdict: "CONDITIONAL", conditions: [{ description: "x", ownerId: ben.id, dueDate: "2020-01-01" }],
    }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSignoff(ana, await signInput(role.id, release.id, {
      verdict: "CONDITIONAL", conditions: [{ description: "x", ownerId: "nobody", dueDate: "2099-01-01" }],
    }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.signoff.count({ where: { releaseId: release.id } })).toBe(0);
  });
});

describe("append-only records", () => {
  it("the database refuses to update or delete sign-offs, conditions and resolutions", async () => {
    const { release, role } = await setup({ assignees: [ana] });
    const { id } = await recordSignoff(ana, await signInput(role.id, release.id, {
      verdict: "CONDITIONAL", conditions: [{ description: "x", ownerId: ben.id, dueDate: "2099-01-01" }],
    }));
    const condition = await db.signoffCondition.findFirstOrThrow({ where: { signoffId: id } });
    await resolveCondition(ben, { conditionId: condition.id, note: "" });
    await expect(db.$executeRaw`UPDATE signoffs SET verdict = 'REJECTED' WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM signoffs WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE signoff_conditions SET description = 'y' WHERE id = ${condition.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM condition_resolutions WHERE condition_id = ${condition.id}`).rejects.toThrow(/append-only/);
    expect((await db.signoff.findUniqueOrThrow({ where: { id } })).verdict).toBe("CONDITIONAL");
  });

  it("the database refuses a second first sign-off by the same signer for a role", async () => {
    const { release, role } = await setup({ assignees: [ana] });
    await recordSignoff(ana, await signInput(role.id, release.id));
    await expect(
      db.signoff.create({
        data: { releaseId: release.id, requiredSignoffId: role.id, signerId: ana.id, verdict: "APPROVED", basisRevision: 0, roleVersion: 1, idempotencyKey: randomUUID() },
      }),
    ).rejects.toThrow();
  });
});
