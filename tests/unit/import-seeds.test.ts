import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";

// The five seed plans, with the counts established by reading each file (see the comments):
// phases, items, sub-items, checked (done) items, blocking items and sign-off roles.

const seed = (name: string) => parseMarkdownPlan(readFileSync(`prisma/demo/seeds/${name}`, "utf8"));

describe("the seed plans import with the counts read from them", () => {
  it("000, the final release action plan", () => {
    // Phases: "Phase 1" to "Phase 4", "Recommended Actions", and the four bold groups of the
    // "Checklist for Release Manager". Items: five Task headings with Priority lines, three
    // recommended actions, fifteen checkboxes of the release manager's checklist. Sub-items: the
    // checkboxes of Tasks 2.1 (6), 2.2 (6) and 4.1 (9). Blocking: Tasks 1.1 and 3.1 (🔴).
    // Roles: the five "Required Approvals" of Task 3.1.
    const preview = seed("000_5dc51aea30026015.txt");
    expect(preview.counts).toEqual({ phases: 9, items: 23, subItems: 21, done: 0, blocking: 2, signoffRoles: 5 });
    expect(preview.title).toBe("RaOS v9.4.0 Final Release - Action Plan");
    expect(preview.signoffRoles.map((role) => role.roleName)).toEqual(["Technical Lead", "QA Lead", "Security Officer", "Product Owner", "Release Manager"]);
    const dryRun = preview.phases[0]!.items[0]!;
    expect(dryRun).toMatchObject({ title: "Production Deployment Dry Run", priority: "BLOCKING", ownerRole: "DevOps/Release Manager", estimateMinutes: 180, line: 24 });
    expect(preview.signoffRoles[0]!.evidenceToReview).toContain("Evidence: AUDIT_SUMMARY_940.md");
    expect(preview.warnings.some((warning) => warning.kind === "repaired" && warning.message.includes("Mac Roman"))).toBe(true);
  });

  it("001, the M9 release plan", () => {
    // Phases: the six bold groups of "Pre-Deployment (Must Complete Before Go-Live)" and the
    // Must-Have, Should-Have and Nice-to-Have success metrics. Items: 34 + 10 checkboxes.
    // Blocking: the 34 pre-deployment items (must complete) and the 5 must-haves.
    const preview = seed("001_4a20f0dbd3111b56.txt");
    expect(preview.counts).toEqual({ phases: 9, items: 44, subItems: 0, done: 0, blocking: 39, signoffRoles: 0 });
    expect(preview.phases.map((phase) => phase.items.length)).toEqual([8, 5, 6, 5, 5, 5, 5, 3, 2]);
    expect(preview.phases[0]!.name).toBe("Pre-Deployment: Infrastructure Provisioning");
    expect(preview.phases.at(-2)!.items.every((item) => item.priority === "RECOMMENDED")).toBe(true);
    expect(preview.phases.at(-1)!.items.every((item) => item.priority === "OPTIONAL")).toBe(true);
    // "<3 P1 issues": a P1 in running text is not a marker.
    expect(preview.phases.at(-2)!.items[0]!.title).toBe("<3 P1 issues in first 7 days");
  });

  it("002, the launch-preparation week", () => {
    // 61 checkboxes, and the six Day 3 "Evening Tasks" written with ✅ (3), ⏳ (2) and 📋 (1).
    // The deep day / morning / task outline folds into one phase per day plus the deliverables.
    const preview = seed("002_a8e68d85b7f949a8.txt");
    expect(preview.counts).toEqual({ phases: 7, items: 67, subItems: 0, done: 3, blocking: 0, signoffRoles: 0 });
    expect(preview.phases.map((phase) => phase.name)).toEqual([
      "Day 1: Security Scanning & Setup",
      "Day 2: Load Testing & Performance Validation",
      "Day 3: Security Review & API Load Testing",
      "Days 4-5: Security Remediation",
      "Day 6: Team Training & Preparation",
      "Day 7: Final Validation & Go/No-Go Decision",
      "Week 9 Deliverables Checklist",
    ]);
    const inProgress = preview.phases[2]!.items.filter((item) => item.status === "IN_PROGRESS");
    expect(inProgress.map((item) => item.title)).toEqual(["Full load testing in progress", "Performance baseline documentation in progress"]);
    expect(preview.warnings.some((warning) => warning.kind === "guessed" && warning.line === 269)).toBe(true);
  });

  it("003, the production deployment checklist", () => {
    // Sections 1 to 8 hold 55 top-level checkboxes with 286 nested ones. Section 10's five
    // checkboxes with "Approved by" lines are the sign-offs; sections 9, 11 and 12 hold none.
    const preview = seed("003_7988108bf592b7cf.txt");
    expect(preview.counts).toEqual({ phases: 8, items: 55, subItems: 286, done: 0, blocking: 0, signoffRoles: 5 });
    expect(preview.signoffRoles.map((role) => role.roleName)).toEqual(["Development Team", "QA Team", "DevOps/Infrastructure", "Release Manager", "Executive"]);
    const server = preview.phases[0]!.items[0]!;
    expect(server).toMatchObject({ title: "Verify Production Server", line: 14 });
    expect(server.subItems.map((sub) => sub.title)).toContain("Server is accessible and operational");
    expect(server.details).toContain("Section: 1.1 Production Environment Setup");
  });

  it("004, the go-live completion report", () => {
    // No checkboxes: the six "NEXT STEPS" written with ✅ are read as done items, with a
    // warning; the four signatures to obtain are the sign-off roles.
    const preview = seed("004_d58e6d67af1a03b0.txt");
    expect(preview.counts).toEqual({ phases: 4, items: 6, subItems: 0, done: 6, blocking: 0, signoffRoles: 4 });
    expect(preview.signoffRoles.map((role) => role.roleName)).toEqual(["Engineering Lead", "Security Lead/CISO", "Operations Lead", "Product Manager/VP Product"]);
    expect(preview.warnings.filter((warning) => warning.kind === "guessed" && /marked ✅/.test(warning.message))).toHaveLength(4);
    // A 📁 whose dropped byte could be one of several emoji is left as it is, and said so.
    expect(preview.warnings.some((warning) => warning.line === 303 && /could not be repaired/.test(warning.message))).toBe(true);
  });
});
