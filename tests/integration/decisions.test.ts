import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { recordDecision } from "@/lib/decisions/mutations";
import { getDecision } from "@/lib/decisions/queries";
import { hashDecision, toDecisionContent } from "@/lib/decisions/record";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { countRows, createItem, createPhase, createRelease, createRole, createUser, testPassword } from "../support/factories";

let manager: Viewer;
let secondManager: Viewer;
let approver: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  secondManager = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER", { withPassword: true });
});

/** A release that meets every criterion: its blocking item done, its one role approved. */
async function readyRelease() {
  const release = await createRelease(manager.id);
  const phase = await createPhase(release.id);
  await createItem(phase, { priority: "BLOCKING", status: "DONE", categoryId: release.categories[0]!.id });
  const role = await createRole(release.id, [approver], { roleName: "QA Lead" });
  await recordSignoff(approver, {
    requiredSignoffId: role.id, verdict: "APPROVED", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID(),
  });
  return { release, phase };
}

/** A release failing the blocking and score criteria. */
async function unreadyRelease() {
  const release = await createRelease(manager.id);
  const phase = await createPhase(release.id);
  await createItem(phase, { priority: "BLOCKING", title: "Run the dry run", categoryId: release.categories[0]!.id });
  return { release, phase };
}

const go = (releaseId: string, overrides: Record<string, unknown> = {}) => ({
  releaseId, outcome: "GO", rationale: "Criteria met in the meeting", previousDecisionId: "", idempotencyKey: randomUUID(), ...overrides,
});
const noGo = (releaseId: string, overrides: Record<string, unknown> = {}) => ({
  releaseId,
  outcome: "NO_GO",
  rationale: "Dry run failed",
  blockingReasons: "Rollback took 40 minutes",
  remediationPlan: "Automate the database restore and rehearse again",
  newTargetDate: "2099-02-01",
  previousDecisionId: "",
  idempotencyKey: randomUUID(),
  ...overrides,
});

