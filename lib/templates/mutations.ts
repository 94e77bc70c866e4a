import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { blueprintFromPreview, blueprintFromRelease, blueprintSchema, countBlueprint, templateFromPreview, type Blueprint } from "@/lib/templates/blueprint";
import { createReleaseWithPlan } from "@/lib/templates/create";
import { phasesWithItems } from "@/lib/templates/queries";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";
import { ImportLimitError, type ImportPreview } from "@/lib/templates/markdown/types";
import { createFromTemplateSchema, importReleaseSchema, previewImportSchema, retireTemplateSchema, saveAsTemplateSchema, updateTemplateSchema } from "@/lib/templates/schemas";

// Import (F4) and templates (F3). Each write: permission, zod parse, one transaction with its
// audit events. The import re-reads the very text that was previewed (its hash must match), so
// what is created is exactly what the preview showed.

/** A whole plan is written in one transaction; a 5,000-item import needs more than the default 5 s. */
const planTransaction = { timeout: 60_000, maxWait: 10_000 };

/**
 * The fingerprint of a document as the importer reads it: browsers send form text with CRLF line
 * breaks, and the importer reads CR, LF and CRLF alike, so line breaks are normalised first.
 */
export const sha256 = (text: string) => createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("hex");

function readPlan(source: string): ImportPreview {
  try {
    return parseMarkdownPlan(source);
  } catch (error) {
    if (error instanceof ImportLimitError) throw new ValidationError({ source: [error.message] }, error.message);
    throw error;
  }
}

/** The preview of an import, for the page and the command line; saves nothing. */
export function previewImport(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:create");
  const { source } = parseInput(previewImportSchema, raw);
  const preview = readPlan(source);
  return { preview, previewHash: sha256(source) };
}

export async function importRelease(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:create");
  const { source, fileName, previewHash, ...release } = parseInput(importReleaseSchema, raw);
  if (sha256(source) !== previewHash) {
    throw new ValidationError({ source: ["The document changed after it was previewed: preview it again before importing."] }, "The document changed after it was previewed: preview it again before importing.");
  }
  const preview = readPlan(source);
  if (preview.counts.items === 0) {
    throw new ValidationError({ source: ["No checklist items were found in this document, so there is nothing to import."] }, "No checklist items were found in this document, so there is nothing to import.");
  }
  const plan = blueprintFromPreview(preview);
  return db.$transaction(
    (tx) => createReleaseWithPlan(tx, viewer, release, plan, { kind: "import", fileName: fileName || "pasted text", sha256: previewHash, warnings: preview.warnings.length }),
    planTransaction,
  );
}

/** A template's body, checked: a body that does not parse is reported, never half-used. */
export function templateBody(template: { name: string; body: unknown }): Blueprint {
  const parsed = blueprintSchema.safeParse(template.body);
  if (!parsed.success) throw new ValidationError({ templateId: [`The template “${template.name}” is damaged and cannot be used; an admin can fix it on the templates page.`] });
  return parsed.data;
}

export async function createReleaseFromTemplate(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:create");
  const { templateId, ...release } = parseInput(createFromTemplateSchema, raw);
  return db.$transaction(async (tx) => {
    const template = await tx.template.findUnique({ where: { id: templateId }, select: { id: true, name: true, body: true, retiredAt: true } });
    if (!template || template.retiredAt) throw new ValidationError({ templateId: ["Choose a template that is still in use."] }, "Choose a template that is still in use.");
    return createReleaseWithPlan(tx, viewer, release, templateBody(template), { kind: "template", templateId: template.id, templateName: template.name });
  }, planTransaction);
}

async function assertNameFree(name: string, exceptId?: string) {
  const clash = await db.template.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new ValidationError({ name: ["A template with this name exists already; choose another name."] });
}

