import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { releaseToMarkdown, type ExportItem, type ExportRelease } from "@/lib/templates/markdown/export";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";
import type { Priority, Status } from "@/lib/templates/markdown/vocabulary";

// Properties of the importer: an export reads back to the release it came from, and no input,
// however odd, makes the importer throw or invent an item without a title.

const words = [
  "Deploy", "API", "database", "migration", "café", "v2.1.0", "<b>", "a_b", "x*y", "50%", "#1", "Größe", "[draft]", "`code`",
  "C++", "R&D", "100|200", "naïve", "日本", "Ünïcödé", "smoke", "tests", "rotate", "keys", "on", "the", "edge", "CDN", "~cache~",
  "$HOME", "1.", "+", "!", "résumé", "http://example.com", "*", "_x_", "\\path", "a>b", "&amp;",
];
const owners = ["", "DevOps", "QA Lead", "Security Officer", "Release Manager", "SRE team", "Zoë Müller", "Platform <core>"];
const statuses: Status[] = ["TODO", "IN_PROGRESS", "DONE", "BLOCKED", "WAIVED"];
const priorities: Priority[] = ["BLOCKING", "RECOMMENDED", "OPTIONAL"];
const phaseWords = ["Preparation", "Deployment", "Verification", "Cut-over", "Data migration", "Launch", "Post-release", "Day 1", "Monitoring"];

// Titles begin and end with a word: leading and trailing punctuation is trimmed on import by design.
const plainWords = words.filter((word) => /^[\p{L}\p{N}]/u.test(word) && /[\p{L}\p{N}]$/u.test(word));
const title = fc
  .tuple(fc.constantFrom(...plainWords), fc.array(fc.constantFrom(...words), { maxLength: 4 }), fc.constantFrom(...plainWords))
  .map(([first, middle, last]) => (middle.length === 0 ? first : [first, ...middle, last].join(" ")));

const item = (withSubs: boolean): fc.Arbitrary<ExportItem & { subItems: ExportItem[] }> =>
  fc.record({
    title,
    status: fc.constantFrom(...statuses),
    priority: fc.constantFrom(...priorities),
    ownerRole: fc.constantFrom(...owners),
    category: fc.constantFrom(null, "Security", "Performance", "Operations", "Validation"),
    estimateMinutes: fc.constantFrom(null, 30, 60, 120),
    waiverReason: fc.constant(null),
    evidence: fc.array(fc.record({ url: fc.constantFrom("https://ci.example.com/build/42", "https://example.org/report?id=7&x=1"), label: fc.constantFrom("", "report", "run #42") }), { maxLength: 2 }),
    details: fc.constantFrom("", "Run from the staging cluster"),
    subItems: withSubs ? fc.array(item(false), { maxLength: 3 }) : fc.constant([]),
  });

