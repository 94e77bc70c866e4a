// The benchmark data as plain rows, built from a seed without touching a database (see
// bench/lib/data-load.ts for the inserts). Releases, their categories, phases and items; the
// large release's history, sign-offs and risks are in bench/lib/data-history.ts.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus, ReleaseStatus } from "@/lib/generated/prisma/enums";
import { defaultCategories } from "@/lib/releases/defaults";
import type { Random } from "./prng";

export const DAY = 86_400_000;

export type BenchDataOptions = {
  seed: number;
  /** Releases in the portfolio, each with a few phases and items. */
  portfolio: number;
  /** Items of the large release, sub-items included; it is also the largest scaling release. */
  largeItems: number;
  largePhases: number;
  signoffRoles: number;
  risks: number;
  /** Audit events of the large release, spread over `historyDays`. */
  auditEvents: number;
  historyDays: number;
  /** Item counts of the other scaling releases. */
  scalingItems: number[];
  now: Date;
};

export const fullSize: Omit<BenchDataOptions, "now"> = {
  seed: 20261202,
  portfolio: 1_000,
  largeItems: 5_000,
  largePhases: 20,
  signoffRoles: 10,
  risks: 200,
  auditEvents: 50_000,
  historyDays: 60,
  scalingItems: [100, 1_000],
};

