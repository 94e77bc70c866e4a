import { describe, it, expect } from "vitest";
import { demoReleases, type DemoItem, type DemoRelease } from "../../prisma/demo/plans";

const userKeys = ["admin", "manager", "approver", "viewer", "techLead", "qaLead", "security", "product"];
const closed = (item: DemoItem) => item.status === "DONE" || item.status === "WAIVED";

function topLevelItems(release: DemoRelease): DemoItem[] {
  return release.phases.flatMap((phase) => phase.items);
}

function allItems(release: DemoRelease): DemoItem[] {
  return topLevelItems(release).flatMap((item) => [item, ...(item.subItems ?? [])]);
}

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

function release(key: string): DemoRelease {
  const found = demoReleases.find((r) => r.key === key);
  if (!found) throw new Error(`no demo release ${key}`);
  return found;
}

describe("demo releases", () => {
  it("have unique keys and cover planning, in progress and released", () => {
    const keys = demoReleases.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const statuses = new Set(demoReleases.map((r) => r.status));
    for (const status of ["PLANNING", "IN_PROGRESS", "RELEASED"] as const) expect(statuses).toContain(status);
  });

  it("keep names, versions and descriptions within limits", () => {
    for (const r of demoReleases) {
      expect(r.name.length).toBeGreaterThanOrEqual(1);
      expect(r.name.length).toBeLessThanOrEqual(120);
      expect(r.versionName.length).toBeGreaterThanOrEqual(1);
      expect(r.versionName.length).toBeLessThanOrEqual(40);
      expect(r.description.length).toBeGreaterThan(0);
      expect(r.description.length).toBeLessThanOrEqual(5000);
      expect(Number.isInteger(r.targetInDays)).toBe(true);
      expect(userKeys).toContain(r.owner);
    }
  });

  it("have 3 to 8 phases of 4 to 15 items, and at most 250 items overall", () => {
    let total = 0;
    for (const r of demoReleases) {
      expect(r.phases.length).toBeGreaterThanOrEqual(3);
      expect(r.phases.length).toBeLessThanOrEqual(8);
      for (const phase of r.phases) {
        expect(phase.name.length).toBeGreaterThanOrEqual(1);
        expect(phase.name.length).toBeLessThanOrEqual(120);
        expect(phase.items.length).toBeGreaterThanOrEqual(4);
        expect(phase.items.length).toBeLessThanOrEqual(15);
      }
      total += allItems(r).length;
    }
    expect(total).toBeLessThanOrEqual(250);
  });

  it("have required sign-offs, risks and milestones", () => {
    for (const r of demoReleases) {
      expect(r.requiredSignoffs.length).toBeGreaterThan(0);
      const roles = r.requiredSignoffs.map((s) => s.roleName);
      expect(new Set(roles).size).toBe(roles.length);
      for (const signoff of r.requiredSignoffs) {
        expect(signoff.roleName.length).toBeGreaterThanOrEqual(1);
        expect(signoff.roleName.length).toBeLessThanOrEqual(80);
        expect(signoff.evidenceToReview.length).toBeGreaterThan(0);
        expect(signoff.assignees.length).toBeGreaterThan(0);
        // Separation of duties: the release owner cannot approve.
        expect(signoff.assignees).not.toContain(r.owner);
        for (const assignee of signoff.assignees) expect(userKeys).toContain(assignee);
      }
      expect(r.risks.length).toBeGreaterThan(0);
      for (const risk of r.risks) {
        expect(risk.title.length).toBeGreaterThanOrEqual(1);
        expect(risk.title.length).toBeLessThanOrEqual(200);
      }
      expect(r.milestones.length).toBeGreaterThan(0);
      for (const milestone of r.milestones) expect(Number.isInteger(milestone.dueInDays)).toBe(true);
    }
  });
});