const release: fc.Arbitrary<ExportRelease> = fc.record({
  name: title,
  versionName: fc.constantFrom("v1.0", "2026.12", "9.4.0-rc.1"),
  targetDate: fc.constant("2026-12-15"),
  statusLabel: fc.constant("Planning"),
  description: fc.constantFrom("", "The winter release."),
  score: fc.constant(null),
  phases: fc
    .array(fc.record({ name: fc.constantFrom(...phaseWords), description: fc.constantFrom("", "Before the window opens."), items: fc.array(item(true), { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 8 })
    .map((phases) => phases.map((phase, index) => ({ ...phase, name: `${phase.name} ${index + 1}` }))),
  signoffs: fc.constant([]),
  decision: fc.constant(null),
  risks: fc.constant([]),
  successCriteria: fc.constant([]),
  rollbackSteps: fc.constant([]),
  exportedAt: fc.constant("2026-12-01T10:00:00.000Z"),
});

const essentials = (entry: { title: string; status: Status; priority: Priority; ownerRole: string }) => ({
  title: entry.title,
  status: entry.status,
  priority: entry.priority,
  ownerRole: entry.ownerRole,
});

describe("export, then import", () => {
  it("gives back the same phases, items, statuses, priorities and owners", () => {
    fc.assert(
      fc.property(release, (original) => {
        const preview = parseMarkdownPlan(releaseToMarkdown(original));
        expect(preview.title).toBe(`${original.name} ${original.versionName}`);
        expect(preview.phases.map((phase) => ({ name: phase.name, items: phase.items.map((entry) => ({ ...essentials(entry), subItems: entry.subItems.map(essentials) })) }))).toEqual(
          original.phases.map((phase) => ({ name: phase.name, items: phase.items.map((entry) => ({ ...essentials(entry), subItems: entry.subItems.map(essentials) })) })),
        );
        // Categories and evidence links survive too.
        const imported = preview.phases.flatMap((phase) => phase.items);
        const exported = original.phases.flatMap((phase) => phase.items);
        imported.forEach((entry, index) => {
          if (exported[index]!.category) expect(entry.category).toBe(exported[index]!.category);
          expect(entry.evidence.map((link) => link.url)).toEqual(exported[index]!.evidence.map((link) => link.url));
        });
      }),
      { numRuns: 150 },
    );
    // 150 whole documents parsed: seconds of work, more on a loaded two-core machine.
  }, 60_000);

  it("keeps numbered and marked-up titles as typed", () => {
    const item = (title: string): ExportItem & { subItems: ExportItem[] } => ({ title, status: "TODO", priority: "BLOCKING", ownerRole: "", category: null, estimateMinutes: null, evidence: [], details: "", subItems: [] });
    const titles = ["1. Deploy the API", "2) Verify", "- dash", "# not a heading", "<script>alert(1)</script>", "[x](javascript:alert(1))", "a | b"];
    const markdown = releaseToMarkdown({
      name: "1. Release", versionName: "v1", targetDate: "2026-12-15", statusLabel: "Planning", description: "", score: null,
      phases: [{ name: "1. Prepare", description: "", items: titles.map(item) }],
      signoffs: [], decision: null, risks: [], successCriteria: [], rollbackSteps: [], exportedAt: "2026-12-01",
    });
    const preview = parseMarkdownPlan(markdown);
    expect(preview.phases.map((phase) => phase.name)).toEqual(["1. Prepare"]);
    expect(preview.phases[0]!.items.map((entry) => entry.title)).toEqual(titles.map((title) => title.replace(/^- /, "")));
  });

  it("keeps sign-off roles, and skips the risk table with a note", () => {
    const markdown = releaseToMarkdown({
      name: "Checkout",
      versionName: "v3",
      targetDate: "2026-12-15",
      statusLabel: "In progress",
      description: "",
      score: { display: 72, threshold: 90 },
      phases: [{ name: "Deploy", description: "", items: [{ title: "Ship it", status: "TODO", priority: "BLOCKING", ownerRole: "", category: null, estimateMinutes: null, waiverReason: null, evidence: [], details: "", subItems: [] }] }],
      signoffs: [
        { roleName: "QA Lead", evidenceToReview: "Test report", required: 1, approvals: 1, stateLabel: "Approved", signers: ["Quinn (approved)"] },
        { roleName: "Security Officer", evidenceToReview: "", required: 2, approvals: 0, stateLabel: "Pending", signers: [] },
      ],
      decision: { outcomeLabel: "GO", decidedBy: "Rosa", decidedAt: "2026-12-14", rationale: "All green." },
      risks: [{ title: "Payment provider outage", likelihood: "Low", impact: "High", status: "Open", mitigation: "Fallback provider" }],
      successCriteria: [],
      rollbackSteps: ["Switch traffic back"],
      exportedAt: "2026-12-01T10:00:00.000Z",
    });
    const preview = parseMarkdownPlan(markdown);
    expect(preview.signoffRoles.map((role) => role.roleName)).toEqual(["QA Lead", "Security Officer"]);
    expect(preview.counts).toMatchObject({ phases: 1, items: 1, blocking: 1 });
    expect(preview.warnings.some((warning) => warning.kind === "skipped" && /risk table/.test(warning.message))).toBe(true);
  });
});

const fragments = [
  "# Plan", "## Tasks", "### Deploy", "#### Deep", "- [ ] ", "- [x] ", "  - [ ] ", "    - [x] ", "* [ ] ", "1. [ ] ", "2. [X] ", "- ", "  - ", "* ",
  "| Check | Status |", "|---|---|", "| a | ✅ |", "| | |", "**Bold:**", "**", "Owner:", "Priority: P0", "Priority:", "Evidence:", "Estimated Time: 2h",
  "```", "<!--", "-->", "✅", "⏳", "â€", "âœ…", "‚úÖ", "", "> ", "Approved by:", "(R)", "🔴", "P1:", "[P2]", "(Owner: )", "@", "\t", "\u200f", "\u0000",
  "Sign-off", "- **QA Lead** - ", "| Role | Name | Signature |", "Task 1.1:", "<script>", "javascript:", "...",
];

const document = fc
  .array(fc.tuple(fc.constantFrom(...fragments), fc.oneof(fc.constantFrom("", "x", "Deploy API", "  ", ":"), fc.string({ maxLength: 12 }))), { maxLength: 60 })
  .map((lines) => lines.map(([fragment, tail]) => fragment + tail).join("\n"));

describe("random Markdown", () => {
  it("never throws and never yields an item or sub-item without a title", () => {
    fc.assert(
      fc.property(fc.oneof(document, fc.string({ maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 200 })), (source) => {
        const preview = parseMarkdownPlan(source);
        for (const phase of preview.phases) {
          expect(phase.name.trim()).not.toBe("");
          for (const entry of phase.items) {
            expect(entry.title.trim()).not.toBe("");
            for (const sub of entry.subItems) expect(sub.title.trim()).not.toBe("");
          }
        }
        const items = preview.phases.flatMap((phase) => phase.items);
        expect(preview.counts.items).toBe(items.length);
        expect(preview.counts.subItems).toBe(items.reduce((sum, entry) => sum + entry.subItems.length, 0));
      }),
      { numRuns: 500 },
    );
  });
});
