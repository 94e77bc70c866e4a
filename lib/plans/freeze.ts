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

export function describeConflict(conflict: FreezeConflict): string {
  return conflict.kind === "target"
    ? `The target date falls inside the freeze window “${conflict.window.name}”.`
    : `The deployment step “${conflict.step.title}” falls inside the freeze window “${conflict.window.name}”.`;
}
