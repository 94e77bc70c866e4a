import { isPastDueDay } from "@/lib/checklist/rules";
import type { BlockingChangeKind, ItemPriority, ItemStatus, SignoffVerdict } from "@/lib/generated/prisma/enums";

// Sign-off rules (F7 to F9). Pure: plain data in, plain data out.
//
// Each signer's sign-offs for a role form a chain; the newest one is current. A current
// sign-off stops counting when it is *reset* (the role's requirements changed after it) or
// *stale* (a blocking item changed after it). A rejection, or a conditional approval with an
// open condition past its due date, vetoes the role. A role is approved when enough of its
// assigned users have counting approvals (N of M) and nobody vetoes.

export type SignoffCondition = {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: Date;
  resolvedAt: Date | null;
};

export type SignoffRecord = {
  id: string;
  requiredSignoffId: string;
  signerId: string;
  signerName: string;
  verdict: SignoffVerdict;
  comment: string;
  evidenceReviewed: string;
  supersedesId: string | null;
  basisRevision: number;
  roleVersion: number;
  createdAt: Date;
  conditions: SignoffCondition[];
};

export type RoleRequirement = {
  id: string;
  roleName: string;
  evidenceToReview: string;
  requiredApprovals: number;
  version: number;
  assignees: { id: string; name: string }[];
};

/** Where one assigned user stands on a role. */
export type Standing =
  | "none" // has not signed
  | "approved"
  | "conditional" // approved, conditions open but not yet due, or all met
  | "rejected"
  | "overdue" // conditional with an open condition past its due date: counts as a rejection
  | "stale" // approved before a blocking item changed: needs re-confirming
  | "reset"; // given before the role's requirements changed: needs signing again

export type SignerStanding = {
  userId: string;
  name: string;
  standing: Standing;
  current: SignoffRecord | null;
  isCounted: boolean;
  isVeto: boolean;
};

export type RoleState = "APPROVED" | "PENDING" | "REJECTED";

export type RoleEvaluation = {
  role: RoleRequirement;
  state: RoleState;
  approvals: number;
  required: number;
  signers: SignerStanding[];
  /** Current sign-offs of people no longer assigned to the role: shown, never counted. */
  unassigned: SignoffRecord[];
};

/** The newest sign-off of each signer: the one no other sign-off supersedes. */
export function currentSignoffs<T extends Pick<SignoffRecord, "id" | "signerId" | "supersedesId" | "createdAt">>(records: readonly T[]): Map<string, T> {
  const superseded = new Set(records.map((record) => record.supersedesId).filter(Boolean));
  const current = new Map<string, T>();
  for (const record of records) {
    if (superseded.has(record.id)) continue;
    const other = current.get(record.signerId);
    if (!other || other.createdAt.getTime() < record.createdAt.getTime()) current.set(record.signerId, record);
  }
  return current;
}

export function hasOverdueCondition(record: Pick<SignoffRecord, "verdict" | "conditions">, now: Date): boolean {
  return (
    record.verdict === "CONDITIONAL" &&
    record.conditions.some((condition) => !condition.resolvedAt && isPastDueDay(condition.dueDate, now))
  );
}

export function standingOf(record: SignoffRecord | null, role: Pick<RoleRequirement, "version">, blockingRevision: number, now: Date): Standing {
  if (!record) return "none";
  if (record.roleVersion < role.version) return "reset";
  if (record.verdict === "REJECTED") return "rejected";
  if (hasOverdueCondition(record, now)) return "overdue";
  if (record.basisRevision < blockingRevision) return "stale";
  return record.verdict === "CONDITIONAL" ? "conditional" : "approved";
}

const counted: ReadonlySet<Standing> = new Set(["approved", "conditional"]);
const vetoes: ReadonlySet<Standing> = new Set(["rejected", "overdue"]);

export function evaluateRole(
  role: RoleRequirement,
  records: readonly SignoffRecord[],
  blockingRevision: number,
  now: Date,
): RoleEvaluation {
  const current = currentSignoffs(records.filter((record) => record.requiredSignoffId === role.id));
  const assigned = new Set(role.assignees.map((assignee) => assignee.id));
  const signers = role.assignees.map((assignee): SignerStanding => {
    const record = current.get(assignee.id) ?? null;
    const standing = standingOf(record, role, blockingRevision, now);
    return { userId: assignee.id, name: assignee.name, standing, current: record, isCounted: counted.has(standing), isVeto: vetoes.has(standing) };
  });
  const approvals = signers.filter((signer) => signer.isCounted).length;
  const state: RoleState = signers.some((signer) => signer.isVeto)
    ? "REJECTED"
    : approvals >= role.requiredApprovals
      ? "APPROVED"
      : "PENDING";
  return {
    role,
    state,
    approvals,
    required: role.requiredApprovals,
    signers,
    unassigned: [...current.values()].filter((record) => !assigned.has(record.signerId)),
  };
}

export type BlockingSide = { priority: ItemPriority; status: ItemStatus } | null;

const isClosedStatus = (status: ItemStatus) => status === "DONE" || status === "WAIVED";

/**
 * Which change to an item, if any, makes earlier sign-offs stale (F9): a blocking item added
 * (or an open item raised to blocking), reopened, waived, lowered from blocking or removed.
 * `before` is null for a new item, `after` null for a deleted one. Evidence changes are
 * reported by the evidence mutations themselves.
 */
export function classifyBlockingChange(before: BlockingSide, after: BlockingSide): BlockingChangeKind | null {
  const wasBlocking = before?.priority === "BLOCKING";
  const isBlocking = after?.priority === "BLOCKING";
  if (!before) return isBlocking && !isClosedStatus(after!.status) ? "ADDED" : null;
  if (!after) return wasBlocking ? "REMOVED" : null;
  if (wasBlocking && !isBlocking) return "DOWNGRADED";
  if (!wasBlocking && isBlocking) return isClosedStatus(after.status) ? null : "ADDED";
  if (!isBlocking) return null;
  if (after.status === "WAIVED" && before.status !== "WAIVED") return "WAIVED";
  if (isClosedStatus(before.status) && !isClosedStatus(after.status)) return "REOPENED";
  return null;
}

export const blockingChangeLabels: Record<BlockingChangeKind, string> = {
  ADDED: "Blocking item added",
  REOPENED: "Blocking item reopened",
  WAIVED: "Blocking item waived",
  EVIDENCE_CHANGED: "Evidence changed on a blocking item",
  DOWNGRADED: "Item no longer blocking",
  REMOVED: "Blocking item deleted",
};

export const standingLabels: Record<Standing, string> = {
  none: "Not signed",
  approved: "Approved",
  conditional: "Approved with conditions",
  rejected: "Rejected",
  overdue: "Condition overdue: counts as rejected",
  stale: "Stale: blocking items changed since signing",
  reset: "Reset: the role's requirements changed",
};

export const roleStateLabels: Record<RoleState, string> = {
  APPROVED: "Approved",
  PENDING: "Waiting",
  REJECTED: "Rejected",
};
