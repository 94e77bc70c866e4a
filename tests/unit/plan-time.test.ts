import { describe, expect, it } from "vitest";
import { findFreezeConflicts } from "@/lib/plans/freeze";
import { clockTime, dayInZone, instantToLocal, isTimeZone, localToInstant, overlaps } from "@/lib/plans/time";

const instant = (local: string, zone: string) => {
  const result = localToInstant(local, zone);
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
};

describe("local times in a time zone", () => {
  it("converts wall-clock times both ways", () => {
    expect(instant("2026-06-01T09:30", "America/New_York").toISOString()).toBe("2026-06-01T13:30:00.000Z");
    expect(instant("2026-01-15T09:30", "Europe/Berlin").toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(instantToLocal(new Date("2026-06-01T13:30:00Z"), "America/New_York")).toBe("2026-06-01T09:30");
    expect(clockTime(new Date("2026-07-01T07:00:00Z"), "Asia/Kolkata")).toBe("12:30");
  });

  it("refuses a time skipped when the clocks go forward", () => {
    expect(localToInstant("2026-03-29T02:30", "Europe/Berlin")).toEqual({ ok: false, reason: "does not exist in Europe/Berlin: the clocks skip it that day" });
    expect(localToInstant("2026-03-08T02:15", "America/New_York")).toMatchObject({ ok: false });
  });

  it("reads a time that happens twice when the clocks go back as its later occurrence", () => {
    expect(instant("2026-10-25T02:30", "Europe/Berlin").toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("refuses malformed dates and unknown zones", () => {
    expect(localToInstant("2026-02-30T10:00", "UTC")).toMatchObject({ ok: false });
    expect(localToInstant("tomorrow", "UTC")).toMatchObject({ ok: false, reason: "is not a date and time like 2026-12-31T09:30" });
    expect(localToInstant("2026-01-01T10:00", "Mars/Olympus")).toMatchObject({ ok: false });
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Not/AZone")).toBe(false);
  });

  it("knows that days have 23 or 25 hours at the changes", () => {
    const spring = dayInZone("2026-03-29", "Europe/Berlin");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = dayInZone("2026-10-25", "Europe/Berlin");
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
    expect(dayInZone("2026-06-01", "UTC").start.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("treats intervals as half open", () => {
    const a = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-01-02T00:00:00Z") };
    expect(overlaps(a, { start: new Date("2026-01-02T00:00:00Z"), end: new Date("2026-01-03T00:00:00Z") })).toBe(false);
    expect(overlaps(a, { start: new Date("2026-01-01T23:59:00Z"), end: new Date("2026-01-03T00:00:00Z") })).toBe(true);
  });
});

describe("findFreezeConflicts", () => {
  const holiday = { id: "w", name: "Year-end freeze", startsAt: instant("2026-12-20T00:00", "Europe/Berlin"), endsAt: instant("2027-01-04T00:00", "Europe/Berlin") };

  it("flags a target day inside a window, read in the release's time zone", () => {
    const inside = findFreezeConflicts({ targetDate: new Date("2026-12-22T00:00:00Z"), timeZone: "Europe/Berlin" }, [], [holiday]);
    expect(inside.map((conflict) => conflict.kind)).toEqual(["target"]);
    // 19 December in Berlin ends at 23:00 UTC, before the freeze starts.
    expect(findFreezeConflicts({ targetDate: new Date("2026-12-19T00:00:00Z"), timeZone: "Europe/Berlin" }, [], [holiday])).toEqual([]);
    // 19 December in Los Angeles runs until 08:00 UTC on the 20th, into the freeze.
    expect(findFreezeConflicts({ targetDate: new Date("2026-12-19T00:00:00Z"), timeZone: "America/Los_Angeles" }, [], [holiday])).toHaveLength(1);
  });

  it("flags deployment steps inside a window, at its edges too", () => {
    const before = { id: "1", title: "Deploy", startsAt: instant("2026-12-19T22:00", "Europe/Berlin"), endsAt: instant("2026-12-20T00:00", "Europe/Berlin") };
    const across = { id: "2", title: "Smoke tests", startsAt: instant("2026-12-19T23:30", "Europe/Berlin"), endsAt: instant("2026-12-20T00:30", "Europe/Berlin") };
    const conflicts = findFreezeConflicts({ targetDate: new Date("2026-12-01T00:00:00Z"), timeZone: "UTC" }, [before, across], [holiday]);
    expect(conflicts.map((conflict) => (conflict.kind === "step" ? conflict.step.title : conflict.kind))).toEqual(["Smoke tests"]);
  });

  it("handles a window across the change to summer time", () => {
    const night = { id: "n", name: "Maintenance night", startsAt: instant("2026-03-29T01:00", "Europe/Berlin"), endsAt: instant("2026-03-29T04:00", "Europe/Berlin") };
    expect((night.endsAt.getTime() - night.startsAt.getTime()) / 3_600_000).toBe(2);
    const step = { id: "s", title: "Switch traffic", startsAt: instant("2026-03-29T03:15", "Europe/Berlin"), endsAt: instant("2026-03-29T03:20", "Europe/Berlin") };
    expect(findFreezeConflicts({ targetDate: new Date("2026-06-01T00:00:00Z"), timeZone: "UTC" }, [step], [night])).toHaveLength(1);
  });
});

describe("summarizeConflicts", () => {
  it("says once per window what falls inside it", async () => {
    const { summarizeConflicts } = await import("@/lib/plans/freeze");
    const window = { id: "w", name: "Year-end freeze", startsAt: new Date(0), endsAt: new Date(1) };
    const step = (title: string) => ({ kind: "step" as const, window, step: { id: title, title, startsAt: new Date(0), endsAt: new Date(0) } });
    expect(summarizeConflicts([{ kind: "target", window }, step("Deploy"), step("Smoke tests")])).toEqual(["The target date and 2 deployment steps fall inside the freeze window “Year-end freeze”."]);
    expect(summarizeConflicts([step("Deploy")])).toEqual(["The deployment step “Deploy” falls inside the freeze window “Year-end freeze”."]);
    expect(summarizeConflicts([{ kind: "target", window }])).toEqual(["The target date falls inside the freeze window “Year-end freeze”."]);
  });
});
