import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateReadiness, readinessInputFromItems, type ReadinessItem, type ReadinessItemsInput } from "@/lib/decisions/rules";
import { buildSnapshot, canonicalContent, hashDecision, type DecisionContent } from "@/lib/decisions/record";
import { now, readinessInputArb } from "../support/arbitraries";

const base: ReadinessItemsInput = {
  threshold: 90,
  blockingRevision: 0,
  categories: [{ id: "sec", name: "Security", weight: 100 }],
  items: [],
  roles: [],
  signoffs: [],
  risks: [],
};

const item = (id: string, overrides: Partial<ReadinessItem> = {}): ReadinessItem => ({
  id,
  title: `Item ${id}`,
  status: "DONE",
  priority: "BLOCKING",
  categoryId: "sec",
  dueDate: null,
  waiverExpiresAt: null,
  parentId: null,
  ...overrides,
});

/** The criteria at `now` for a release given item by item. */
const evaluate = (input: ReadinessItemsInput) => evaluateReadiness(readinessInputFromItems(input, now), now);

const qaRole = { id: "qa", roleName: "QA Lead", evidenceToReview: "", requiredApprovals: 1, version: 1, assignees: [{ id: "ana", name: "Ana" }] };

describe("evaluateReadiness", () => {
  it("is ready when every criterion is met", () => {
    const readiness = evaluate({ ...base, items: [item("a"), item("b")] });
    expect(readiness.isReady).toBe(true);
    expect(readiness.leftToGo).toEqual([]);
    expect(readiness.criteria.map((criterion) => criterion.summary)).toEqual([
      "All blocking items closed",
      "No sign-offs are required",
      "Score 100 of 100",
      "No risks recorded",
    ]);
  });

  it("says what is left to reach GO, in plain words", () => {
    const readiness = evaluate(
      {
        ...base,
        items: [item("a", { status: "TODO", title: "Run smoke tests" }), item("b")],
        roles: [qaRole],
        risks: [{ id: "r", title: "Data loss on migration", likelihood: "LOW", impact: "CRITICAL", status: "OPEN" }],
      },
    );
    expect(readiness.isReady).toBe(false);
    expect(readiness.criteria.filter((criterion) => !criterion.isMet).map((criterion) => criterion.key)).toEqual([
      "blocking", "signoffs", "score", "risks",
    ]);
    expect(readiness.leftToGo).toEqual([
      "Close or waive 1 blocking item: “Run smoke tests”",
      "QA Lead: 1 more approval needed (0 of 1)",
      "Raise the readiness score from 50 to 90",
      "Mitigate, accept or close 1 critical risk: “Data loss on migration”",
    ]);
  });

  it("names who must re-confirm a stale approval", () => {
    const readiness = evaluate(
      {
        ...base,
        blockingRevision: 2,
        items: [item("a")],
        roles: [qaRole],
        signoffs: [{
          id: "s1", requiredSignoffId: "qa", signerId: "ana", signerName: "Ana", verdict: "APPROVED", comment: "", evidenceReviewed: "",
          supersedesId: null, basisRevision: 1, roleVersion: 1, createdAt: now, conditions: [],
        }],
      },
    );
    expect(readiness.leftToGo).toEqual(["QA Lead: 1 more approval needed (0 of 1); Ana must re-confirm"]);
  });

  it("shows the waived blocking items that let the criterion pass", () => {
    const waived = item("w", { status: "WAIVED", waiverReason: "Covered by canary", waiverExpiresAt: new Date("2031-01-01T00:00:00Z") });
    const readiness = evaluate({ ...base, items: [item("a"), waived] });
    expect(readiness.criteria[0]).toMatchObject({ isMet: true, summary: "All blocking items closed (1 waived)" });
    expect(readiness.blockingWaived).toEqual([{ id: "w", title: "Item w", reason: "Covered by canary", expiresAt: new Date("2031-01-01T00:00:00Z") }]);
  });

  it("ignores risks that are not open or not critical", () => {
    const readiness = evaluate(
      {
        ...base,
        items: [item("a")],
        risks: [
          { id: "1", title: "x", likelihood: "HIGH", impact: "CRITICAL", status: "MITIGATED" },
          { id: "2", title: "y", likelihood: "MEDIUM", impact: "HIGH", status: "OPEN" },
        ],
      },
    );
    expect(readiness.criteria[3]).toMatchObject({ isMet: true, summary: "No open critical risk" });
  });
});

