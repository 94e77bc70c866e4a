import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { createRequiredSignoff, removeRequiredSignoff, updateRequiredSignoff } from "@/lib/signoffs/role-mutations";
import { countRows, createRelease, createUser, testPassword } from "../support/factories";

let manager: Viewer;
let ana: Viewer;
let ben: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  ana = await createUser("APPROVER", { withPassword: true, name: "Ana" });
  ben = await createUser("APPROVER", { withPassword: true, name: "Ben" });
  viewer = await createUser("VIEWER");
});

const roleInput = (releaseId: string, overrides: Record<string, unknown> = {}) => ({
  releaseId, roleName: "Security Officer", evidenceToReview: "Pen test report", requiredApprovals: "1", assigneeIds: [ana.id, ben.id], ...overrides,
});

/** The fields of a role edit: a role's release is fixed once it exists. */
function roleFields(overrides: Record<string, unknown> = {}) {
  const { releaseId: _releaseId, ...fields } = roleInput("", overrides);
  return fields;
}

async function roles(releaseId: string) {
  const loaded = await loadReadinessInput(db, releaseId);
  return evaluateReadiness(loaded!.input, new Date()).roles;
}

async function sign(user: Viewer, roleId: string) {
  return recordSignoff(user, { requiredSignoffId: roleId, verdict: "APPROVED", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID() });
}

describe("required sign-off roles", () => {
  it("adds a role with its assignees and approvals needed, audited", async () => {
    const release = await createRelease(manager.id);
    const { id } = await createRequiredSignoff(manager, roleInput(release.id, { requiredApprovals: "2" }));
    const [role] = await roles(release.id);
    expect(role).toMatchObject({ state: "PENDING", required: 2 });
    expect(role!.role.assignees.map((assignee) => assignee.name)).toEqual(["Ana", "Ben"]);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "signoff_role.created" } })).toBe(1);
  });

  it("refuses more approvals than assignees, viewers as assignees, duplicates and non-managers, changing nothing", async () => {
    const release = await createRelease(manager.id);
    await createRequiredSignoff(manager, roleInput(release.id));
    const before = await countRows();
    await expect(createRequiredSignoff(manager, roleInput(release.id, { roleName: "QA", requiredApprovals: "3" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createRequiredSignoff(manager, roleInput(release.id, { roleName: "QA", assigneeIds: [viewer.id] }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createRequiredSignoff(manager, roleInput(release.id, { roleName: "QA", assigneeIds: [] }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createRequiredSignoff(manager, roleInput(release.id))).rejects.toBeInstanceOf(ValidationError);
    await expect(createRequiredSignoff(ana, roleInput(release.id, { roleName: "QA" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countRows()).toEqual(before);
  });

  it("resets approvals when what the role must review changes, and says how many", async () => {
    const release = await createRelease(manager.id);
    const { id } = await createRequiredSignoff(manager, roleInput(release.id));
    await sign(ana, id);
    expect((await roles(release.id))[0]!.state).toBe("APPROVED");
    const result = await updateRequiredSignoff(manager, { ...roleFields({ evidenceToReview: "Pen test report and SAST results" }), id, version: "1" });
    expect(result.signoffsReset).toBe(1);
    const [role] = await roles(release.id);
    expect(role!.state).toBe("PENDING");
    expect(role!.signers.find((signer) => signer.userId === ana.id)!.standing).toBe("reset");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "signoff_role.updated" } });
    expect(audit.after).toMatchObject({ signoffsReset: 1 });
  });

  it("keeps approvals when only the assignees or the number needed change; an unassigned signer stops counting", async () => {
    const release = await createRelease(manager.id);
    const { id } = await createRequiredSignoff(manager, roleInput(release.id));
    await sign(ana, id);
    await updateRequiredSignoff(manager, { ...roleFields(), id, version: "1", assigneeIds: [ana.id] });
    expect((await roles(release.id))[0]!.state).toBe("APPROVED");
    await updateRequiredSignoff(manager, { ...roleFields(), id, version: "2", assigneeIds: [ben.id] });
    const [role] = await roles(release.id);
    expect(role!.state).toBe("PENDING");
    expect(role!.unassigned.map((record) => record.signerId)).toEqual([ana.id]);
    await expect(updateRequiredSignoff(manager, { ...roleFields(), id, version: "2" })).rejects.toBeInstanceOf(StaleVersionError);
  });

  it("removes a role from the criteria, keeps its sign-offs, and refuses new ones for it", async () => {
    const release = await createRelease(manager.id);
    const { id } = await createRequiredSignoff(manager, roleInput(release.id));
    await sign(ana, id);
    await removeRequiredSignoff(manager, { id, version: "1" });
    expect(await roles(release.id)).toEqual([]);
    expect(await db.signoff.count({ where: { requiredSignoffId: id } })).toBe(1);
    await expect(sign(ben, id)).rejects.toBeInstanceOf(NotFoundError);
    // Adding it again brings it back as a new requirement: the old approval is reset.
    await createRequiredSignoff(manager, roleInput(release.id));
    expect((await roles(release.id))[0]!.signers.find((signer) => signer.userId === ana.id)!.standing).toBe("reset");
  });
});
