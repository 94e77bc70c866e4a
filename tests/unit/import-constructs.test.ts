import { describe, expect, it } from "vitest";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";
import { ImportLimitError } from "@/lib/templates/markdown/types";

const md = (lines: string[]) => lines.join("\n");
const items = (text: string) => parseMarkdownPlan(text).phases.flatMap((phase) => phase.items);

describe("task lists", () => {
  it("reads -, * and numbered task lists; checked boxes are done", () => {
    const preview = parseMarkdownPlan(md(["# Release", "## Prepare", "- [ ] Cut branch", "* [x] Freeze code", "1. [X] Tag v1.0", "2. [ ] Build artifacts"]));
    expect(preview.phases).toHaveLength(1);
    expect(preview.phases[0]!.name).toBe("Prepare");
    expect(items(md(["## Prepare", "- [ ] Cut branch", "* [x] Freeze code", "1. [X] Tag v1.0", "2. [ ] Build artifacts"])).map((item) => [item.title, item.status])).toEqual([
      ["Cut branch", "TODO"],
      ["Freeze code", "DONE"],
      ["Tag v1.0", "DONE"],
      ["Build artifacts", "TODO"],
    ]);
  });

  it("turns nested task lists into sub-items, and flattens deeper ones with a note", () => {
    const preview = parseMarkdownPlan(md(["## Deploy", "- [ ] Deploy API", "  - [x] Build image", "  - [ ] Push image", "    - [ ] Sign image"]));
    const [deploy] = preview.phases[0]!.items;
    expect(deploy!.subItems.map((sub) => [sub.title, sub.status])).toEqual([["Build image", "DONE"], ["Push image", "TODO"], ["Sign image", "TODO"]]);
    expect(preview.warnings.some((warning) => /more than one level/.test(warning.message))).toBe(true);
  });

  it("reads headings at any depth as phases, and names a group by a bold label", () => {
    const preview = parseMarkdownPlan(md(["# Plan", "#### Deep", "- [ ] A", "", "**Infrastructure:**", "", "- [ ] B", "- Frontend", "  - [ ] C"]));
    expect(preview.phases.map((phase) => [phase.name, phase.items.map((item) => item.title)])).toEqual([
      ["Deep", ["A"]],
      ["Deep: Infrastructure", ["B"]],
      ["Deep: Frontend", ["C"]],
    ]);
  });

  it("folds a deep outline into at most 12 phases, keeping sub-sections in the details", () => {
    const lines = ["# Big plan"];
    for (let section = 1; section <= 4; section += 1) {
      lines.push(`## Area ${section}`);
      for (let sub = 1; sub <= 5; sub += 1) lines.push(`### Part ${section}.${sub}`, `- [ ] Check ${section}.${sub}`);
    }
    const preview = parseMarkdownPlan(md(lines));
    expect(preview.phases.map((phase) => phase.name)).toEqual(["Area 1", "Area 2", "Area 3", "Area 4"]);
    expect(preview.phases[0]!.items[0]!.details).toBe("Section: Part 1.1");
  });

  it("skips checkboxes in HTML comments and fenced code, and says so", () => {
    const preview = parseMarkdownPlan(md(["## Checks", "- [ ] Real", "<!--", "- [ ] Commented out", "-->", "```md", "- [ ] In code", "```"]));
    expect(items(md(["## Checks", "- [ ] Real", "<!--", "- [ ] Commented out", "-->", "```md", "- [ ] In code", "```"])).map((item) => item.title)).toEqual(["Real"]);
    expect(preview.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining(["Checkboxes inside an HTML comment or HTML block were skipped.", "Checkboxes inside a code block were skipped."]),
    );
  });
});

describe("priorities", () => {
  it.each([
    ["- [ ] **BLOCKING** Rotate keys", "BLOCKING"],
    ["- [ ] Rotate keys (CRITICAL)", "BLOCKING"],
    ["- [ ] P0: Rotate keys", "BLOCKING"],
    ["- [ ] [P1] Rotate keys", "RECOMMENDED"],
    ["- [ ] Rotate keys (P2)", "OPTIONAL"],
    ["- [ ] Rotate keys (R)", "BLOCKING"],
    ["- [ ] 🔴 Rotate keys", "BLOCKING"],
    ["- [ ] 🟡 Rotate keys", "RECOMMENDED"],
    ["- [ ] 🟢 Rotate keys", "OPTIONAL"],
    ["- [ ] Rotate keys RECOMMENDED", "RECOMMENDED"],
    ["- [ ] OPTIONAL: Rotate keys", "OPTIONAL"],
  ])("%s is %s, and the marker leaves the title", (line, priority) => {
    const [item] = items(md(["## Security", line]));
    expect(item).toMatchObject({ title: "Rotate keys", priority });
  });

  it("reads Priority lines and inherits from headings (but not from 'non-blocking' or 'critical path')", () => {
    const result = items(md([
      "## Must have",
      "- [ ] A",
      "## Recommended (non-blocking)",
      "- [ ] B",
      "## Critical path",
      "- [ ] C",
      "  - Priority: P0",
      "- [ ] D",
    ]));
    expect(result.map((item) => [item.title, item.priority])).toEqual([["A", "BLOCKING"], ["B", "RECOMMENDED"], ["C", "BLOCKING"], ["D", "RECOMMENDED"]]);
  });

  it("flags a Priority line it cannot read, and a default", () => {
    const preview = parseMarkdownPlan(md(["## Go", "### Task: Ship it", "**Priority:** after lunch", "", "## Then", "- [ ] Plain"]));
    expect(preview.warnings.map((warning) => warning.message)).toEqual(expect.arrayContaining([
      "Priority “after lunch” is not a priority this app knows: set to Recommended.",
      "1 item has no priority marker: set to Recommended.",
    ]));
  });
});