describe("readiness properties", () => {
  it("is ready exactly when every criterion is met, and then nothing is left to do", () => {
    fc.assert(
      fc.property(readinessInputArb, (input) => {
        const readiness = evaluate(input);
        expect(readiness.isReady).toBe(readiness.criteria.every((criterion) => criterion.isMet));
        expect(readiness.leftToGo.length === 0).toBe(readiness.isReady);
      }),
    );
  });

  it("waiving an open blocking item never makes the blocking criterion pass without the waiver showing", () => {
    fc.assert(
      fc.property(readinessInputArb, fc.nat(), (input, pick) => {
        const before = evaluate(input);
        const open = before.blockingOpen;
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!.id;
        const items = input.items.map((it) =>
          it.id === target ? { ...it, status: "WAIVED" as const, waiverReason: "accepted", waiverExpiresAt: new Date("2031-01-01T00:00:00Z") } : it,
        );
        const after = evaluate({ ...input, items });
        if (after.criteria[0]!.isMet) {
          expect(after.blockingWaived.map((ref) => ref.id)).toContain(target);
          expect(after.criteria[0]!.summary).toMatch(/waived/);
        }
      }),
    );
  });

  it("completing an item never turns a met score criterion into a failing one", () => {
    fc.assert(
      fc.property(readinessInputArb, fc.nat(), (input, pick) => {
        const open = input.items.filter((it) => it.status !== "DONE" && it.status !== "WAIVED");
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!.id;
        const before = evaluate(input);
        const after = evaluate({ ...input, items: input.items.map((it) => (it.id === target ? { ...it, status: "DONE" as const } : it)) });
        if (before.score.meetsThreshold) expect(after.score.meetsThreshold).toBe(true);
        expect(after.blockingOpen.length).toBeLessThanOrEqual(before.blockingOpen.length);
      }),
    );
  });
});

describe("decision record", () => {
  const release = { id: "rel", name: "Checkout", versionName: "v2", targetDate: new Date("2030-06-30T00:00:00Z"), status: "IN_PROGRESS" };
  const content = (overrides: Partial<DecisionContent> = {}): DecisionContent => ({
    releaseId: "rel",
    outcome: "GO",
    rationale: "All green",
    blockingReasons: "",
    remediationPlan: "",
    newTargetDate: null,
    overrideReason: null,
    decidedBy: { id: "u1", name: "Morgan" },
    decidedAt: new Date("2030-06-01T12:00:00.000Z"),
    previousId: null,
    snapshot: buildSnapshot(release, evaluate({ ...base, items: [item("a")] }), now),
    ...overrides,
  });

  it("hashes the canonical content: key order does not matter, every field does", () => {
    const first = content();
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as DecisionContent;
    expect(hashDecision(reordered)).toBe(hashDecision(first));
    expect(hashDecision(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDecision(content({ rationale: "All green." }))).not.toBe(hashDecision(first));
    expect(hashDecision(content({ decidedAt: new Date("2030-06-01T12:00:00.001Z") }))).not.toBe(hashDecision(first));
  });

  it("survives a round trip through JSON, as stored in the database", () => {
    const first = content();
    const stored = { ...first, snapshot: JSON.parse(JSON.stringify(first.snapshot)) };
    expect(hashDecision(stored)).toBe(hashDecision(first));
    expect(canonicalContent(first)).toContain('"newTargetDate":null');
  });
});
