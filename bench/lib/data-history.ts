// The large release's history as rows: every item's status changes over the last days, as
// `item.status_changed` audit events shaped like setItemStatus writes them (so the history
// chart replays them), sign-off chains with their `signoff.recorded` events, and risks.
// The items' stored statuses are where their history ends.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus, RiskImpact, RiskLikelihood, RiskStatus } from "@/lib/generated/prisma/enums";
import { DAY, type People, type Rows } from "./data-plan";
import type { Random } from "./prng";

type Role = { id: string; assigneeIds: string[] };

/** The next status of an item: towards done more often as the release nears its end (`progress` 0 to 1). */
function nextStatus(random: Random, from: ItemStatus, progress: number): ItemStatus {
  const forward = 0.35 + 0.55 * progress;
  switch (from) {
    case "TODO":
      return random.chance(forward) ? random.pick<ItemStatus>(["IN_PROGRESS", "DONE"]) : "BLOCKED";
    case "IN_PROGRESS":
      return random.chance(forward) ? "DONE" : random.pick<ItemStatus>(["BLOCKED", "TODO"]);
    case "BLOCKED":
      return random.chance(0.8) ? "IN_PROGRESS" : "TODO";
    default:
      return random.chance(0.7) ? "IN_PROGRESS" : "TODO";
  }
}

/** `count` moments in the last `days` days before `now`, oldest first. */
function moments(random: Random, count: number, days: number, now: Date): Date[] {
  const start = now.getTime() - days * DAY;
  return Array.from({ length: count }, () => start + Math.floor(random.next() * (days * DAY - 60_000))).sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** Sign-off chains: some signers first reject, then approve, superseding their earlier sign-off. */
function planSignoffs(random: Random, rows: Rows, releaseId: string, roles: Role[], days: number, now: Date): Prisma.AuditEventCreateManyInput[] {
  const events: Prisma.AuditEventCreateManyInput[] = [];
  for (const [index, role] of roles.entries()) {
    for (const signerId of role.assigneeIds) {
      const verdicts = random.chance(0.4) ? (["REJECTED", "APPROVED"] as const) : (["APPROVED"] as const);
      let previous: string | null = null;
      let when = now.getTime() - random.int(5, Math.max(6, days - 1)) * DAY;
      for (const verdict of verdicts) {
        const id = random.id();
        const createdAt = new Date(when);
        const comment = verdict === "APPROVED" ? "Reviewed the evidence; approved." : "Two findings still open; rejected until they are fixed.";
        rows.signoffs.push({ id, releaseId, requiredSignoffId: role.id, signerId, verdict, comment, evidenceReviewed: "Test report", supersedesId: previous, basisRevision: 0, roleVersion: 1, idempotencyKey: `bench-${id}`, createdAt });
        events.push({ releaseId, actorId: signerId, action: "signoff.recorded", entityType: "signoff", entityId: id, after: { role: `role ${index + 1}`, verdict, comment }, createdAt });
        previous = id;
        when += random.int(1, 4) * DAY;
      }
    }
  }
  return events;
}

function planRisks(random: Random, rows: Rows, releaseId: string, people: People, count: number, days: number, now: Date) {
  const events: Prisma.AuditEventCreateManyInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = random.id();
    const createdAt = new Date(now.getTime() - random.int(1, days) * DAY);
    const risk = {
      title: `Risk ${index + 1}: ${random.pick(["capacity", "data loss", "vendor outage", "late dependency", "regression", "compliance gap"])}`,
      likelihood: random.pick<RiskLikelihood>(["LOW", "MEDIUM", "HIGH"]),
      impact: random.pick<RiskImpact>(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
      status: random.pick<RiskStatus>(["OPEN", "OPEN", "MITIGATED", "ACCEPTED", "CLOSED"]),
    };
    rows.risks.push({ id, releaseId, ...risk, mitigation: "Feature flag and staged rollout.", contingency: "Roll back.", ownerId: random.pick([people.managerId, ...people.approverIds]), createdAt });
    events.push({ releaseId, actorId: people.managerId, action: "risk.created", entityType: "risk", entityId: id, after: risk, createdAt });
  }
  return events;
}

/**
 * Sign-offs, risks and `total` audit events for the large release: the sign-off and risk
 * events, and item status changes for the rest. The items' statuses (in `rows.items`) are
 * rewritten to where their simulated history ends; everything starts as to do `days` ago.
 */
export function planLargeHistory(random: Random, rows: Rows, people: People, release: { id: string; itemIds: string[] }, roles: Role[], options: { risks: number; total: number; days: number; now: Date }) {
  const { days, now } = options;
  const other = [...planSignoffs(random, rows, release.id, roles, days, now), ...planRisks(random, rows, release.id, people, options.risks, days, now)];
  const changes = Math.max(0, options.total - other.length);
  const byId = new Map(rows.items.filter((item) => item.releaseId === release.id).map((item) => [item.id!, item]));
  const state = new Map(release.itemIds.map((id) => [id, "TODO" as ItemStatus]));
  const completed = new Map<string, Date>();
  const start = now.getTime() - days * DAY;
  const events: Prisma.AuditEventCreateManyInput[] = [];
  for (const createdAt of moments(random, changes, days, now)) {
    let itemId = random.pick(release.itemIds);
    // Done items are reopened now and then, not at every change.
    for (let retry = 0; retry < 4 && state.get(itemId) === "DONE"; retry += 1) itemId = random.pick(release.itemIds);
    const from = state.get(itemId)!;
    const to = nextStatus(random, from, (createdAt.getTime() - start) / (days * DAY));
    state.set(itemId, to);
    if (to === "DONE") completed.set(itemId, createdAt);
    const item = byId.get(itemId)!;
    const actorId = item.assigneeId ?? people.managerId;
    events.push({ releaseId: release.id, actorId, action: "item.status_changed", entityType: "item", entityId: itemId, before: { status: from, waiverReason: null }, after: { status: to }, createdAt });
  }
  for (const [id, status] of state) {
    const item = byId.get(id)!;
    item.status = status;
    item.completedAt = status === "DONE" ? completed.get(id)! : null;
  }
  const changesPerItem = new Map<string, number>();
  for (const event of events) changesPerItem.set(event.entityId, (changesPerItem.get(event.entityId) ?? 0) + 1);
  for (const [id, item] of byId) item.version = 1 + (changesPerItem.get(id) ?? 0);
  rows.auditEvents.push(...[...other, ...events].sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime()));
}
