import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { recordAudit, recordAudits } from "@/lib/audit";
import type { Viewer } from "@/lib/permissions";
import { defaultCategories } from "@/lib/releases/defaults";
import type { CreateReleaseInput } from "@/lib/releases/schemas";
import { countBlueprint, dueDateFor, type Blueprint, type BlueprintSubItem } from "@/lib/templates/blueprint";

// Creates a release with its whole plan inside the caller's transaction: the release and its
// default readiness categories, phases, items, sub-items, evidence links and required sign-off
// roles, with a constant number of statements whatever the plan's size, and the audit events
// that say where the plan came from.

export type PlanSource =
  | { kind: "import"; fileName: string; sha256: string; warnings: number }
  | { kind: "template"; templateId: string; templateName: string };

export async function createReleaseWithPlan(tx: Tx, viewer: Viewer, release: CreateReleaseInput, plan: Blueprint, source: PlanSource) {
  const created = await tx.release.create({
    data: {
      ...release,
      ownerId: viewer.id,
      categories: { create: defaultCategories.map((category, position) => ({ ...category, position })) },
    },
    select: { id: true, name: true, versionName: true, description: true, targetDate: true, status: true, ownerId: true, version: true, categories: { select: { id: true, name: true } } },
  });
  const { categories, ...releaseRow } = created;
  const categoryIds = new Map(categories.map((category) => [category.name.toLowerCase(), category.id]));
  const now = new Date();

  const phases = plan.phases.map((phase, position) => ({ id: randomUUID(), releaseId: created.id, name: phase.name, description: phase.description, position }));
  await tx.phase.createMany({ data: phases });

  const row = (item: BlueprintSubItem, phaseId: string, position: number, parentId: string | null) => ({
    id: randomUUID(),
    releaseId: created.id,
    phaseId,
    parentId,
    title: item.title,
    details: item.details,
    priority: item.priority,
    status: item.status,
    categoryId: item.category ? (categoryIds.get(item.category.toLowerCase()) ?? null) : null,
    ownerRole: item.ownerRole,
    estimateMinutes: item.estimateMinutes,
    dueDate: dueDateFor(release.targetDate, item.dueOffsetDays),
    completedAt: item.status === "DONE" ? now : null,
    waiverReason: item.status === "WAIVED" ? "Marked waived or not applicable in the imported plan." : null,
    lastChangedById: viewer.id,
    position,
  });
  const parents: ReturnType<typeof row>[] = [];
  const children: ReturnType<typeof row>[] = [];
  const evidence: { itemId: string; url: string; label: string; addedById: string }[] = [];
  plan.phases.forEach((phase, phaseIndex) => {
    phase.items.forEach((item, position) => {
      const parent = row(item, phases[phaseIndex]!.id, position, null);
      parents.push(parent);
      for (const link of item.evidence) evidence.push({ itemId: parent.id, ...link, addedById: viewer.id });
      item.subItems.forEach((sub, subPosition) => {
        const child = row(sub, parent.phaseId, subPosition, parent.id);
        children.push(child);
        for (const link of sub.evidence) evidence.push({ itemId: child.id, ...link, addedById: viewer.id });
      });
    });
  });
  if (parents.length > 0) await tx.item.createMany({ data: parents });
  if (children.length > 0) await tx.item.createMany({ data: children });
  if (evidence.length > 0) await tx.evidenceLink.createMany({ data: evidence });
  if (plan.signoffRoles.length > 0) {
    await tx.requiredSignoff.createMany({ data: plan.signoffRoles.map((role, position) => ({ releaseId: created.id, ...role, position })) });
  }

  await recordAudit(tx, { actorId: viewer.id, releaseId: created.id, action: "release.created", entityType: "release", entityId: created.id, after: releaseRow });
  // One event per phase and item, as if each had been added by hand: the history charts replay them.
  const event = (action: string, entityType: string, entityId: string, after: unknown) => ({ actorId: viewer.id, releaseId: created.id, action, entityType, entityId, after });
  await recordAudits(tx, [
    ...phases.map((phase) => event("phase.created", "phase", phase.id, phase)),
    ...[...parents, ...children].map(({ releaseId: _release, lastChangedById: _by, ...item }) => event(item.parentId ? "subitem.created" : "item.created", "item", item.id, item)),
  ]);
  await recordAudit(tx, {
    actorId: viewer.id,
    releaseId: created.id,
    action: source.kind === "import" ? "release.imported" : "release.created_from_template",
    entityType: "release",
    entityId: created.id,
    after: { ...source, ...countBlueprint(plan), phases: plan.phases.map((phase) => phase.name), signoffRoles: plan.signoffRoles.map((role) => role.roleName) },
  });
  return { id: created.id, releaseId: created.id };
}
