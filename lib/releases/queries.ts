import "server-only";
import { db } from "@/lib/db";
import { listLatestDecisions, loadReadinessInputs } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";

/**
 * The releases page: each release with its progress, readiness score, sign-offs and latest
 * decision, evaluated by the same rules as the release's own pages, in a fixed number of queries.
 */
export async function listReleases({ includeArchived }: { includeArchived: boolean }) {
  const releases = await db.release.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { targetDate: "asc" }],
    select: {
      id: true,
      name: true,
      versionName: true,
      status: true,
      targetDate: true,
      archivedAt: true,
      owner: { select: { name: true } },
    },
  });
  const ids = releases.map((release) => release.id);
  const [inputs, decisions] = await Promise.all([loadReadinessInputs(db, ids), listLatestDecisions(ids)]);
  const now = new Date();
  return releases.map((release) => {
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
}

export type ReleaseSummary = Awaited<ReturnType<typeof listReleases>>[number];

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
