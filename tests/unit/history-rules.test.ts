import { describe, expect, it } from "vitest";
import { describeTrend, lastDays, replayHistory } from "@/lib/releases/history-rules";

const categories = [
  { id: "sec", name: "Security", weight: 50 },
  { id: "ops", name: "Operations", weight: 50 },
];

describe("replayHistory", () => {
  it("rebuilds each day's end state by undoing later changes from today's counts", () => {
    const days = ["2030-01-01", "2030-01-02", "2030-01-03"];
    const current = new Map([
      ["sec", { done: 2, applicable: 2 }],
      ["ops", { done: 1, applicable: 2 }],
      ["", { done: 0, applicable: 1 }],
    ]);
    const points = replayHistory({
      days,
      categories,
      threshold: 90,
      current,
      deltas: [
        { day: "2030-01-03", categoryId: "sec", done: 1, applicable: 0 },
        { day: "2030-01-02", categoryId: "ops", done: 1, applicable: 1 }, // created as done
        { day: "2030-01-02", categoryId: "sec", done: 1, applicable: 0 },
      ],
    });
    expect(points).toEqual([
      { day: "2030-01-01", open: 4, done: 0, score: 0 },
      { day: "2030-01-02", open: 3, done: 2, score: 50 },
      { day: "2030-01-03", open: 2, done: 3, score: 75 },
    ]);
    expect(describeTrend(points)).toBe("Open items went from 4 to 2, done items from 0 to 3, and the score from 0 to 75, over the last 3 days.");
  });

  it("is flat with no recorded changes, and says so", () => {
    const points = replayHistory({ days: ["2030-01-01", "2030-01-02"], categories, threshold: 90, current: new Map([["sec", { done: 1, applicable: 4 }]]), deltas: [] });
    expect(points.map((point) => point.open)).toEqual([3, 3]);
    expect(describeTrend(points)).toBe("Open items stayed at 3, done items from 1 to 1, and the score from 25 to 25, over the last 2 days.");
    expect(describeTrend([])).toBe("No history yet.");
  });
});

describe("lastDays", () => {
  it("counts back whole UTC days, oldest first, ending today", () => {
    expect(lastDays(new Date("2030-03-01T23:30:00Z"), 3)).toEqual(["2030-02-27", "2030-02-28", "2030-03-01"]);
  });
});
