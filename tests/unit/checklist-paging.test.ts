import { describe, expect, it } from "vitest";
import { checklistWindow } from "@/lib/checklist/paging";

const phases = (phaseSizes: number[]) => phaseSizes.map((count, phase) => ({ phaseId: `p${phase}`, count }));

describe("checklist paging", () => {
  it("keeps a small checklist on one page", () => {
    const window = checklistWindow(phases([3, 0, 2]), 1, 100);
    expect(window).toMatchObject({ page: 1, pageCount: 1, total: 5, offset: 0, pageSize: 100 });
    expect([...window.phases.keys()]).toEqual(["p0", "p2"]);
  });

  it("cuts across phases in order and says where each phase starts", () => {
    const window = checklistWindow(phases([150, 30, 70]), 2, 100);
    expect(window).toMatchObject({ page: 2, pageCount: 3, total: 250, offset: 100 });
    expect(window.phases.get("p0")).toEqual({ firstPage: 1, count: 150 });
    expect(window.phases.get("p1")).toEqual({ firstPage: 2, count: 30 });
    expect(window.phases.get("p2")).toEqual({ firstPage: 2, count: 70 });
  });

  it("starts a phase on the page its first item falls on, at the page boundary too", () => {
    const window = checklistWindow(phases([100, 1, 99, 1]), 1, 100);
    expect(window.phases.get("p1")).toEqual({ firstPage: 2, count: 1 });
    expect(window.phases.get("p3")).toEqual({ firstPage: 3, count: 1 });
    expect(window.pageCount).toBe(3);
  });

  it("takes any page number it is given to the nearest real page", () => {
    expect(checklistWindow(phases([250]), 99, 100)).toMatchObject({ page: 3, offset: 200 });
    expect(checklistWindow(phases([250]), -4, 100).page).toBe(1);
    expect(checklistWindow(phases([250]), Number.NaN, 100).page).toBe(1);
    expect(checklistWindow([], 2, 100)).toMatchObject({ page: 1, pageCount: 1, total: 0, offset: 0 });
  });

  it("counts pages for a release of any size", () => {
    const window = checklistWindow(phases([5000]), 17, 100);
    expect(window).toMatchObject({ page: 17, pageCount: 50, offset: 1600 });
  });
});