describe("owners, estimates and evidence", () => {
  it("reads Owner, Estimated Time and Evidence lines and sub-bullets", () => {
    const [item] = items(md([
      "## Release",
      "- [ ] Load test at 2x traffic",
      "  - Owner: QA Lead",
      "  - Estimated Time: 2-3 hours",
      "  - Evidence: [k6 report](https://ci.example.com/k6/42)",
      "  - Run from the staging cluster",
    ]));
    expect(item).toMatchObject({ ownerRole: "QA Lead", estimateMinutes: 180, evidence: [{ url: "https://ci.example.com/k6/42", label: "k6 report" }], details: "- Run from the staging cluster" });
  });

  it("reads inline owners and estimates, and keeps relative evidence as text with a note", () => {
    const [first, second] = items(md(["## Release", "- [ ] Rotate secrets (Owner: Security) (30 min)", "- [ ] Update docs — Owner: Tech writer", "  - Evidence: ./docs/REPORT.md"]));
    expect(first).toMatchObject({ title: "Rotate secrets", ownerRole: "Security", estimateMinutes: 30 });
    expect(second).toMatchObject({ title: "Update docs", ownerRole: "Tech writer", evidence: [] });
    expect(second!.details).toContain("Evidence: ./docs/REPORT.md");
  });
});

describe("tables", () => {
  it("reads a checks table with a status and a priority column", () => {
    const result = items(md([
      "## Gates",
      "| Check | Priority | Status | Owner |",
      "|---|---|---|---|",
      "| Unit tests green | Must | ✅ | CI |",
      "| Load test | Should | ⏳ | QA |",
      "| Docs updated | Nice to have | No | Tech writer |",
    ]));
    expect(result.map((item) => [item.title, item.priority, item.status, item.ownerRole])).toEqual([
      ["Unit tests green", "BLOCKING", "DONE", "CI"],
      ["Load test", "RECOMMENDED", "IN_PROGRESS", "QA"],
      ["Docs updated", "OPTIONAL", "TODO", "Tech writer"],
    ]);
  });

  it("reads level columns that mark a row", () => {
    const result = items(md(["## Matrix", "| Requirement | Must | Should | Done |", "|---|---|---|---|", "| TLS everywhere | x | | yes |", "| HSTS preload | | x | no |"]));
    expect(result.map((item) => [item.title, item.priority, item.status])).toEqual([["TLS everywhere", "BLOCKING", "DONE"], ["HSTS preload", "RECOMMENDED", "TODO"]]);
  });

  it("skips risk tables and schedules, with a note", () => {
    const preview = parseMarkdownPlan(md(["## Risks", "| Risk | Likelihood | Impact |", "|---|---|---|", "| Outage | Low | High |", "## Timeline", "| Day | Task |", "|---|---|", "| Mon | Deploy |"]));
    expect(preview.counts.items).toBe(0);
    expect(preview.warnings.filter((warning) => warning.kind === "skipped")).toHaveLength(2);
  });
});

describe("sign-offs", () => {
  it("reads a Role / Name / Signature / Date table", () => {
    const preview = parseMarkdownPlan(md(["## Approval", "| Role | Name | Signature | Date |", "|---|---|---|---|", "| QA Lead | | | |", "| Security Officer | | | |"]));
    expect(preview.signoffRoles.map((role) => role.roleName)).toEqual(["QA Lead", "Security Officer"]);
  });

  it("reads how many approvals a role needs and what it reviews from a sign-off table", () => {
    const preview = parseMarkdownPlan(md(["## Sign-offs", "| Role | Approvals | What to review |", "|---|---|---|", "| Ops Lead | 2 | Runbook |", "| Legal | | — |"]));
    expect(preview.signoffRoles.map(({ roleName, requiredApprovals, evidenceToReview }) => [roleName, requiredApprovals, evidenceToReview])).toEqual([["Ops Lead", 2, "Runbook"], ["Legal", 1, ""]]);
  });

  it("reads 'Approved by' checkboxes as roles, not items", () => {
    const preview = parseMarkdownPlan(md(["## Sign-off", "- [ ] **QA Sign-Off**", "  - [ ] All tests green", "  - [ ] Approved by: ________", "- [ ] Tag the release"]));
    expect(preview.signoffRoles).toEqual([{ roleName: "QA", evidenceToReview: "All tests green", requiredApprovals: 1, line: 2 }]);
    expect(preview.phases[0]!.items.map((item) => item.title)).toEqual(["Tag the release"]);
  });

  it("reads a list of required approvals", () => {
    const preview = parseMarkdownPlan(md(["## Required approvals", "- **Technical Lead** - code review", "- **Product Owner** - scope"]));
    expect(preview.signoffRoles.map((role) => [role.roleName, role.evidenceToReview])).toEqual([["Technical Lead", "code review"], ["Product Owner", "scope"]]);
  });
});

describe("encoding and limits", () => {
  it("repairs text read in the wrong encoding and leaves accented text alone", () => {
    const [item] = items(md(["## Done", "- [x] âœ… Deployed to cafÃ© servers", "- [ ] Größe prüfen"]));
    expect(item!.title).toBe("Deployed to café servers");
    expect(items(md(["## Done", "- [ ] Größe prüfen"]))[0]!.title).toBe("Größe prüfen");
  });

  it("refuses documents over 1 MB and over 5,000 items", () => {
    expect(() => parseMarkdownPlan("x".repeat(1_000_001))).toThrow(ImportLimitError);
    const many = ["## All", ...Array.from({ length: 5001 }, (_, index) => `- [ ] Item ${index}`)].join("\n");
    expect(() => parseMarkdownPlan(many)).toThrow(/5,001 checklist items; at most 5,000/);
  });
});
