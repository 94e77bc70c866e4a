// Loads the plan around each demo release (prisma/demo/plan-extras.ts) through the product's
// own mutations, so that every row is validated and audited as if a release manager typed it.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { createCriterion, checkCriterion, createIncident, recordOutcome } from "@/lib/plans/after-mutations";
import { createFreezeWindow } from "@/lib/plans/freeze-mutations";
import { saveRollbackPlan, trackRehearsalAsItem } from "@/lib/plans/rollback-mutations";
import { instantToLocal } from "@/lib/plans/time";
import { createDeploymentStep, updateReleaseTimeZone } from "@/lib/plans/timeline-mutations";
import { demoFreezeWindow, demoPlanExtras } from "./plan-extras";

const DAY = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

function addMinutes(time: string, minutes: number) {
  const [hours, mins] = time.split(":").map(Number) as [number, number];
  const total = hours * 60 + mins + minutes;
  return { dayOffset: Math.floor(total / 1440), time: `${String(Math.floor((total % 1440) / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}` };
}

/** Before sign-offs are recorded: time zone, rollback plan, schedule, criteria, freeze window. */
export async function seedDemoPlans(manager: Viewer, admin: Viewer, releaseIds: Map<string, string>) {
  for (const [key, extras] of Object.entries(demoPlanExtras)) {
    const releaseId = releaseIds.get(key)!;
    const release = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true, targetDate: true } });
    await updateReleaseTimeZone(manager, { id: releaseId, version: String(release.version), timeZone: extras.timeZone });
    const { rollback } = extras;
    await saveRollbackPlan(manager, {
      releaseId,
      version: "0",
      targetMinutes: String(rollback.targetMinutes),
      decider: rollback.decider,
      latestDecisionMinutes: String(rollback.latestDecisionMinutes),
      lastRehearsedAt: rollback.rehearsedDaysAgo === undefined ? "" : day(new Date(Date.now() - rollback.rehearsedDaysAgo * DAY)),
      triggers: rollback.triggers.map((trigger) => ({ ...trigger, threshold: String(trigger.threshold), durationMinutes: trigger.durationMinutes === undefined ? "" : String(trigger.durationMinutes) })),
      steps: rollback.steps.map((step) => ({ ...step, minutes: String(step.minutes) })),
    });
    if (extras.tracksRehearsal) await trackRehearsalAsItem(manager, { releaseId });
    const targetDay = day(release.targetDate);
    for (const step of extras.schedule) {
      const end = addMinutes(step.at, step.minutes);
      const endDay = day(new Date(release.targetDate.getTime() + end.dayOffset * DAY));
      await createDeploymentStep(manager, { releaseId, title: step.title, ownerRole: step.ownerRole, startsAt: `${targetDay}T${step.at}`, endsAt: `${endDay}T${end.time}` });
    }
    for (const criterion of extras.criteria) await createCriterion(manager, { releaseId, title: criterion.title, level: criterion.level });
  }
  const frozen = await db.release.findUniqueOrThrow({ where: { id: releaseIds.get(demoFreezeWindow.releaseKey)! }, select: { targetDate: true } });
  const start = new Date(frozen.targetDate.getTime() + demoFreezeWindow.startsInDays * DAY);
  const end = new Date(start.getTime() + demoFreezeWindow.lastsDays * DAY);
  await createFreezeWindow(admin, {
    name: demoFreezeWindow.name,
    reason: demoFreezeWindow.reason,
    startsAt: `${day(start)}T00:00`,
    endsAt: `${day(end)}T00:00`,
    timeZone: demoFreezeWindow.timeZone,
  });
}

/** After the releases have their decisions and statuses: incidents, criteria met, outcome. */
export async function seedDemoAftermath(manager: Viewer, releaseIds: Map<string, string>) {
  for (const [key, extras] of Object.entries(demoPlanExtras)) {
    const releaseId = releaseIds.get(key)!;
    const release = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { releasedAt: true, timeZone: true, version: true } });
    if (release.releasedAt) {
      for (const incident of extras.incidents ?? []) {
        const openedAt = new Date(release.releasedAt.getTime() + incident.hoursAfterRelease * 3_600_000);
        const resolvedAt = incident.resolvedAfterMinutes === undefined ? null : new Date(openedAt.getTime() + incident.resolvedAfterMinutes * 60_000);
        await createIncident(manager, {
          releaseId,
          title: incident.title,
          severity: incident.severity,
          description: incident.description,
          openedAt: instantToLocal(openedAt, release.timeZone),
          resolvedAt: resolvedAt ? instantToLocal(resolvedAt, release.timeZone) : "",
        });
      }
    }
    const met = new Set(extras.criteria.filter((criterion) => criterion.isMet).map((criterion) => criterion.title));
    const criteria = await db.successCriterion.findMany({ where: { releaseId }, select: { id: true, title: true, version: true } });
    for (const criterion of criteria.filter((row) => met.has(row.title))) {
      await checkCriterion(manager, { id: criterion.id, version: String(criterion.version), isMet: "yes" });
    }
    if (extras.outcome) {
      const current = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
      await recordOutcome(manager, { id: releaseId, version: String(current.version), outcome: extras.outcome.outcome, outcomeNote: extras.outcome.note, watchDays: "7" });
    }
  }
}
