import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { setItemStatus } from "@/lib/checklist/item-status";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";
import { createCriterion, checkCriterion, createIncident, createItemFromIncident, recordOutcome, updateIncident } from "@/lib/plans/after-mutations";
import { createFreezeWindow, deleteFreezeWindow } from "@/lib/plans/freeze-mutations";
import { getPlanSummary, getTimeline } from "@/lib/plans/queries";
import { createRisk, deleteRisk, updateRisk } from "@/lib/plans/risk-mutations";
import { saveRollbackPlan, sweepRehearsalItems, trackRehearsalAsItem } from "@/lib/plans/rollback-mutations";
import { createDeploymentStep, createMilestone, updateReleaseTimeZone } from "@/lib/plans/timeline-mutations";
import { updateRelease } from "@/lib/releases/mutations";
import { countRows, createPhase, createRelease, createUser } from "../support/factories";

let admin: Viewer;
let manager: Viewer;
let approver: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  admin = await createUser("ADMIN");
  manager = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER");
  viewer = await createUser("VIEWER");
});

const riskInput = (releaseId: string, overrides: Record<string, unknown> = {}) => ({
  releaseId, title: "Database migration times out", likelihood: "MEDIUM", impact: "CRITICAL", mitigation: "Rehearse on a copy", contingency: "Roll back", ownerId: "", status: "OPEN", ...overrides,
});

const planInput = (releaseId: string, overrides: Record<string, unknown> = {}) => ({
  releaseId,
  version: "0",
  targetMinutes: "15",
  decider: "Release manager",
  latestDecisionMinutes: "60",
  lastRehearsedAt: "",
  triggers: [{ metric: "Error rate", comparison: ">", threshold: "5", unit: "%", durationMinutes: "15" }],
  steps: [
    { description: "Stop traffic to the new version", ownerRole: "SRE", minutes: "2" },
    { description: "Revert to the old version", ownerRole: "SRE", minutes: "5" },
  ],
  ...overrides,
});

async function readiness(releaseId: string) {
  return evaluateReadiness((await loadReadinessInput(db, releaseId))!.input, new Date());
}

