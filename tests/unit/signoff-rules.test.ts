import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyBlockingChange,
  currentSignoffs,
  evaluateRole,
  standingOf,
  type RoleRequirement,
  type SignoffRecord,
} from "@/lib/signoffs/rules";
import { now, roleArb, signoffsArb } from "../support/arbitraries";

const role: RoleRequirement = {
  id: "qa",
  roleName: "QA Lead",
  evidenceToReview: "E2E results",
  requiredApprovals: 1,
  version: 1,
  assignees: [{ id: "ana", name: "Ana" }, { id: "ben", name: "Ben" }],
};

let sequence = 0;
function signoff(signerId: string, overrides: Partial<SignoffRecord> = {}): SignoffRecord {
  sequence += 1;
  return {
    id: `s${sequence}`,
    requiredSignoffId: "qa",
    signerId,
    signerName: signerId,
    verdict: "APPROVED",
    comment: "",
    evidenceReviewed: "",
    supersedesId: null,
    basisRevision: 0,
    roleVersion: 1,
    createdAt: new Date(now.getTime() - 60_000 + sequence),
    conditions: [],
    ...overrides,
  };
}

const condition = (dueDate: Date, resolvedAt: Date | null = null) => ({
  id: "c", description: "Fix the flaky test", ownerId: "ben", ownerName: "Ben", dueDate, resolvedAt,
});

describe("evaluateRole", () => {
  it("waits until enough assigned users approve (N of M)", () => {
    const twoOfTwo = { ...role, requiredApprovals: 2 };
    const first = signoff("ana");
    expect(evaluateRole(twoOfTwo, [first], 0, now)).toMatchObject({ state: "PENDING", approvals: 1, required: 2 });
    expect(evaluateRole(twoOfTwo, [first, signoff("ben")], 0, now)).toMatchObject({ state: "APPROVED", approvals: 2 });
  });

  it("counts only the newest sign-off of each signer", () => {
    const approved = signoff("ana");
    const rejected = signoff("ana", { verdict: "REJECTED", supersedesId: approved.id });
    expect(evaluateRole(role, [approved, rejected], 0, now).state).toBe("REJECTED");
    const again = signoff("ana", { supersedesId: rejected.id });
    expect(evaluateRole(role, [approved, rejected, again], 0, now).state).toBe("APPROVED");
  });

  it("lets one rejection veto the role even when enough others approve", () => {
    const result = evaluateRole(role, [signoff("ana"), signoff("ben", { verdict: "REJECTED" })], 0, now);
    expect(result.state).toBe("REJECTED");
    expect(result.approvals).toBe(1);
  });

  it("treats an open condition past its due date as a rejection, and a met one as approval", () => {
    const yesterday = new Date("2030-05-31T00:00:00Z");
    const today = new Date("2030-06-01T00:00:00Z");
    const dueToday = signoff("ana", { verdict: "CONDITIONAL", conditions: [condition(today)] });
    expect(evaluateRole(role, [dueToday], 0, now).signers[0]!.standing).toBe("conditional");
    const overdue = signoff("ana", { verdict: "CONDITIONAL", conditions: [condition(yesterday)] });
    expect(evaluateRole(role, [overdue], 0, now)).toMatchObject({ state: "REJECTED" });
    expect(evaluateRole(role, [overdue], 0, now).signers[0]!.standing).toBe("overdue");

    const met = signoff("ana", { verdict: "CONDITIONAL", conditions: [condition(yesterday, now)] });
    expect(evaluateRole(role, [met], 0, now).state).toBe("APPROVED");
    const notDue = signoff("ana", { verdict: "CONDITIONAL", conditions: [condition(new Date(now.getTime() + 86_400_000))] });
    expect(evaluateRole(role, [notDue], 0, now).signers[0]!.standing).toBe("conditional");
  });

  it("stops counting an approval once a blocking item changed after it", () => {
    const approval = signoff("ana", { basisRevision: 3 });
    expect(evaluateRole(role, [approval], 3, now).state).toBe("APPROVED");
    const later = evaluateRole(role, [approval], 4, now);
    expect(later.state).toBe("PENDING");
    expect(later.signers[0]!.standing).toBe("stale");
  });

  it("resets sign-offs given against older role requirements", () => {
    const approval = signoff("ana", { roleVersion: 1 });
    const result = evaluateRole({ ...role, version: 2 }, [approval], 0, now);
    expect(result.state).toBe("PENDING");
    expect(result.signers[0]!.standing).toBe("reset");
  });

  it("never counts someone no longer assigned, but lists them", () => {
    const result = evaluateRole(role, [signoff("carl")], 0, now);
    expect(result.state).toBe("PENDING");
    expect(result.unassigned.map((record) => record.signerId)).toEqual(["carl"]);
  });

  it("cannot pass when fewer people are assigned than approvals required", () => {
    const result = evaluateRole({ ...role, requiredApprovals: 3 }, [signoff("ana"), signoff("ben")], 0, now);
    expect(result.state).toBe("PENDING");
  });
});