describe("recording a decision", () => {
  it("records GO with a snapshot whose hash can be recomputed from the stored row", async () => {
    const { release } = await readyRelease();
    const result = await recordDecision(manager, go(release.id));
    expect(result.isOverride).toBe(false);
    const decision = (await getDecision(release.id, result.id))!;
    const snapshot = decision.snapshot as { isReady: boolean; signoffs: { role: string; state: string }[]; score: { display: number } };
    expect(snapshot.isReady).toBe(true);
    expect(snapshot.signoffs).toEqual([expect.objectContaining({ role: "QA Lead", state: "APPROVED" })]);
    expect(snapshot.score.display).toBe(100);
    expect(decision.overrideReason).toBeNull();
    const recomputed = hashDecision(toDecisionContent(decision));
    expect(recomputed).toBe(decision.contentHash);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("GO");
    expect(await db.auditEvent.count({ where: { releaseId: release.id, action: "decision.recorded" } })).toBe(1);
  });

  it("needs an override reason for GO while criteria fail, and marks it as an override", async () => {
    const { release } = await unreadyRelease();
    const before = await countRows();
    await expect(recordDecision(manager, go(release.id))).rejects.toThrow(ValidationError);
    await expect(recordDecision(manager, go(release.id))).rejects.toSatisfy((error: ValidationError) =>
      /blocking items done or waived/.test(error.fieldErrors.overrideReason?.[0] ?? ""),
    );
    expect(await countRows()).toEqual(before);
    const result = await recordDecision(manager, go(release.id, { overrideReason: "Hotfix for a data-loss bug cannot wait" }));
    expect(result.isOverride).toBe(true);
    const row = await db.decision.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.overrideReason).toBe("Hotfix for a data-loss bug cannot wait");
    expect((row.snapshot as { isReady: boolean }).isReady).toBe(false);
  });

  it("records NO-GO with its reasons, plan and new target date, which becomes the target with the slip kept", async () => {
    const { release } = await unreadyRelease();
    const result = await recordDecision(manager, noGo(release.id));
    const after = await db.release.findUniqueOrThrow({ where: { id: release.id }, select: { status: true, targetDate: true } });
    expect(after).toEqual({ status: "NO_GO", targetDate: new Date("2099-02-01T00:00:00Z") });
    const slip = await db.targetDateChange.findFirstOrThrow({ where: { releaseId: release.id } });
    expect(slip).toMatchObject({ fromDate: new Date("2030-01-15T00:00:00Z"), toDate: new Date("2099-02-01T00:00:00Z"), changedById: manager.id });
    expect(slip.reason).toContain("Rollback took 40 minutes");
    // The next decision must follow this one.
    await expect(recordDecision(manager, go(release.id, { overrideReason: "x" }))).rejects.toBeInstanceOf(StaleVersionError);
    await recordDecision(manager, go(release.id, { overrideReason: "Accepted by the CTO", previousDecisionId: result.id }));
    expect(await db.decision.count({ where: { releaseId: release.id } })).toBe(2);
  });

  it.each([
    ["no blocking reasons", { blockingReasons: "" }, "blockingReasons"],
    ["no remediation plan", { remediationPlan: "" }, "remediationPlan"],
    ["no new target date", { newTargetDate: "" }, "newTargetDate"],
    ["a new target date in the past", { newTargetDate: "2020-01-01" }, "newTargetDate"],
    ["no rationale", { rationale: "  " }, "rationale"],
  ])("refuses a NO-GO with %s, changing nothing", async (_label, overrides, field) => {
    const { release } = await unreadyRelease();
    const before = await countRows();
    await expect(recordDecision(manager, noGo(release.id, overrides))).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && field in error.fieldErrors,
    );
    expect(await countRows()).toEqual(before);
  });

  it("refuses approvers, forged fields and archived releases", async () => {
    const { release } = await readyRelease();
    await expect(recordDecision(approver, go(release.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordDecision(manager, go(release.id, { decidedById: approver.id }))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordDecision(manager, go(release.id, { contentHash: "0".repeat(64) }))).rejects.toBeInstanceOf(ValidationError);
    await db.release.update({ where: { id: release.id }, data: { archivedAt: new Date() } });
    await expect(recordDecision(manager, go(release.id))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.decision.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("records a double-submitted form once", async () => {
    const { release } = await readyRelease();
    const input = go(release.id);
    const [first, second] = await Promise.all([recordDecision(manager, input), recordDecision(manager, input)]);
    expect(first.id).toBe(second.id);
    expect(await db.decision.count({ where: { releaseId: release.id } })).toBe(1);
  });
});

describe("deciding at the same moment", () => {
  it("of ten release managers deciding at once, exactly one is recorded and the others are refused", async () => {
    const { release } = await readyRelease();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) => recordDecision(index % 2 ? manager : secondManager, go(release.id))),
    );
    const recorded = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(recorded).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const refusal of refused) expect(refusal.reason).toBeInstanceOf(StaleVersionError);
    expect(await db.decision.count({ where: { releaseId: release.id } })).toBe(1);
  });

  it("the database itself lets only one of two concurrent first decisions in", async () => {
    const { release } = await readyRelease();
    const url = process.env.DATABASE_URL!;
    const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([first.connect(), second.connect()]);
    const insert = (client: pg.Client) =>
      client.query(
        `INSERT INTO decisions (id, release_id, outcome, rationale, snapshot, content_hash, decided_by_id, idempotency_key)
         VALUES ($1, $2, 'GO', 'r', '{"isReady": true}', $3, $4, $5)`,
        [randomUUID(), release.id, "a".repeat(64), manager.id, randomUUID()],
      );
    try {
      await Promise.all([first.query("BEGIN"), second.query("BEGIN")]);
      await insert(first);
      // The second insert waits on the first transaction's unique index entry: the barrier.
      const pending = insert(second).then(() => "inserted", (error: Error) => error.message);
      await first.query("COMMIT");
      expect(await pending).toMatch(/decisions_one_first_per_release/);
      await second.query("ROLLBACK");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await db.decision.count({ where: { releaseId: release.id } })).toBe(1);
  });

  it("decisions are append-only in the database", async () => {
    const { release } = await readyRelease();
    const { id } = await recordDecision(manager, go(release.id));
    await expect(db.$executeRaw`UPDATE decisions SET rationale = 'edited' WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM decisions WHERE id = ${id}`).rejects.toThrow(/append-only/);
  });

  it("the database refuses a GO that failed its criteria without an override reason", async () => {
    const { release } = await unreadyRelease();
    await expect(
      db.$executeRaw`INSERT INTO decisions (id, release_id, outcome, rationale, snapshot, content_hash, decided_by_id, idempotency_key)
        VALUES (${randomUUID()}, ${release.id}, 'GO', 'r', '{"isReady": false}', ${"b".repeat(64)}, ${manager.id}, ${randomUUID()})`,
    ).rejects.toThrow(/decisions_override_has_reason/);
  });
});
