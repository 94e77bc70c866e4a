import "server-only";
import { db } from "@/lib/db";
import { getReleaseReadiness } from "@/lib/decisions/queries";
import { ApiError, encodeCursor } from "@/lib/api/http";
import type { ApiItem } from "@/lib/api/schemas";
import type { TokenCaller } from "@/lib/api/tokens";

// Reads for the automation API, shaped as its response schemas (lib/api/schemas.ts). Pages are
// ordered by id and continue after the cursor's id, so a page never repeats or skips a row
// that existed when the first page was read.

const day = (date: Date) => date.toISOString().slice(0, 10);

const releaseSelect = { id: true, name: true, versionName: true, targetDate: true, status: true, archivedAt: true, updatedAt: true } as const;
type ReleaseRow = { id: string; name: string; versionName: string; targetDate: Date; status: string; archivedAt: Date | null; updatedAt: Date };

const toReleaseSummary = (release: ReleaseRow) => ({
  id: release.id,
  name: release.name,
  version: release.versionName,
  targetDate: day(release.targetDate),
  status: release.status,
  archived: release.archivedAt !== null,
  updatedAt: release.updatedAt.toISOString(),
});

function page<T extends { id: string | bigint }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const data = rows.slice(0, limit);
  return { data, nextCursor: hasMore ? encodeCursor(String(data.at(-1)!.id)) : null };
}

export async function listReleasesPage(caller: TokenCaller, cursor: string | null, limit: number) {
  const rows = await db.release.findMany({
    where: { AND: [caller.token.releaseId ? { id: caller.token.releaseId } : {}, cursor ? { id: { gt: cursor } } : {}] },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: releaseSelect,
  });
  const { data, nextCursor } = page(rows, limit);
  return { data: data.map(toReleaseSummary), nextCursor };
}

export async function getReleaseStatus(releaseId: string) {
  const [release, readiness] = await Promise.all([db.release.findUnique({ where: { id: releaseId }, select: releaseSelect }), getReleaseReadiness(releaseId)]);
  if (!release || !readiness) throw new ApiError(404, "Not found", "That release does not exist.");
  const { readiness: state, latestDecision } = readiness;
  return {
    release: toReleaseSummary(release),
    goNoGo: {
      isReady: state.isReady,
      criteria: state.criteria.map(({ key, label, isMet, summary }) => ({ key, label, isMet, summary })),
      leftToGo: state.leftToGo,
      latestDecision: latestDecision
        ? { outcome: latestDecision.outcome, isOverride: latestDecision.overrideReason !== null, decidedBy: latestDecision.decidedBy.name, decidedAt: latestDecision.createdAt.toISOString(), rationale: latestDecision.rationale }
        : null,
    },
    score: {
      value: state.score.display,
      threshold: state.score.threshold,
      categories: state.score.categories.map(({ name, weight, done, applicable, points }) => ({ name, weight, done, applicable, points })),
    },
    progress: state.progress,
    blockingOpen: state.blockingOpen.map(({ id, title }) => ({ id, title })),
    signoffs: state.roles.map((role) => ({ role: role.role.roleName, state: role.state, approvals: role.approvals, required: role.required })),
  };
}

const itemSelect = {
  id: true,
  automationKey: true,
  title: true,
  status: true,
  priority: true,
  phase: { select: { id: true, name: true } },
  parentId: true,
  ownerRole: true,
  dueDate: true,
  isAutomated: true,
  automatedBy: true,
  automatedAt: true,
  overriddenAt: true,
  version: true,
  updatedAt: true,
  evidence: { orderBy: { createdAt: "asc" }, select: { url: true, label: true } },
} as const;

type ItemRow = Awaited<ReturnType<typeof findItemRow>>;

async function findItemRow(releaseId: string, ref: string) {
  return db.item.findFirst({ where: { releaseId, OR: [{ id: ref }, { automationKey: ref }] }, orderBy: { automationKey: { sort: "asc", nulls: "first" } }, select: itemSelect });
}

function toApiItem(item: NonNullable<ItemRow>): ApiItem {
  return {
    id: item.id,
    key: item.automationKey,
    title: item.title,
    status: item.status,
    priority: item.priority,
    phase: item.phase,
    parentId: item.parentId,
    ownerRole: item.ownerRole,
    dueDate: item.dueDate?.toISOString() ?? null,
    isAutomated: item.isAutomated,
    automatedBy: item.automatedBy,
    automatedAt: item.automatedAt?.toISOString() ?? null,
    overriddenAt: item.overriddenAt?.toISOString() ?? null,
    version: item.version,
    evidence: item.evidence,
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** An item of the release by its id or its automation key. */
export async function findItem(releaseId: string, ref: string): Promise<ApiItem> {
  const item = await findItemRow(releaseId, ref);
  if (!item) throw new ApiError(404, "Not found", "No item of this release has that id or key.");
  return toApiItem(item);
}

export async function listItemsPage(releaseId: string, cursor: string | null, limit: number, key: string | null) {
  if (!(await db.release.findUnique({ where: { id: releaseId }, select: { id: true } }))) throw new ApiError(404, "Not found", "That release does not exist.");
  const rows = await db.item.findMany({
    where: { releaseId, ...(key ? { automationKey: key } : {}), ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: itemSelect,
  });
  const { data, nextCursor } = page(rows, limit);
  return { data: data.map(toApiItem), nextCursor };
}

export async function listAuditPage(releaseId: string, cursor: string | null, limit: number) {
  if (!(await db.release.findUnique({ where: { id: releaseId }, select: { id: true } }))) throw new ApiError(404, "Not found", "That release does not exist.");
  if (cursor !== null && !/^\d{1,18}$/.test(cursor)) throw new ApiError(400, "Invalid cursor", "The cursor is not one this API returned.");
  const rows = await db.auditEvent.findMany({
    where: { releaseId, ...(cursor ? { id: { gt: BigInt(cursor) } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, via: true, createdAt: true, actor: { select: { name: true } } },
  });
  const { data, nextCursor } = page(rows, limit);
  return {
    data: data.map((row) => ({ id: String(row.id), action: row.action, entityType: row.entityType, entityId: row.entityId, actor: row.actor?.name ?? null, via: row.via, createdAt: row.createdAt.toISOString(), before: row.before, after: row.after })),
    nextCursor,
  };
}
