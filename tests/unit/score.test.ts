import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeScore, describeScore, weightsProblem, type ScoreItem } from "@/lib/releases/score";
import { categoriesArb, itemsArb, now } from "../support/arbitraries";

const categories = [
  { id: "sec", name: "Security", weight: 30 },
  { id: "perf", name: "Performance", weight: 30 },
  { id: "ops", name: "Operations", weight: 20 },
  { id: "val", name: "Validation", weight: 20 },
];

function item(categoryId: string | null, status: ScoreItem["status"], extra: Partial<ScoreItem> = {}): ScoreItem {
  return { categoryId, status, priority: "RECOMMENDED", dueDate: null, waiverExpiresAt: null, parentId: null, ...extra };
}

describe("computeScore", () => {
  it("weights each category's share of done items", () => {
    const items = [
      item("sec", "DONE"), item("sec", "DONE"),
      item("perf", "DONE"), item("perf", "TODO"),
      item("ops", "DONE"),
      item("val", "DONE"),
    ];
    const score = computeScore(items, categories, 90, now);
    expect(score.value).toBe(85); // 30 + 15 + 20 + 20
    expect(score.display).toBe(85);
    expect(score.meetsThreshold).toBe(false);
    expect(score.categories.map((category) => category.points)).toEqual([30, 15, 20, 20]);
    expect(describeScore(score)).toBe("85 of 100 (GO at 90)");
  });

  it("reaches the threshold exactly at 90", () => {
    const items = [item("sec", "DONE"), item("perf", "DONE"), item("ops", "DONE"), item("val", "DONE"), item("val", "TODO")];
    const score = computeScore(items, categories, 90, now);
    expect(score.value).toBe(90);
    expect(score.meetsThreshold).toBe(true);
  });

  it("rounds down for display so a shown score never overstates", () => {
    const items = [item("sec", "DONE"), item("sec", "DONE"), item("sec", "TODO")];
    const score = computeScore(items, [{ id: "sec", name: "Security", weight: 100 }], 67, now);
    expect(score.value).toBeCloseTo(66.667, 2);
    expect(score.display).toBe(66);
    expect(score.meetsThreshold).toBe(false);
  });

  it("lends the weight of a category without applicable items to the others", () => {
    const items = [item("sec", "DONE"), item("perf", "TODO"), item("ops", "WAIVED")];
    const score = computeScore(items, categories, 90, now);
    const ops = score.categories.find((category) => category.id === "ops")!;
    expect(ops.completion).toBeNull();
    expect(ops.points).toBe(0);
    // Security and Performance carry 30 each of the 60 in play; Security is complete.
    expect(score.value).toBe(50);
  });

  it("has no score when no category has an applicable item, and counts uncategorised items apart", () => {
    const score = computeScore([item(null, "DONE"), item(null, "TODO")], categories, 90, now);
    expect(score.value).toBeNull();
    expect(score.display).toBeNull();
    expect(score.meetsThreshold).toBe(false);
    expect(score.uncategorized).toBe(2);
    expect(describeScore(score)).toBe("No score yet (GO at 90)");
  });

  it("ignores sub-items and treats an expired waiver as open", () => {
    const items = [
      item("sec", "DONE"),
      item("sec", "TODO", { parentId: "x" }),
      item("sec", "WAIVED", { waiverExpiresAt: new Date("2020-01-01T00:00:00Z") }),
    ];
    const score = computeScore(items, [{ id: "sec", name: "Security", weight: 100 }], 90, now);
    expect(score.categories[0]).toMatchObject({ done: 1, applicable: 2 });
    expect(score.value).toBe(50);
  });

  it("a threshold of 0 passes any release with a score", () => {
    expect(computeScore([item("sec", "TODO")], categories, 0, now).meetsThreshold).toBe(true);
  });
});

describe("score properties", () => {
  const scenario = categoriesArb.chain((cats) => fc.tuple(fc.constant(cats), itemsArb(cats), fc.integer({ min: 0, max: 100 })));

  it("stays within 0 to 100", () => {
    fc.assert(
      fc.property(scenario, ([cats, items, threshold]) => {
        const { value, display } = computeScore(items, cats, threshold, now);
        if (value === null) return display === null;
        return value >= 0 && value <= 100 && display! >= 0 && display! <= 100;
      }),
    );
  });

  it("never drops when an open item is completed", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ([cats, items, threshold], pick) => {
        const open = items.map((it, index) => ({ it, index })).filter(({ it }) => it.status !== "DONE" && it.status !== "WAIVED");
        fc.pre(open.length > 0);
        const { index } = open[pick % open.length]!;
        const completed = items.map((it, i) => (i === index ? { ...it, status: "DONE" as const } : it));
        const before = computeScore(items, cats, threshold, now).value ?? 0;
        const after = computeScore(completed, cats, threshold, now).value ?? 0;
        return after + 1e-9 >= before;
      }),
    );
  });

  it("meets the threshold exactly when the value reaches it", () => {
    fc.assert(
      fc.property(scenario, ([cats, items, threshold]) => {
        const score = computeScore(items, cats, threshold, now);
        return score.meetsThreshold === (score.value !== null && score.value + 1e-9 >= threshold);
      }),
    );
  });
});

describe("weightsProblem", () => {
  it("accepts whole weights summing to 100", () => {
    expect(weightsProblem([30, 30, 20, 20])).toBeNull();
    expect(weightsProblem([100])).toBeNull();
  });
  it("names the total when it is not 100", () => {
    expect(weightsProblem([30, 30, 20, 10])).toBe("The weights add up to 90; they must add up to 100.");
  });
  it("refuses fractions, negatives, values over 100 and an empty set", () => {
    expect(weightsProblem([50.5, 49.5])).toMatch(/whole number/);
    expect(weightsProblem([-10, 110])).toMatch(/whole number/);
    expect(weightsProblem([])).toMatch(/at least one/);
  });
});
