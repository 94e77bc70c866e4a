import { describe, expect, it } from "vitest";
import { forecastReadyDate } from "@/lib/plans/forecast";
import { describeTrigger, isRehearsalCurrent, riskHeatMap, rollbackTiming, watchWindow } from "@/lib/plans/rules";

const days = (values: [number, number][]) => values.map(([open, done], index) => ({ day: `2030-01-${String(index + 1).padStart(2, "0")}`, open, done }));

describe("forecastReadyDate", () => {
  it("projects the pace of the last two weeks onto the open items", () => {
    // 14 items done over 14 days: one a day; 10 open on 15 January -> ready on 25 January.
    const points = days(Array.from({ length: 15 }, (_, index) => [24 - index, index] as [number, number]));
    const forecast = forecastReadyDate(points, new Date("2030-01-20T00:00:00Z"));
    expect(forecast).toEqual({ kind: "forecast", date: new Date("2030-01-25T00:00:00Z"), perDay: 1, daysLate: 5 });
  });

  it("says so honestly when there is not enough data", () => {
    expect(forecastReadyDate([], new Date())).toEqual({ kind: "insufficient", reason: "No history yet." });
    const flat = forecastReadyDate(days([[5, 0], [5, 0], [5, 0], [5, 0], [4, 1]]), new Date());
    expect(flat.kind).toBe("insufficient");
    expect(flat.kind === "insufficient" && flat.reason).toMatch(/^Not enough data: 1 item was completed in the last 4 days/);
  });

  it("is ready when nothing is open", () => {
    expect(forecastReadyDate(days([[3, 0], [0, 3]]), new Date())).toEqual({ kind: "ready" });
  });
});

describe("plan rules", () => {
  it("lays open risks on a 3 x 4 grid, most likely first, with critical cells marked", () => {
    const grid = riskHeatMap([
      { id: "a", likelihood: "HIGH", impact: "HIGH", status: "OPEN" },
      { id: "b", likelihood: "LOW", impact: "CRITICAL", status: "OPEN" },
      { id: "c", likelihood: "LOW", impact: "CRITICAL", status: "CLOSED" },
    ]);
    expect(grid).toHaveLength(3);
    expect(grid.every((row) => row.length === 4)).toBe(true);
    expect(grid[0]![2]).toMatchObject({ likelihood: "HIGH", impact: "HIGH", riskIds: ["a"], isCritical: true });
    expect(grid[2]![3]).toMatchObject({ likelihood: "LOW", impact: "CRITICAL", riskIds: ["b"], isCritical: true });
    expect(grid[1]![2]!.isCritical).toBe(false);
  });

  it("compares the rollback steps with the target time", () => {
    expect(rollbackTiming([{ minutes: 5 }, { minutes: 10 }, { minutes: 2 }], 15)).toEqual({ totalMinutes: 17, targetMinutes: 15, exceedsBy: 2 });
    expect(rollbackTiming([{ minutes: 5 }], 15).exceedsBy).toBe(0);
    expect(rollbackTiming([], null)).toEqual({ totalMinutes: 0, targetMinutes: null, exceedsBy: 0 });
  });

  it("describes triggers as the seeds write them", () => {
    expect(describeTrigger({ metric: "Error rate", comparison: ">", threshold: 5, unit: "%", durationMinutes: 15 })).toBe("Error rate > 5% for 15 minutes");
    expect(describeTrigger({ metric: "p95 latency", comparison: ">=", threshold: 2000, unit: "ms", durationMinutes: null })).toBe("p95 latency ≥ 2000 ms");
  });

  it("counts a rehearsal for 30 days, and the watch window from the release", () => {
    const now = new Date("2030-02-01T12:00:00Z");
    expect(isRehearsalCurrent(new Date("2030-01-05T00:00:00Z"), now)).toBe(true);
    expect(isRehearsalCurrent(new Date("2030-01-01T00:00:00Z"), now)).toBe(false);
    expect(isRehearsalCurrent(null, now)).toBe(false);
    expect(watchWindow(null, 7, now)).toEqual({ state: "not-released" });
    expect(watchWindow(new Date("2030-01-30T12:00:00Z"), 7, now)).toEqual({ state: "watching", endsAt: new Date("2030-02-06T12:00:00Z"), daysLeft: 5 });
    expect(watchWindow(new Date("2030-01-01T00:00:00Z"), 7, now).state).toBe("over");
  });
});