describe("demo items", () => {
  const items = demoReleases.flatMap(allItems);

  it("keep titles and fields within limits", () => {
    for (const item of items) {
      expect(item.title.length, item.title).toBeGreaterThanOrEqual(1);
      expect(item.title.length, item.title).toBeLessThanOrEqual(200);
      expect((item.details ?? "").length).toBeLessThanOrEqual(10000);
      expect((item.ownerRole ?? "").length).toBeLessThanOrEqual(80);
      if (item.assignee !== undefined) expect(userKeys).toContain(item.assignee);
      if (item.dueInDays !== undefined) expect(Number.isInteger(item.dueInDays)).toBe(true);
      if (item.estimateMinutes !== undefined) {
        expect(Number.isInteger(item.estimateMinutes)).toBe(true);
        expect(item.estimateMinutes).toBeGreaterThan(0);
      }
      for (const note of item.notes ?? []) {
        expect(note.length).toBeGreaterThan(0);
        expect(note.length).toBeLessThanOrEqual(5000);
      }
    }
  });

  it("give every waived item a reason, and waive no blocking item", () => {
    for (const item of items) {
      if (item.status === "WAIVED") {
        expect(item.waiverReason?.trim().length, item.title).toBeGreaterThan(0);
        // Waiving a blocking item needs an expiry, which demo data does not carry.
        expect(item.priority, item.title).not.toBe("BLOCKING");
      } else {
        expect(item.waiverReason, item.title).toBeUndefined();
      }
    }
  });

  it("nest sub-items one level deep only", () => {
    for (const r of demoReleases) {
      for (const item of topLevelItems(r)) {
        for (const sub of item.subItems ?? []) {
          expect((sub as DemoItem).subItems, sub.title).toBeUndefined();
        }
      }
    }
  });

  it("link evidence over https only", () => {
    for (const item of items) {
      for (const link of item.evidence ?? []) {
        expect(link.url.startsWith("https://"), link.url).toBe(true);
        expect(() => new URL(link.url)).not.toThrow();
        expect(link.label.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("demo text", () => {
  const strings = demoReleases.flatMap(allStrings);

  it("carries no mojibake", () => {
    const mojibake = /[\u00e2\u00c3\u00f0\u201a\u221a\u0192\u00c4\ufffd]/;
    for (const text of strings) expect(mojibake.test(text), text).toBe(false);
  });

  it("carries no emoji", () => {
    const emoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}\ufe0f\u200d]/u;
    for (const text of strings) expect(emoji.test(text), text).toBe(false);
  });
});

describe("release states", () => {
  it("the nearly-ready release has exactly two open blocking items and is about 90% complete", () => {
    const nearlyReady = release("raos-940");
    expect(nearlyReady.status).toBe("IN_PROGRESS");
    const topLevel = topLevelItems(nearlyReady);
    const openBlocking = topLevel.filter((item) => item.priority === "BLOCKING" && !closed(item));
    expect(openBlocking.map((item) => item.title)).toHaveLength(2);
    const openBlockingSubItems = topLevel
      .flatMap((item) => item.subItems ?? [])
      .filter((sub) => sub.priority === "BLOCKING" && !closed(sub));
    expect(openBlockingSubItems).toHaveLength(0);

    const applicable = topLevel.filter((item) => item.status !== "WAIVED");
    const done = applicable.filter((item) => item.status === "DONE").length;
    const percent = Math.floor((done / applicable.length) * 100);
    expect(percent).toBeGreaterThanOrEqual(85);
    expect(percent).toBeLessThanOrEqual(95);
    expect(topLevel.some((item) => item.status === "WAIVED")).toBe(true);
    expect(topLevel.some((item) => (item.subItems ?? []).length > 0)).toBe(true);
    expect(topLevel.some((item) => (item.evidence ?? []).length > 0)).toBe(true);
    expect(topLevel.some((item) => (item.notes ?? []).length > 0)).toBe(true);
  });

  it("the released release has every item done or waived", () => {
    for (const r of demoReleases.filter((x) => x.status === "RELEASED")) {
      for (const item of allItems(r)) expect(closed(item), item.title).toBe(true);
      expect(topLevelItems(r).some((item) => item.status === "WAIVED")).toBe(true);
    }
  });

  it("a release at GO has no open blocking item", () => {
    for (const r of demoReleases.filter((x) => x.status === "GO")) {
      const open = allItems(r).filter((item) => item.priority === "BLOCKING" && !closed(item));
      expect(open.map((item) => item.title)).toEqual([]);
    }
  });

  it("the planning release is mostly still to do", () => {
    for (const r of demoReleases.filter((x) => x.status === "PLANNING")) {
      const topLevel = topLevelItems(r);
      const todo = topLevel.filter((item) => item.status === "TODO").length;
      expect(todo / topLevel.length).toBeGreaterThan(0.7);
      expect(topLevel.some((item) => item.status === "DONE")).toBe(true);
      expect(topLevel.some((item) => item.status === "IN_PROGRESS")).toBe(true);
    }
  });
});

describe("demo approvals", () => {
  it("sign only roles of their release, by people assigned to them who do not own the release", async () => {
    const { demoApprovals } = await import("../../prisma/demo/signoffs");
    for (const [key, approvals] of Object.entries(demoApprovals)) {
      const r = release(key);
      for (const signoff of approvals.signoffs) {
        const role = r.requiredSignoffs.find((candidate) => candidate.roleName === signoff.role);
        expect(role, `${key}: ${signoff.role}`).toBeDefined();
        expect(role!.assignees).toContain(signoff.by);
        expect(signoff.by).not.toBe(r.owner);
        for (const condition of signoff.conditions ?? []) expect(userKeys).toContain(condition.owner);
      }
      if (approvals.decision) {
        expect(["GO", "RELEASED"]).toContain(r.status);
        expect(approvals.signoffs.map((signoff) => signoff.role).sort()).toEqual(r.requiredSignoffs.map((role) => role.roleName).sort());
      }
    }
  });
});
