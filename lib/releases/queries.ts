import "server-only";
import { db } from "@/lib/db";
import { computeProgress } from "@/lib/checklist/rules";

const progressFields = { status: true, priority: true, dueDate: true, waiverExpiresAt: true, parentId: true } as const;

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
      items: { where: { parentId: null }, select: progressFields },
    },
  });
  const now = new Date();
  return releases.map(({ items, ...release }) => ({ ...release, progress: computeProgress(items, now) }));
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
      ownerId: true,
      owner: { select: { id: true, name: true } },
      categories: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } },
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
