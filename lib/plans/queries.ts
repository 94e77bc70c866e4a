import "server-only";
import { db } from "@/lib/db";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { getReadinessHistory } from "@/lib/releases/history-queries";
import { closedStatuses } from "@/lib/signoffs/guards";
import { forecastReadyDate } from "@/lib/plans/forecast";
import { findFreezeConflicts } from "@/lib/plans/freeze";
import { compareRiskSeverity, isCriticalRisk, isRehearsalCurrent, riskHeatMap, rollbackTiming, watchWindow } from "@/lib/plans/rules";
import type { impacts, likelihoods } from "@/lib/plans/schemas";

// Reads for the plan around the release (F12 to F15), each shaped for its page.

export type RiskFilter = { likelihood?: (typeof likelihoods)[number]; impact?: (typeof impacts)[number] };

export async function getRiskRegister(releaseId: string, filter: RiskFilter) {
  const risks = await db.risk.findMany({
    where: { releaseId },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, likelihood: true, impact: true, mitigation: true, contingency: true, status: true, version: true, owner: { select: { id: true, name: true } } },
  });
  const shown = risks.filter((risk) => (!filter.likelihood || risk.likelihood === filter.likelihood) && (!filter.impact || risk.impact === filter.impact));
  return {
    heatMap: riskHeatMap(risks),
    risks: [...shown].sort(compareRiskSeverity).map((risk) => ({ ...risk, isCritical: isCriticalRisk(risk) })),
    total: risks.length,
  };
}

export async function getRollbackPlan(releaseId: string) {
  const plan = await db.rollbackPlan.findUnique({
    where: { releaseId },
    select: {
      id: true,
      targetMinutes: true,
      decider: true,
      latestDecisionMinutes: true,
      lastRehearsedAt: true,
      version: true,
      rehearsalItem: { select: { id: true, status: true } },
      triggers: { orderBy: { position: "asc" }, select: { id: true, metric: true, comparison: true, threshold: true, unit: true, durationMinutes: true } },
      steps: { orderBy: { position: "asc" }, select: { id: true, description: true, ownerRole: true, minutes: true } },
    },
  });
  if (!plan) return null;
  const now = new Date();
  return { ...plan, timing: rollbackTiming(plan.steps, plan.targetMinutes), isRehearsalCurrent: isRehearsalCurrent(plan.lastRehearsedAt, now) };
}

/** Freeze windows that have not ended yet, soonest first. */
export async function listUpcomingFreezeWindows(now = new Date()) {
  return db.freezeWindow.findMany({
    where: { endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, name: true, reason: true, startsAt: true, endsAt: true, timeZone: true, version: true },
  });
}

export async function listFreezeWindows() {
  return db.freezeWindow.findMany({
    orderBy: { startsAt: "desc" },
    select: { id: true, name: true, reason: true, startsAt: true, endsAt: true, timeZone: true, version: true, createdBy: { select: { name: true } } },
  });
}

export async function getTimeline(releaseId: string) {
  const now = new Date();
  const [release, milestones, steps, targetChanges, windows, loaded] = await Promise.all([
    db.release.findUnique({ where: { id: releaseId }, select: { targetDate: true, timeZone: true, version: true } }),
    db.milestone.findMany({ where: { releaseId }, orderBy: { dueAt: "asc" }, select: { id: true, title: true, dueAt: true, status: true, version: true, owner: { select: { id: true, name: true } } } }),
    db.deploymentStep.findMany({ where: { releaseId }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, ownerRole: true, startsAt: true, endsAt: true, version: true } }),
    db.targetDateChange.findMany({ where: { releaseId }, orderBy: { createdAt: "desc" }, select: { id: true, fromDate: true, toDate: true, reason: true, createdAt: true, changedBy: { select: { name: true } } } }),
    listUpcomingFreezeWindows(now),
    loadReadinessInput(db, releaseId, now),
  ]);
  if (!release || !loaded) return null;
  const history = await getReadinessHistory(releaseId, loaded.input, now);
  return {
    ...release,
    milestones,
    steps,
    targetChanges,
    freezeWindows: windows,
    conflicts: findFreezeConflicts(release, steps, windows),
    forecast: forecastReadyDate(history, release.targetDate),
    now,
  };
}

