import { dayInZone, overlaps } from "@/lib/plans/time";

// Freeze windows (F14): a release whose target day, or any deployment step, falls inside one
// is flagged. Pure.

export type FreezeWindowRef = { id: string; name: string; startsAt: Date; endsAt: Date };
export type StepRef = { id: string; title: string; startsAt: Date; endsAt: Date };

export type FreezeConflict =
  | { kind: "target"; window: FreezeWindowRef }
  | { kind: "step"; window: FreezeWindowRef; step: StepRef };

/** The target day is read in the release's time zone: a window covering any part of it conflicts. */
export function findFreezeConflicts(
  release: { targetDate: Date; timeZone: string },
  steps: readonly StepRef[],
  windows: readonly FreezeWindowRef[],
): FreezeConflict[] {
  const targetDay = dayInZone(release.targetDate.toISOString().slice(0, 10), release.timeZone);
  const conflicts: FreezeConflict[] = [];
  for (const window of windows) {
    const span = { start: window.startsAt, end: window.endsAt };
    if (overlaps(targetDay, span)) conflicts.push({ kind: "target", window });
    for (const step of steps) {
      // A step of no length is an instant: it conflicts when it falls inside the window.
      const stepSpan = { start: step.startsAt, end: step.endsAt.getTime() > step.startsAt.getTime() ? step.endsAt : new Date(step.startsAt.getTime() + 1) };
      if (overlaps(stepSpan, span)) conflicts.push({ kind: "step", window, step });
    }
  }
  return conflicts;
}


/** One sentence per freeze window: what of the release falls inside it. */
export function summarizeConflicts(conflicts: readonly FreezeConflict[]): string[] {
  const byWindow = new Map<string, { name: string; target: boolean; steps: string[] }>();
  for (const conflict of conflicts) {
    const entry = byWindow.get(conflict.window.id) ?? { name: conflict.window.name, target: false, steps: [] };
    if (conflict.kind === "target") entry.target = true;
    else entry.steps.push(conflict.step.title);
    byWindow.set(conflict.window.id, entry);
  }
  return [...byWindow.values()].map(({ name, target, steps }) => {
    const stepsText = steps.length === 0 ? "" : steps.length === 1 ? `the deployment step “${steps[0]}”` : `${steps.length} deployment steps`;
    const what = [target ? "the target date" : "", stepsText].filter(Boolean).join(" and ");
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${(target && steps.length > 0) || steps.length > 1 ? "fall" : "falls"} inside the freeze window “${name}”.`;
  });
}