export async function saveReleaseAsTemplate(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "template:create");
  const { releaseId, name, description } = parseInput(saveAsTemplateSchema, raw);
  await assertNameFree(name);
  return db.$transaction(async (tx) => {
    const itemSelect = { title: true, details: true, priority: true, ownerRole: true, estimateMinutes: true, dueDate: true, category: { select: { name: true } } } as const;
    const release = await tx.release.findUnique({
      where: { id: releaseId },
      select: {
        targetDate: true,
        phases: phasesWithItems(itemSelect),
        requiredSignoffs: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { roleName: true, evidenceToReview: true, requiredApprovals: true } },
      },
    });
    if (!release) throw new NotFoundError("That release does not exist.");
    if (release.phases.length === 0) throw new ValidationError({ form: ["This release has no phases yet, so there is no plan to keep as a template."] });
    const body = blueprintFromRelease(release);
    const template = await tx.template.create({ data: { name, description, body, createdById: viewer.id }, select: { id: true, name: true } });
    await recordAudit(tx, { actorId: viewer.id, releaseId, action: "template.created", entityType: "template", entityId: template.id, after: { name, description, fromReleaseId: releaseId, ...countBlueprint(body) } });
    return { id: template.id, releaseId };
  });
}

/** An admin's edit: name, description, and the plan written as Markdown, read by the importer. */
export async function updateTemplate(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "template:manage");
  const { id, version, name, description, plan } = parseInput(updateTemplateSchema, raw);
  const preview = readPlan(plan);
  if (preview.counts.items === 0) throw new ValidationError({ plan: ["The plan has no checklist items; a template needs at least one."] });
  await assertNameFree(name, id);
  return db.$transaction(async (tx) => {
    const before = await tx.template.findUnique({ where: { id }, select: { id: true, name: true, description: true, body: true, version: true } });
    if (!before) throw new NotFoundError("That template does not exist.");
    if (before.version !== version) throw new StaleVersionError({ name: before.name, description: before.description, version: before.version });
    const body = keepOffsets(templateFromPreview(preview), blueprintSchema.safeParse(before.body).data ?? null);
    const { count } = await tx.template.updateMany({ where: { id, version }, data: { name, description, body, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError({ name: before.name, description: before.description, version: before.version });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "template.updated",
      entityType: "template",
      entityId: id,
      before: { name: before.name, description: before.description, ...(blueprintSchema.safeParse(before.body).data ? countBlueprint(blueprintSchema.parse(before.body)) : {}) },
      after: { name, description, ...countBlueprint(body), warnings: preview.warnings.length },
    });
    return { id, releaseId: null, warnings: preview.warnings };
  });
}

/** Items still in the same phase with the same title keep their due-date offsets across an edit. */
function keepOffsets(next: Blueprint, previous: Blueprint | null): Blueprint {
  if (!previous) return next;
  const offsets = new Map<string, number | null>();
  for (const phase of previous.phases) {
    for (const item of phase.items) {
      offsets.set(`${phase.name}\u0000${item.title}`, item.dueOffsetDays);
      for (const sub of item.subItems) offsets.set(`${phase.name}\u0000${item.title}\u0000${sub.title}`, sub.dueOffsetDays);
    }
  }
  const offset = (key: string, fallback: number | null) => (offsets.has(key) ? offsets.get(key)! : fallback);
  return {
    ...next,
    phases: next.phases.map((phase) => ({
      ...phase,
      items: phase.items.map((item) => ({
        ...item,
        dueOffsetDays: offset(`${phase.name}\u0000${item.title}`, item.dueOffsetDays),
        subItems: item.subItems.map((sub) => ({ ...sub, dueOffsetDays: offset(`${phase.name}\u0000${item.title}\u0000${sub.title}`, sub.dueOffsetDays) })),
      })),
    })),
  };
}

/** Retires a template (no new releases from it) or puts a retired one back in use. */
export async function retireTemplate(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "template:manage");
  const { id, version } = parseInput(retireTemplateSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.template.findUnique({ where: { id }, select: { retiredAt: true, version: true, name: true } });
    if (!before) throw new NotFoundError("That template does not exist.");
    const retiredAt = before.retiredAt ? null : new Date();
    const { count } = await tx.template.updateMany({ where: { id, version }, data: { retiredAt, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError({ name: before.name, version: before.version });
    await recordAudit(tx, { actorId: viewer.id, action: retiredAt ? "template.retired" : "template.restored", entityType: "template", entityId: id, before: { retiredAt: before.retiredAt }, after: { retiredAt } });
    return { id, releaseId: null, retiredAt };
  });
}