export async function getAfterRelease(releaseId: string) {
  const now = new Date();
  const [release, incidents, criteria, targets] = await Promise.all([
    db.release.findUnique({ where: { id: releaseId }, select: { status: true, releasedAt: true, watchDays: true, outcome: true, outcomeNote: true, timeZone: true, version: true } }),
    db.incident.findMany({
      where: { releaseId },
      orderBy: [{ severity: "asc" }, { openedAt: "desc" }],
      select: {
        id: true,
        title: true,
        severity: true,
        description: true,
        openedAt: true,
        resolvedAt: true,
        version: true,
        followUpItems: { select: { id: true, title: true, release: { select: { id: true, name: true } } } },
      },
    }),
    db.successCriterion.findMany({ where: { releaseId }, orderBy: [{ level: "asc" }, { position: "asc" }], select: { id: true, title: true, level: true, isMet: true, checkedAt: true, version: true, checkedBy: { select: { name: true } } } }),
    // Where a follow-up item can go: the phases of open releases.
    db.release.findMany({
      where: { archivedAt: null, status: { notIn: [...closedStatuses] } },
      orderBy: { targetDate: "asc" },
      select: { id: true, name: true, versionName: true, phases: { orderBy: { position: "asc" }, select: { id: true, name: true } } },
    }),
  ]);
  if (!release) return null;
  return { ...release, incidents, criteria, followUpTargets: targets, watch: watchWindow(release.releasedAt, release.watchDays, now), now };
}

/** What the overview and the stakeholder view show of the plan: one glance each. */
export async function getPlanSummary(releaseId: string) {
  const now = new Date();
  const [release, risks, nextMilestone, plan, incidents, criteria, steps, windows] = await Promise.all([
    db.release.findUnique({ where: { id: releaseId }, select: { targetDate: true, timeZone: true, releasedAt: true, watchDays: true, outcome: true } }),
    db.risk.findMany({ where: { releaseId }, select: { id: true, title: true, likelihood: true, impact: true, status: true, mitigation: true } }),
    db.milestone.findFirst({
      where: { releaseId, status: { not: "DONE" }, dueAt: { gte: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) } },
      orderBy: { dueAt: "asc" },
      select: { title: true, dueAt: true, status: true },
    }),
    db.rollbackPlan.findUnique({ where: { releaseId }, select: { targetMinutes: true, lastRehearsedAt: true, steps: { select: { minutes: true } }, _count: { select: { triggers: true } } } }),
    db.incident.findMany({ where: { releaseId }, select: { severity: true, resolvedAt: true } }),
    db.successCriterion.findMany({ where: { releaseId }, select: { level: true, isMet: true } }),
    db.deploymentStep.findMany({ where: { releaseId }, select: { id: true, title: true, startsAt: true, endsAt: true } }),
    listUpcomingFreezeWindows(now),
  ]);
  if (!release) return null;
  const open = risks.filter((risk) => risk.status === "OPEN");
  return {
    heatMap: riskHeatMap(risks),
    topRisks: open.sort(compareRiskSeverity).slice(0, 5).map((risk) => ({ ...risk, isCritical: isCriticalRisk(risk) })),
    openRiskCount: open.length,
    nextMilestone,
    rollback: plan
      ? { ...rollbackTiming(plan.steps, plan.targetMinutes), triggerCount: plan._count.triggers, isRehearsalCurrent: isRehearsalCurrent(plan.lastRehearsedAt, now), lastRehearsedAt: plan.lastRehearsedAt }
      : null,
    watch: watchWindow(release.releasedAt, release.watchDays, now),
    outcome: release.outcome,
    incidents: {
      open: incidents.filter((incident) => !incident.resolvedAt).length,
      bySeverity: (["P0", "P1", "P2", "P3"] as const).map((severity) => ({ severity, count: incidents.filter((incident) => incident.severity === severity).length })),
    },
    criteria: { met: criteria.filter((criterion) => criterion.isMet).length, total: criteria.length, mustOpen: criteria.filter((criterion) => criterion.level === "MUST" && !criterion.isMet).length },
    conflicts: findFreezeConflicts(release, steps, windows),
    now,
  };
}

export type PlanSummary = NonNullable<Awaited<ReturnType<typeof getPlanSummary>>>;
