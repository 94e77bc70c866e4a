import { describe, expect, it } from "vitest";
import { computeProgress, describeProgress, isOverdue, summarizeSubItems, type ProgressItem } from "@/lib/checklist/rules";

const now = new Date("2030-01-10T12:00:00Z");
const item = (overrides: Partial<ProgressItem> = {}): ProgressItem => ({
  status: "TODO",
  priority: "RECOMMENDED",
  dueDate: null,
  waiverExpiresAt: null,
  parentId: null,
  ...overrides,
});

describe("computeProgress", () => {
  it("reports nothing to do for a release with no items", () => {
    const progress = computeProgress([], now);
    expect(progress).toMatchObject({ total: 0, applicable: 0, done: 0, percent: null, blockingOpen: 0, overdue: 0 });
    expect(describeProgress(progress)).toBe("No items yet");
  });

  it("counts done over applicable, as the seed plans do by hand", () => {
    const items = [...Array.from({ length: 18 }, () => item({ status: "DONE" })), item({ priority: "BLOCKING" }), item({ priority: "BLOCKING", status: "IN_PROGRESS" })];
    const progress = computeProgress(items, now);
    expect(progress).toMatchObject({ done: 18, applicable: 20, percent: 90, blockingOpen: 2 });
    expect(describeProgress(progress)).toBe("90% complete (18/20), 2 blocking open");
  });

  it("leaves waived items out of the applicable count", () => {
    const progress = computeProgress([item({ status: "DONE" }), item({ status: "WAIVED" })], now);
    expect(progress).toMatchObject({ applicable: 1, waived: 1, percent: 100 });
  });

  it("has no percentage when every item is waived", () => {
    const progress = computeProgress([item({ status: "WAIVED" }), item({ status: "WAIVED", priority: "BLOCKING", waiverExpiresAt: new Date("2030-02-01Z") })], now);
    expect(progress).toMatchObject({ total: 2, applicable: 0, percent: null, blockingOpen: 0 });
    expect(describeProgress(progress)).toBe("No applicable items (all waived)");
  });

  it("treats an expired waiver as open again", () => {
    const expired = item({ status: "WAIVED", priority: "BLOCKING", waiverExpiresAt: new Date("2030-01-09T00:00:00Z") });
    expect(computeProgress([expired], now)).toMatchObject({ applicable: 1, waived: 0, percent: 0, blockingOpen: 1 });
  });

  it("counts top-level items only: sub-items are steps of their parent", () => {
    const progress = computeProgress([item({ status: "DONE" }), item({ parentId: "p", status: "TODO", priority: "BLOCKING" })], now);
    expect(progress).toMatchObject({ total: 1, done: 1, percent: 100, blockingOpen: 0 });
  });

  it("rounds down, so 100% means everything is done", () => {
    const items = [...Array.from({ length: 199 }, () => item({ status: "DONE" })), item()];
    expect(computeProgress(items, now).percent).toBe(99);
    expect(computeProgress([item({ status: "DONE" }), item(), item()], now).percent).toBe(33);
  });

  it("does not count done or blocked items as blocking open only when closed", () => {
    const items = [item({ priority: "BLOCKING", status: "BLOCKED" }), item({ priority: "BLOCKING", status: "DONE" })];
    expect(computeProgress(items, now).blockingOpen).toBe(1);
  });
});

describe("overdue", () => {
  it("is an open item whose due date has passed", () => {
    expect(isOverdue(item({ dueDate: new Date("2030-01-09Z") }), now)).toBe(true);
    expect(isOverdue(item({ dueDate: new Date("2030-01-11Z") }), now)).toBe(false);
    expect(isOverdue(item({ dueDate: new Date("2030-01-09Z"), status: "DONE" }), now)).toBe(false);
    expect(isOverdue(item({ dueDate: new Date("2030-01-09Z"), status: "WAIVED" }), now)).toBe(false);
    expect(isOverdue(item(), now)).toBe(false);
  });

  it("is counted and described", () => {
    const progress = computeProgress([item({ dueDate: new Date("2030-01-01Z") }), item({ status: "DONE" })], now);
    expect(progress.overdue).toBe(1);
    expect(describeProgress(progress)).toBe("50% complete (1/2), 1 overdue");
  });
});

describe("summarizeSubItems", () => {
  it("counts done sub-items over the ones not waived", () => {
    const subs = [item({ status: "DONE", parentId: "p" }), item({ parentId: "p" }), item({ status: "WAIVED", parentId: "p" })];
    expect(summarizeSubItems(subs, now)).toEqual({ done: 1, total: 2 });
    expect(summarizeSubItems([], now)).toEqual({ done: 0, total: 0 });
  });
});
