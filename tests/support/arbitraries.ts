import fc from "fast-check";
import type { ReadinessItem, ReadinessItemsInput } from "@/lib/decisions/rules";
import type { ScoreCategory } from "@/lib/releases/score";
import type { RoleRequirement, SignoffRecord } from "@/lib/signoffs/rules";

// fast-check generators of plain release data for the pure rules' property tests.

export const now = new Date("2030-06-01T12:00:00Z");
const future = new Date("2030-07-01T00:00:00Z");
const past = new Date("2030-05-01T00:00:00Z");

export const statusArb = fc.constantFrom("TODO", "IN_PROGRESS", "DONE", "BLOCKED", "WAIVED" as const);
export const priorityArb = fc.constantFrom("BLOCKING", "RECOMMENDED", "OPTIONAL" as const);

export const categoriesArb: fc.Arbitrary<ScoreCategory[]> = fc
  .array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 5 })
  .map((raw) => {
    // Scale arbitrary weights to whole numbers that sum to exactly 100.
    const total = raw.reduce((sum, weight) => sum + weight, 0) || 1;
    const weights = raw.map((weight) => Math.floor((weight * 100) / total));
    weights[0]! += 100 - weights.reduce((sum, weight) => sum + weight, 0);
    return weights.map((weight, index) => ({ id: `c${index}`, name: `Category ${index}`, weight }));
  });

export function itemsArb(categories: readonly ScoreCategory[]): fc.Arbitrary<ReadinessItem[]> {
  return fc.array(
    fc.record({
      status: statusArb,
      priority: priorityArb,
      categoryIndex: fc.integer({ min: -1, max: categories.length - 1 }),
      waiverExpired: fc.boolean(),
      overdue: fc.boolean(),
    }),
    { maxLength: 40 },
  ).map((rows) =>
    rows.map((row, index) => ({
      id: `i${index}`,
      title: `Item ${index}`,
      status: row.status,
      priority: row.priority,
      categoryId: row.categoryIndex < 0 ? null : categories[row.categoryIndex]!.id,
      dueDate: row.overdue ? past : null,
      waiverExpiresAt: row.status === "WAIVED" ? (row.waiverExpired ? past : future) : null,
      waiverReason: row.status === "WAIVED" ? "Accepted for this release" : null,
      parentId: null,
    })),
  );
}

export const roleArb: fc.Arbitrary<RoleRequirement> = fc
  .record({ assignees: fc.integer({ min: 1, max: 4 }), required: fc.integer({ min: 1, max: 4 }), version: fc.integer({ min: 1, max: 3 }) })
  .map(({ assignees, required, version }) => ({
    id: "role",
    roleName: "QA Lead",
    evidenceToReview: "",
    requiredApprovals: Math.min(required, assignees),
    version,
    assignees: Array.from({ length: assignees }, (_, index) => ({ id: `u${index}`, name: `User ${index}` })),
  }));

export function signoffsArb(role: RoleRequirement, blockingRevision: number): fc.Arbitrary<SignoffRecord[]> {
  return fc
    .array(
      fc.record({
        signer: fc.nat({ max: role.assignees.length }),
        verdict: fc.constantFrom("APPROVED", "REJECTED", "CONDITIONAL" as const),
        basisRevision: fc.integer({ min: 0, max: blockingRevision }),
        roleVersion: fc.integer({ min: 1, max: role.version }),
        conditionState: fc.constantFrom("open", "overdue", "met" as const),
      }),
      { maxLength: 8 },
    )
    .map((rows) => {
      const lastBySigner = new Map<string, string>();
      return rows.map((row, index) => {
        const signerId = `u${row.signer}`; // u<length> is a user no longer assigned
        const record: SignoffRecord = {
          id: `s${index}`,
          requiredSignoffId: role.id,
          signerId,
          signerName: `User ${row.signer}`,
          verdict: row.verdict,
          comment: "",
          evidenceReviewed: "",
          supersedesId: lastBySigner.get(signerId) ?? null,
          basisRevision: row.basisRevision,
          roleVersion: row.roleVersion,
          createdAt: new Date(now.getTime() - (rows.length - index) * 60_000),
          conditions:
            row.verdict === "CONDITIONAL"
              ? [{
                  id: `k${index}`,
                  description: "Fix it",
                  ownerId: "u0",
                  ownerName: "User 0",
                  dueDate: row.conditionState === "overdue" ? past : future,
                  resolvedAt: row.conditionState === "met" ? past : null,
                }]
              : [],
        };
        lastBySigner.set(signerId, record.id);
        return record;
      });
    });
}

export const readinessInputArb: fc.Arbitrary<ReadinessItemsInput> = categoriesArb.chain((categories) =>
  fc.record({
    threshold: fc.integer({ min: 0, max: 100 }),
    blockingRevision: fc.integer({ min: 0, max: 3 }),
    categories: fc.constant(categories),
    items: itemsArb(categories),
    role: roleArb,
    risks: fc.array(
      fc.record({
        id: fc.uuid(),
        title: fc.constant("Risk"),
        likelihood: fc.constantFrom("LOW", "MEDIUM", "HIGH" as const),
        impact: fc.constantFrom("LOW", "MEDIUM", "HIGH", "CRITICAL" as const),
        status: fc.constantFrom("OPEN", "MITIGATED", "ACCEPTED", "CLOSED" as const),
      }),
      { maxLength: 4 },
    ),
  }).chain(({ role, ...rest }) =>
    signoffsArb(role, rest.blockingRevision).map((signoffs) => ({ ...rest, roles: [role], signoffs })),
  ),
);
