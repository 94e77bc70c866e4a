import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { updateScoreSettingsSchema, updateSignoffPolicySchema } from "@/lib/releases/schemas";

// Per-release readiness settings: the score's weighted categories and GO threshold (F6), and
// the separation-of-duties policy for sign-offs (F8). Both bump the release's version.

async function loadEditableRelease(tx: Tx, id: string, version: number) {
  const release = await tx.release.findUnique({
    where: { id },
    select: { id: true, version: true, archivedAt: true, goThreshold: true, separationOfDuties: true },
  });
  if (!release) throw new NotFoundError("That release does not exist.");
  if (release.archivedAt) throw new ForbiddenError("This release is archived and can no longer be edited.");
  if (release.version !== version) throw new StaleVersionError(release);
  return release;
}

async function bumpVersion(tx: Tx, id: string, version: number, data: { goThreshold?: number; separationOfDuties?: boolean }) {
  const { count } = await tx.release.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new StaleVersionError({});
}

export async function updateScoreSettings(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:edit");
  const { id, version, goThreshold, categories } = parseInput(updateScoreSettingsSchema, raw);
  return db.$transaction(async (tx) => {
    const release = await loadEditableRelease(tx, id, version);
    const existing = await tx.readinessCategory.findMany({
      where: { releaseId: id },
      orderBy: { position: "asc" },
      select: { id: true, name: true, weight: true, _count: { select: { items: true } } },
    });
    const keptIds = new Set(categories.map((category) => category.id).filter(Boolean));
    const unknown = categories.find((category) => category.id && !existing.some((row) => row.id === category.id));
    if (unknown) throw new ValidationError({ categories: ["A category no longer exists; reload the page."] });
    const removed = existing.filter((row) => !keptIds.has(row.id));
    const inUse = removed.find((row) => row._count.items > 0);
    if (inUse) {
      const count = inUse._count.items;
      throw new ValidationError({
        categories: [`“${inUse.name}” still has ${count} ${count === 1 ? "item" : "items"}; move them to another category before removing it.`],
      });
    }
    await bumpVersion(tx, id, version, { goThreshold });
    await tx.readinessCategory.deleteMany({ where: { id: { in: removed.map((row) => row.id) } } });
    // Names are unique per release: park the kept ones on temporary names before renaming.
    for (const category of categories.filter((row) => row.id)) {
      await tx.readinessCategory.update({ where: { id: category.id }, data: { name: `~${category.id}` } });
    }
    for (const [position, category] of categories.entries()) {
      const data = { name: category.name, weight: category.weight, position };
      if (category.id) await tx.readinessCategory.update({ where: { id: category.id }, data });
      else await tx.readinessCategory.create({ data: { ...data, releaseId: id } });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: id,
      action: "release.score_settings_changed",
      entityType: "release",
      entityId: id,
      before: { goThreshold: release.goThreshold, categories: existing.map(({ name, weight }) => ({ name, weight })) },
      after: { goThreshold, categories: categories.map(({ name, weight }) => ({ name, weight })) },
    });
    return { releaseId: id };
  });
}

export async function updateSignoffPolicy(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:edit");
  const { id, version, separationOfDuties, reason } = parseInput(updateSignoffPolicySchema, raw);
  const isOn = separationOfDuties === "on";
  return db.$transaction(async (tx) => {
    const release = await loadEditableRelease(tx, id, version);
    if (release.separationOfDuties === isOn) return { releaseId: id };
    await bumpVersion(tx, id, version, { separationOfDuties: isOn });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: id,
      action: isOn ? "release.separation_of_duties_on" : "release.separation_of_duties_relaxed",
      entityType: "release",
      entityId: id,
      before: { separationOfDuties: release.separationOfDuties },
      after: { separationOfDuties: isOn, reason },
    });
    return { releaseId: id };
  });
}