export type Rows = {
  releases: Prisma.ReleaseCreateManyInput[];
  categories: Prisma.ReadinessCategoryCreateManyInput[];
  phases: Prisma.PhaseCreateManyInput[];
  items: Prisma.ItemCreateManyInput[];
  evidence: Prisma.EvidenceLinkCreateManyInput[];
  requiredSignoffs: Prisma.RequiredSignoffCreateManyInput[];
  assignees: Prisma.RequiredSignoffAssigneeCreateManyInput[];
  signoffs: Prisma.SignoffCreateManyInput[];
  risks: Prisma.RiskCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

export const emptyRows = (): Rows => ({ releases: [], categories: [], phases: [], items: [], evidence: [], requiredSignoffs: [], assignees: [], signoffs: [], risks: [], auditEvents: [] });

export type People = { managerId: string; approverIds: string[] };

const releaseStatuses: ReleaseStatus[] = ["PLANNING", "PLANNING", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "GO", "NO_GO", "RELEASED", "RELEASED", "ROLLED_BACK", "CANCELLED"];
const nouns = ["Billing", "Checkout", "Search", "Payments", "Identity", "Reporting", "Mobile", "Gateway", "Catalog", "Notifications", "Ledger", "Onboarding"];
const verbs = ["Verify", "Review", "Run", "Document", "Rehearse", "Sign", "Load-test", "Scan", "Back up", "Announce", "Migrate", "Monitor"];
const objects = ["rollback plan", "database migration", "smoke tests", "on-call rota", "security findings", "dashboards", "release notes", "feature flags", "capacity plan", "runbook", "alert thresholds", "support handover"];
const ownerRoles = ["Engineering", "QA", "Security", "Operations", "Product", "Support"];

export type ReleaseSpec = {
  name: string;
  status: ReleaseStatus;
  targetInDays: number;
  items: number;
  phases: number;
  /** Share of the items that are sub-items of another item in their phase. */
  subShare: number;
  /** The status of each item, before any history changes it. */
  status0: (random: Random) => ItemStatus;
};

export type PlannedRelease = { id: string; itemIds: string[]; topItemIds: string[]; categoryIds: string[] };

/** A release with its four weighted categories, phases and items (some with sub-items). */
export function planRelease(random: Random, rows: Rows, people: People, spec: ReleaseSpec, now: Date): PlannedRelease {
  const id = random.id();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const targetMs = today + spec.targetInDays * DAY;
  const createdAt = new Date(Math.min(now.getTime(), targetMs) - random.int(30, 90) * DAY);
  const released = spec.status === "RELEASED" || spec.status === "ROLLED_BACK";
  rows.releases.push({
    id,
    name: spec.name,
    versionName: `v${random.int(1, 12)}.${random.int(0, 30)}.${random.int(0, 9)}`,
    description: `Benchmark release: ${spec.items} items in ${spec.phases} phases.`,
    targetDate: new Date(targetMs),
    status: spec.status,
    ownerId: people.managerId,
    releasedAt: released ? new Date(targetMs + 10 * 3_600_000) : null,
    outcome: spec.status === "RELEASED" ? "SUCCESSFUL" : spec.status === "ROLLED_BACK" ? "ROLLED_BACK" : null,
    createdAt,
  });
  const categoryIds = defaultCategories.map((category, position) => {
    const categoryId = random.id();
    rows.categories.push({ id: categoryId, releaseId: id, name: category.name, weight: category.weight, position });
    return categoryId;
  });
  const phaseIds = Array.from({ length: spec.phases }, (_, position) => {
    const phaseId = random.id();
    rows.phases.push({ id: phaseId, releaseId: id, name: `Phase ${position + 1}: ${random.pick(nouns)}`, position, createdAt });
    return phaseId;
  });
  const subCount = Math.floor(spec.items * spec.subShare);
  const topCount = spec.items - subCount;
  const topItems: Prisma.ItemCreateManyInput[] = [];
  const item = (phaseId: string, position: number, parentId: string | null): Prisma.ItemCreateManyInput => {
    const status = spec.status0(random);
    return {
      id: random.id(),
      releaseId: id,
      phaseId,
      parentId,
      title: `${random.pick(verbs)} the ${random.pick(nouns).toLowerCase()} ${random.pick(objects)} (#${position + 1})`,
      priority: random.chance(0.2) ? "BLOCKING" : random.chance(0.75) ? "RECOMMENDED" : "OPTIONAL",
      categoryId: random.chance(0.9) ? random.pick(categoryIds) : null,
      ownerRole: random.pick(ownerRoles),
      assigneeId: random.chance(0.6) ? random.pick([people.managerId, ...people.approverIds]) : null,
      dueDate: random.chance(0.7) ? new Date(targetMs - random.int(0, 30) * DAY) : null,
      estimateMinutes: random.chance(0.5) ? random.int(1, 16) * 15 : null,
      status,
      completedAt: status === "DONE" ? new Date(Math.min(now.getTime(), targetMs) - random.int(0, 20) * DAY) : null,
      position,
      lastChangedById: people.managerId,
      createdAt,
    };
  };
  for (let index = 0; index < topCount; index += 1) {
    const phase = Math.floor((index * spec.phases) / topCount);
    const position = index - Math.ceil((phase * topCount) / spec.phases);
    topItems.push(item(phaseIds[phase]!, Math.max(0, position), null));
  }
  const subItems = Array.from({ length: subCount }, (_, index) => {
    const parent = topItems[(index * 7) % topItems.length]!;
    return item(parent.phaseId, Math.floor((index * 7) / topItems.length), parent.id!);
  });
  rows.items.push(...topItems, ...subItems);
  for (const done of [...topItems, ...subItems].filter((candidate) => candidate.status === "DONE" && random.chance(0.2))) {
    rows.evidence.push({ id: random.id(), itemId: done.id!, url: `https://ci.example.com/builds/${random.int(1000, 99999)}`, label: "CI run", addedById: people.managerId, createdAt });
  }
  return { id, itemIds: [...topItems, ...subItems].map((row) => row.id!), topItemIds: topItems.map((row) => row.id!), categoryIds };
}

/** Roles that must sign off, each with its assignees. */
export function planRoles(random: Random, rows: Rows, releaseId: string, count: number, assignees: string[], perRole: number) {
  return Array.from({ length: count }, (_, position) => {
    const roleId = random.id();
    rows.requiredSignoffs.push({ id: roleId, releaseId, roleName: `${ownerRoles[position % ownerRoles.length]} lead ${Math.floor(position / ownerRoles.length) + 1}`, evidenceToReview: "Test report and open findings", position, requiredApprovals: 1 });
    const chosen = new Set<string>();
    while (chosen.size < Math.min(perRole, assignees.length)) chosen.add(random.pick(assignees));
    for (const userId of chosen) rows.assignees.push({ requiredSignoffId: roleId, userId });
    return { id: roleId, assigneeIds: [...chosen] };
  });
}

/** The status an item starts with in a release of the given state. */
export function statusMix(status: ReleaseStatus): (random: Random) => ItemStatus {
  const doneShare = status === "PLANNING" ? 0.1 : status === "IN_PROGRESS" || status === "NO_GO" ? 0.55 : 0.95;
  return (random) => (random.chance(doneShare) ? "DONE" : random.pick<ItemStatus>(["TODO", "TODO", "IN_PROGRESS", "BLOCKED"]));
}

/** The portfolio: varied statuses and target dates, a few phases and items each. */
export function planPortfolio(random: Random, rows: Rows, people: People, count: number, now: Date) {
  for (let index = 0; index < count; index += 1) {
    const status = random.pick(releaseStatuses);
    const past = status === "RELEASED" || status === "ROLLED_BACK" || status === "CANCELLED";
    const release = planRelease(random, rows, people, {
      name: `${random.pick(nouns)} ${random.pick(["spring", "summer", "autumn", "winter", "hotfix", "platform"])} release ${index + 1}`,
      status,
      targetInDays: past ? -random.int(1, 365) : random.int(-5, 180),
      items: random.int(3, 8),
      phases: random.int(2, 3),
      subShare: 0,
      status0: statusMix(status),
    }, now);
    planRoles(random, rows, release.id, random.int(1, 2), people.approverIds, 1);
  }
}