describe("risks", () => {
  it("an open critical risk fails the go/no-go criterion until it is mitigated", async () => {
    const release = await createRelease(manager.id);
    const risk = await createRisk(manager, riskInput(release.id));
    expect((await readiness(release.id)).criteria.find((criterion) => criterion.key === "risks")).toMatchObject({ isMet: false, summary: "1 open critical risk" });
    const { releaseId: _r, ...fields } = riskInput(release.id, { status: "MITIGATED" });
    await updateRisk(manager, { ...fields, id: risk.id, version: "1" });
    expect((await readiness(release.id)).criteria.find((criterion) => criterion.key === "risks")!.isMet).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: risk.id } })).toBe(2);
    await deleteRisk(manager, { id: risk.id, version: "2" });
    expect(await db.risk.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it.each([
    ["a likelihood outside its set", { likelihood: "VERY_HIGH" }, "likelihood"],
    ["an impact outside its set", { impact: "CATASTROPHIC" }, "impact"],
    ["an empty title", { title: " " }, "title"],
    ["an unknown owner", { ownerId: "nobody" }, "ownerId"],
  ])("refuses %s, saving nothing", async (_label, overrides, field) => {
    const release = await createRelease(manager.id);
    const before = await countRows();
    await expect(createRisk(manager, riskInput(release.id, overrides))).rejects.toSatisfy((error: unknown) => error instanceof ValidationError && field in error.fieldErrors);
    expect(await countRows()).toEqual(before);
  });

  it("viewers and approvers change nothing", async () => {
    const release = await createRelease(manager.id);
    await expect(createRisk(viewer, riskInput(release.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRisk(approver, riskInput(release.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRollbackPlan(viewer, planInput(release.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMilestone(viewer, { releaseId: release.id, title: "Code freeze", dueAt: "2030-01-10", ownerId: "", status: "PLANNED" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createIncident(viewer, { releaseId: release.id, title: "x", severity: "P1", openedAt: "2030-01-01T10:00", resolvedAt: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createFreezeWindow(manager, { name: "x", reason: "", startsAt: "2030-01-01T00:00", endsAt: "2030-01-02T00:00", timeZone: "UTC" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("rollback plan", () => {
  it("saves triggers and ordered steps under one version and compares them with the target time", async () => {
    const release = await createRelease(manager.id);
    await saveRollbackPlan(manager, planInput(release.id));
    await expect(saveRollbackPlan(manager, planInput(release.id))).rejects.toBeInstanceOf(StaleVersionError);
    await saveRollbackPlan(manager, planInput(release.id, { version: "1", targetMinutes: "5" }));
    const summary = (await getPlanSummary(release.id))!;
    expect(summary.rollback).toMatchObject({ totalMinutes: 7, targetMinutes: 5, exceedsBy: 2, triggerCount: 1 });
    const steps = await db.rollbackStep.findMany({ where: { plan: { releaseId: release.id } }, orderBy: { position: "asc" } });
    expect(steps.map((step) => step.description)).toEqual(["Stop traffic to the new version", "Revert to the old version"]);
  });

  it.each([
    ["a threshold that is not a number", { triggers: [{ metric: "Errors", comparison: ">", threshold: "five", unit: "", durationMinutes: "" }] }, "triggers.0.threshold"],
    ["a negative step duration", { steps: [{ description: "Restore", ownerRole: "", minutes: "-5" }] }, "steps.0.minutes"],
    ["an unknown comparison", { triggers: [{ metric: "Errors", comparison: "≈", threshold: "5", unit: "", durationMinutes: "" }] }, "triggers.0.comparison"],
    ["a rehearsal in the future", { lastRehearsedAt: "2099-01-01" }, "lastRehearsedAt"],
  ])("refuses %s, saving nothing", async (_label, overrides, field) => {
    const release = await createRelease(manager.id);
    const before = await db.rollbackPlan.count();
    await expect(saveRollbackPlan(manager, planInput(release.id, overrides))).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && field in error.fieldErrors,
    );
    expect(await db.rollbackPlan.count()).toBe(before);
  });

  it("keeps the rehearsal item in step with the plan, and refuses manual status changes to it", async () => {
    const release = await createRelease(manager.id);
    await createPhase(release.id, "Pre-deployment");
    await saveRollbackPlan(manager, planInput(release.id));
    const { itemId } = await trackRehearsalAsItem(manager, { releaseId: release.id });
    const item = () => db.item.findUniqueOrThrow({ where: { id: itemId }, select: { status: true, priority: true, version: true, managedBy: true } });
    expect(await item()).toMatchObject({ status: "TODO", priority: "BLOCKING", managedBy: "rollback-plan" });
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await saveRollbackPlan(manager, planInput(release.id, { version: "2", lastRehearsedAt: tenDaysAgo }));
    expect((await item()).status).toBe("DONE");
    const current = await item();
    await expect(setItemStatus(manager, { id: itemId, version: String(current.version), status: "TODO" })).rejects.toThrow(/follows the rollback plan/);
    // Thirty days on, the sweep reopens it, and the reopening is a blocking change.
    const revision = (await db.release.findUniqueOrThrow({ where: { id: release.id } })).blockingRevision;
    await sweepRehearsalItems(new Date(Date.now() + 25 * 86_400_000));
    expect((await item()).status).toBe("TODO");
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).blockingRevision).toBe(revision + 1);
  });
});

describe("timeline", () => {
  it("reads deployment steps in the release's time zone and flags freeze windows", async () => {
    const release = await createRelease(manager.id);
    await updateReleaseTimeZone(manager, { id: release.id, version: String(release.version), timeZone: "Europe/Berlin" });
    const step = await createDeploymentStep(manager, { releaseId: release.id, title: "Stop current service", ownerRole: "DevOps", startsAt: "2030-01-15T09:30", endsAt: "2030-01-15T09:32" });
    expect(step.startsAt.toISOString()).toBe("2030-01-15T08:30:00.000Z");
    await expect(createDeploymentStep(manager, { releaseId: release.id, title: "x", ownerRole: "", startsAt: "2030-01-15T10:00", endsAt: "2030-01-15T09:00" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createDeploymentStep(manager, { releaseId: release.id, title: "x", ownerRole: "", startsAt: "2030-03-31T02:30", endsAt: "2030-03-31T03:30" })).rejects.toThrow(ValidationError);
    await expect(updateReleaseTimeZone(manager, { id: release.id, version: String(release.version + 1), timeZone: "Mars/Base" })).rejects.toBeInstanceOf(ValidationError);

    const window = await createFreezeWindow(admin, { name: "Mid-January freeze", reason: "Audit", startsAt: "2030-01-14T00:00", endsAt: "2030-01-16T00:00", timeZone: "Europe/Berlin" });
    const timeline = (await getTimeline(release.id))!;
    expect(timeline.conflicts.map((conflict) => conflict.kind).sort()).toEqual(["step", "target"]);
    await deleteFreezeWindow(admin, { id: window.id, version: "1" });
    expect((await getTimeline(release.id))!.conflicts).toEqual([]);
  });

  it("refuses a freeze window that ends before it starts, and a milestone date that does not parse", async () => {
    const release = await createRelease(manager.id);
    await expect(createFreezeWindow(admin, { name: "Backwards", reason: "", startsAt: "2030-01-16T00:00", endsAt: "2030-01-14T00:00", timeZone: "UTC" })).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && "endsAt" in error.fieldErrors,
    );
    await expect(createMilestone(manager, { releaseId: release.id, title: "Go-live", dueAt: "next Tuesday", ownerId: "", status: "PLANNED" })).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && "dueAt" in error.fieldErrors,
    );
    expect(await db.freezeWindow.count({ where: { name: "Backwards" } })).toBe(0);
    expect(await db.milestone.count({ where: { releaseId: release.id } })).toBe(0);
  });

  it("says honestly when there is not enough data for a forecast", async () => {
    const release = await createRelease(manager.id);
    const timeline = (await getTimeline(release.id))!;
    expect(timeline.forecast.kind).toBe("ready");
    await createPhase(release.id);
    await db.item.create({ data: { releaseId: release.id, phaseId: (await db.phase.findFirstOrThrow({ where: { releaseId: release.id } })).id, title: "Open", position: 0 } });
    expect((await getTimeline(release.id))!.forecast).toMatchObject({ kind: "insufficient" });
  });
});

describe("after the release", () => {
  it("starts the watch window when the release is marked Released, and records incidents, criteria and the outcome", async () => {
    const release = await createRelease(manager.id);
    await expect(recordOutcome(manager, { id: release.id, version: "1", outcome: "SUCCESSFUL", outcomeNote: "", watchDays: "7" })).rejects.toBeInstanceOf(ValidationError);
    await updateRelease(manager, { id: release.id, version: "1", name: release.name, versionName: "v1.0.0", description: "", targetDate: "2030-01-15", status: "RELEASED", ownerId: manager.id, targetDateReason: "" });
    expect((await getPlanSummary(release.id))!.watch.state).toBe("watching");

    const incident = await createIncident(approver, { releaseId: release.id, title: "Checkout 500s", severity: "P1", description: "", openedAt: "2030-01-15T10:00", resolvedAt: "" });
    await expect(updateIncident(approver, { id: incident.id, version: "1", title: "Checkout 500s", severity: "P1", description: "", openedAt: "2030-01-15T10:00", resolvedAt: "2030-01-15T09:00" })).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && "resolvedAt" in error.fieldErrors,
    );
    await updateIncident(approver, { id: incident.id, version: "1", title: "Checkout 500s", severity: "P1", description: "", openedAt: "2030-01-15T10:00", resolvedAt: "2030-01-15T10:40" });

    const criterion = await createCriterion(manager, { releaseId: release.id, title: "0 P0 in the first 7 days", level: "MUST" });
    await checkCriterion(manager, { id: criterion.id, version: "1", isMet: "yes" });
    await recordOutcome(manager, { id: release.id, version: "2", outcome: "SUCCESSFUL_WITH_ISSUES", outcomeNote: "One P1, fixed in 40 minutes", watchDays: "7" });
    const summary = (await getPlanSummary(release.id))!;
    expect(summary).toMatchObject({ outcome: "SUCCESSFUL_WITH_ISSUES", criteria: { met: 1, total: 1, mustOpen: 0 }, incidents: { open: 0 } });
  });

  it("turns an incident into a checklist item of the next release, linked back", async () => {
    const released = await createRelease(manager.id);
    const next = await createRelease(manager.id);
    const phase = await createPhase(next.id);
    const incident = await createIncident(manager, { releaseId: released.id, title: "Cache stampede after deploy", severity: "P0", description: "Warm the cache first", openedAt: "2030-01-15T10:00", resolvedAt: "" });
    const { itemId } = await createItemFromIncident(manager, { incidentId: incident.id, phaseId: phase.id, priority: "BLOCKING" });
    const item = await db.item.findUniqueOrThrow({ where: { id: itemId }, select: { title: true, releaseId: true, sourceIncidentId: true, priority: true } });
    expect(item).toEqual({ title: "Follow-up: Cache stampede after deploy", releaseId: next.id, sourceIncidentId: incident.id, priority: "BLOCKING" });
    expect(await db.auditEvent.count({ where: { releaseId: released.id, action: "incident.follow_up_created" } })).toBe(1);
    await expect(createItemFromIncident(approver, { incidentId: incident.id, phaseId: phase.id, priority: "BLOCKING" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