describe("evaluateRole properties", () => {
  const scenario = fc
    .tuple(roleArb, fc.integer({ min: 0, max: 3 }))
    .chain(([r, revision]) => fc.tuple(fc.constant(r), fc.constant(revision), signoffsArb(r, revision)));

  it("approves exactly when N counted approvals exist and nobody vetoes", () => {
    fc.assert(
      fc.property(scenario, ([r, revision, records]) => {
        const result = evaluateRole(r, records, revision, now);
        const counted = result.signers.filter((signer) => signer.isCounted).length;
        const vetoed = result.signers.some((signer) => signer.isVeto);
        expect(result.approvals).toBe(counted);
        expect(result.state === "APPROVED").toBe(!vetoed && counted >= r.requiredApprovals);
      }),
    );
  });

  it("never counts a stale, reset or unassigned sign-off", () => {
    fc.assert(
      fc.property(scenario, ([r, revision, records]) => {
        const result = evaluateRole(r, records, revision, now);
        for (const signer of result.signers.filter((s) => s.isCounted)) {
          expect(signer.current!.basisRevision).toBe(revision);
          expect(signer.current!.roleVersion).toBe(r.version);
          expect(["APPROVED", "CONDITIONAL"]).toContain(signer.current!.verdict);
        }
        expect(result.signers.every((signer) => r.assignees.some((a) => a.id === signer.userId))).toBe(true);
      }),
    );
  });

  it("a later blocking change can only lower the number of counted approvals", () => {
    fc.assert(
      fc.property(scenario, ([r, revision, records]) => {
        const before = evaluateRole(r, records, revision, now).approvals;
        const after = evaluateRole(r, records, revision + 1, now).approvals;
        expect(after).toBeLessThanOrEqual(before);
        expect(after).toBe(0);
      }),
    );
  });
});

describe("currentSignoffs", () => {
  it("keeps the head of each signer's chain", () => {
    const a1 = signoff("ana");
    const a2 = signoff("ana", { supersedesId: a1.id });
    const b1 = signoff("ben");
    const current = currentSignoffs([a2, b1, a1]);
    expect(current.get("ana")!.id).toBe(a2.id);
    expect(current.get("ben")!.id).toBe(b1.id);
  });
});

describe("standingOf", () => {
  it("puts reset before rejection, rejection before staleness", () => {
    const rejected = signoff("ana", { verdict: "REJECTED", basisRevision: 0, roleVersion: 1 });
    expect(standingOf(rejected, { version: 2 }, 5, now)).toBe("reset");
    expect(standingOf(rejected, { version: 1 }, 5, now)).toBe("rejected");
    expect(standingOf(null, { version: 1 }, 0, now)).toBe("none");
  });
});

describe("classifyBlockingChange", () => {
  const blocking = (status: "TODO" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "WAIVED") => ({ priority: "BLOCKING" as const, status });
  const recommended = (status: "TODO" | "DONE") => ({ priority: "RECOMMENDED" as const, status });

  it("flags a blocking item added, reopened, waived, lowered or deleted", () => {
    expect(classifyBlockingChange(null, blocking("TODO"))).toBe("ADDED");
    expect(classifyBlockingChange(blocking("DONE"), blocking("IN_PROGRESS"))).toBe("REOPENED");
    expect(classifyBlockingChange(blocking("WAIVED"), blocking("TODO"))).toBe("REOPENED");
    expect(classifyBlockingChange(blocking("TODO"), blocking("WAIVED"))).toBe("WAIVED");
    expect(classifyBlockingChange(blocking("DONE"), recommended("DONE"))).toBe("DOWNGRADED");
    expect(classifyBlockingChange(blocking("TODO"), null)).toBe("REMOVED");
    expect(classifyBlockingChange(recommended("TODO"), blocking("TODO"))).toBe("ADDED");
  });

  it("ignores progress on blocking items and any change to other items", () => {
    expect(classifyBlockingChange(blocking("TODO"), blocking("DONE"))).toBeNull();
    expect(classifyBlockingChange(blocking("TODO"), blocking("BLOCKED"))).toBeNull();
    expect(classifyBlockingChange(blocking("WAIVED"), blocking("DONE"))).toBeNull();
    expect(classifyBlockingChange(recommended("DONE"), recommended("TODO"))).toBeNull();
    expect(classifyBlockingChange(null, recommended("TODO"))).toBeNull();
    expect(classifyBlockingChange(null, blocking("DONE"))).toBeNull();
    expect(classifyBlockingChange(recommended("TODO"), null)).toBeNull();
  });
});
