import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PORTFOLIO_PAGE_SIZE, type PortfolioQuery } from "@/lib/releases/schemas";
import { listLatestDecisions, loadReadinessInputs } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";

const sortColumns = {
  target: "targetDate",
  name: "name",
  status: "status",
  updated: "updatedAt",
} as const;

function portfolioWhere(query: PortfolioQuery): Prisma.ReleaseWhereInput {
  return {
    ...(query.archived ? {} : { archivedAt: null }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.owner ? { ownerId: query.owner } : {}),
    ...(query.q
      ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { versionName: { contains: query.q, mode: "insensitive" } }] }
      : {}),
  };
}

/**
 * The releases page (F16): one page of releases matching the query, each with its progress,
 * readiness score, sign-offs and latest decision, evaluated by the same rules as the release's
 * own pages. Filtering, sorting and paging happen in the database; only the page's releases are
 * evaluated, in a fixed number of queries.
 */
export async function listReleases(query: PortfolioQuery) {
  const where = portfolioWhere(query);
  const column = sortColumns[query.sort];
  const [total, releases] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      orderBy: [{ [column]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * PORTFOLIO_PAGE_SIZE,
      take: PORTFOLIO_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        versionName: true,
        status: true,
        targetDate: true,
        archivedAt: true,
        owner: { select: { name: true } },
      },
    }),
  ]);
  const ids = releases.map((release) => release.id);
  const now = new Date();
  const [inputs, decisions] = await Promise.all([loadReadinessInputs(db, ids, now), listLatestDecisions(ids)]);
  const rows = releases.map((release) => {
    const readiness = evaluateReadiness(inputs.get(release.id)!.input, now);
    return {
      ...release,
      progress: readiness.progress,
      score: readiness.score,
      isReady: readiness.isReady,
      signoffs: { approved: readiness.roles.filter((role) => role.state === "APPROVED").length, total: readiness.roles.length },
      latestDecision: decisions.get(release.id) ?? null,
    };
  });
  return { releases: rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PORTFOLIO_PAGE_SIZE)), now };
}

export type ReleaseSummary = Awaited<ReturnType<typeof listReleases>>["releases"][number];

export async function getRelease(id: string) {
  return db.release.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      versionName: true,
      description: true,
      status: true,
      targetDate: true,
      archivedAt: true,
      version: true,
      goThreshold: true,
      separationOfDuties: true,
      ownerId: true,
      owner: { select: { id: true, name: true } },
      categories: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } },
      decisions: { orderBy: { createdAt: "desc" }, take: 1, select: { outcome: true, overrideReason: true } },
      targetDateChanges: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, fromDate: true, toDate: true, reason: true, createdAt: true, changedBy: { select: { name: true } } },
      },
    },
  });
}

export type ReleaseDetail = NonNullable<Awaited<ReturnType<typeof getRelease>>>;

export async function listOwnerCandidates() {
  return db.user.findMany({
    where: { disabledAt: null, role: { in: ["ADMIN", "RELEASE_MANAGER"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function releaseExists(id: string): Promise<boolean> {
  return (await db.release.count({ where: { id } })) > 0;
}
