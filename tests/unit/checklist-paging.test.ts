import { describe, expect, it } from "vitest";
import { checklistWindow } from "@/lib/checklist/paging";

const items = (phaseSizes: number[]) => phaseSizes.flatMap((size, phase) => Array.from({ length: size }, (_, index) => ({ id: `p${phase}-i${index}`, phaseId: `p${phase}` })));

describe("checklist paging", () => {
  it("keeps a small checklist on one page", () => {
    const window = checklistWindow(items([3, 0, 2]), 1, 100);
    expect(window).toMatchObject({ page: 1, pageCount: 1, total: 5, offset: 0 });
    expect(window.ids).toHaveLength(5);
  });

  it("cuts across phases in order and says where each phase starts", () => {
    const window = checklistWindow(items([150, 30, 70]), 2, 100);
    expect(window).toMatchObject({ page: 2, pageCount: 3, total: 250, offset: 100 });
    expect(window.ids[0]).toBe("p0-i100");
    expect(window.ids.at(-1)).toBe("p2-i19");
    expect(window.phases.get("p1")).toEqual({ firstPage: 2, count: 30 });
    expect(window.phases.get("p2")).toEqual({ firstPage: 2, count: 70 });
  });

  it("takes any page number it is given to the nearest real page", () => {
    expect(checklistWindow(items([250]), 99, 100).page).toBe(3);
    expect(checklistWindow(items([250]), -4, 100).page).toBe(1);
    expect(checklistWindow(items([250]), Number.NaN, 100).page).toBe(1);
    expect(checklistWindow([], 2, 100)).toMatchObject({ page: 1, pageCount: 1, ids: [] });
  });

  it("never lists more than a page, whatever the size of the release", () => {
    const window = checklistWindow(items([5000]), 17, 100);
    expect(window.ids).toHaveLength(100);
    expect(window.pageCount).toBe(50);
  });
});
