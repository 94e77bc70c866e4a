import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { ensureBuiltInTemplates } from "@/lib/templates/built-in";
import { releaseToMarkdown } from "@/lib/templates/markdown/export";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";
import { createReleaseFromTemplate, importRelease, previewImport, retireTemplate, saveReleaseAsTemplate, sha256, updateTemplate } from "@/lib/templates/mutations";
import { getReleaseExport, getTemplate } from "@/lib/templates/queries";
import { countRows, createUser } from "../support/factories";

let admin: Viewer;
let manager: Viewer;
let viewer: Viewer;
let approver: Viewer;

beforeAll(async () => {
  admin = await createUser("ADMIN");
  manager = await createUser("RELEASE_MANAGER");
  viewer = await createUser("VIEWER");
  approver = await createUser("APPROVER");
});

const seed = (name: string) => readFileSync(`prisma/demo/seeds/${name}`, "utf8");
const release = { name: "Imported", versionName: "v1", description: "", targetDate: "2030-06-14" };

/** The release as stored, in the shape of a preview, to compare the two. */
async function storedPlan(releaseId: string) {
  const phases = await db.phase.findMany({
    where: { releaseId },
    orderBy: { position: "asc" },
    select: {
      name: true,
      items: {
        where: { parentId: null },
        orderBy: { position: "asc" },
        select: {
          title: true,
          status: true,
          priority: true,
          ownerRole: true,
          estimateMinutes: true,
          details: true,
          dueDate: true,
          category: { select: { name: true } },
          evidence: { select: { url: true } },
          subItems: { orderBy: { position: "asc" }, select: { title: true, status: true, priority: true, dueDate: true } },
        },
      },
    },
  });
  const roles = await db.requiredSignoff.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: { roleName: true, evidenceToReview: true } });
  return { phases, roles };
}

describe("importing a Markdown plan", () => {
  it("creates exactly what the preview showed, with audit events, in one go", async () => {
    const source = seed("000_5dc51aea30026015.txt");
    const { preview, previewHash } = previewImport(manager, { source });
    const created = await importRelease(manager, { ...release, source, fileName: "000.md", previewHash });

    const stored = await storedPlan(created.id);
    expect(stored.phases.map((phase) => phase.name)).toEqual(preview.phases.map((phase) => phase.name));
    expect(
      stored.phases.map((phase) =>
        phase.items.map((item) => ({
          title: item.title,
          status: item.status,
          priority: item.priority,
          ownerRole: item.ownerRole,
          estimateMinutes: item.estimateMinutes,
          details: item.details,
          category: item.category?.name ?? null,
          evidence: item.evidence.map((link) => link.url),
          subItems: item.subItems.map((sub) => ({ title: sub.title, status: sub.status, priority: sub.priority })),
        })),
      ),
    ).toEqual(
      preview.phases.map((phase) =>
        phase.items.map((item) => ({
          title: item.title,
          status: item.status,
          priority: item.priority,
          ownerRole: item.ownerRole,
          estimateMinutes: item.estimateMinutes,
          details: item.details,
          category: item.category,
          evidence: item.evidence.map((link) => link.url),
          subItems: item.subItems.map((sub) => ({ title: sub.title, status: sub.status, priority: sub.priority })),
        })),
      ),
    );
    expect(stored.roles.map((role) => role.roleName)).toEqual(preview.signoffRoles.map((role) => role.roleName));

    const audit = await db.auditEvent.groupBy({ by: ["action"], where: { releaseId: created.id }, _count: true });
    const counts = Object.fromEntries(audit.map((row) => [row.action, row._count]));
    expect(counts).toEqual({ "release.created": 1, "release.imported": 1, "phase.created": preview.counts.phases, "item.created": preview.counts.items, "subitem.created": preview.counts.subItems });
    const imported = await db.auditEvent.findFirstOrThrow({ where: { releaseId: created.id, action: "release.imported" }, select: { actorId: true, after: true } });
    expect(imported.actorId).toBe(manager.id);
    expect(imported.after).toMatchObject({ kind: "import", fileName: "000.md", sha256: previewHash, items: preview.counts.items });
  });

  it("refuses a viewer and an approver, and writes nothing", async () => {
    const source = seed("004_d58e6d67af1a03b0.txt");
    const before = await countRows();
    for (const who of [viewer, approver]) {
      expect(() => previewImport(who, { source })).toThrow(ForbiddenError);
      await expect(importRelease(who, { ...release, source, previewHash: sha256(source) })).rejects.toThrow(ForbiddenError);
    }
    expect(await countRows()).toEqual(before);
  });

  it("refuses text that differs from the previewed one, a plan without items, and one over the item limit", async () => {
    const before = await countRows();
    const source = seed("004_d58e6d67af1a03b0.txt");
    await expect(importRelease(manager, { ...release, source: `${source}\n- [ ] One more`, previewHash: sha256(source) })).rejects.toThrow(ValidationError);
    const empty = "# Notes\n\nNothing to do here.";
    await expect(importRelease(manager, { ...release, source: empty, previewHash: sha256(empty) })).rejects.toThrow(/No checklist items/);
    const huge = ["## All", ...Array.from({ length: 5001 }, (_, index) => `- [ ] Item ${index}`)].join("\n");
    await expect(importRelease(manager, { ...release, source: huge, previewHash: sha256(huge) })).rejects.toThrow(/at most 5,000/);
    await expect(importRelease(manager, { ...release, source, previewHash: sha256(source), ownerId: admin.id })).rejects.toThrow(/does not accept/);
    expect(await countRows()).toEqual(before);
  });

  it("exports a release that imports back to the same phases, items, statuses, priorities and owners", async () => {
    const source = seed("003_7988108bf592b7cf.txt");
    const created = await importRelease(manager, { ...release, source, previewHash: sha256(source) });
    await db.item.updateMany({ where: { releaseId: created.id, title: { contains: "Database" } }, data: { status: "IN_PROGRESS" } });
    const exported = await getReleaseExport(created.id);
    const again = parseMarkdownPlan(releaseToMarkdown(exported!));
    const stored = await storedPlan(created.id);
    const shape = (phases: { name: string; items: { title: string; status: string; priority: string; ownerRole: string; subItems: { title: string; status: string; priority: string }[] }[] }[]) =>
      phases.map((phase) => ({ name: phase.name, items: phase.items.map((item) => [item.title, item.status, item.priority, item.ownerRole, item.subItems.map((sub) => [sub.title, sub.status, sub.priority])]) }));
    expect(shape(again.phases)).toEqual(shape(stored.phases));
    expect(again.signoffRoles.map((role) => role.roleName)).toEqual(stored.roles.map((role) => role.roleName));
  });
});

describe("templates", () => {
  it("adds the built-in templates once", async () => {
    expect(await ensureBuiltInTemplates()).toBe(5);
    expect(await ensureBuiltInTemplates()).toBe(0);
    const names = (await db.template.findMany({ where: { builtIn: true }, orderBy: { name: "asc" }, select: { name: true } })).map((row) => row.name);
    expect(names).toEqual(["Final release action plan", "Go-live procedure", "Launch-preparation week", "Production deployment checklist", "Production readiness checklist"]);
  });

  it("starts a release from a template with due dates placed relative to the new target date", async () => {
    await ensureBuiltInTemplates();
    const template = await db.template.findUniqueOrThrow({ where: { builtInKey: "launch-preparation-week" }, select: { id: true } });
    const created = await createReleaseFromTemplate(manager, { ...release, templateId: template.id });
    const stored = await storedPlan(created.id);
    const dueOf = (phaseName: RegExp) => stored.phases.find((phase) => phaseName.test(phase.name))!.items[0]!.dueDate?.toISOString().slice(0, 10);
    expect(dueOf(/^Day 7/)).toBe("2030-06-14");
    expect(dueOf(/^Day 1:/)).toBe("2030-06-08");
    expect(dueOf(/^Days 4-5/)).toBe("2030-06-12");
    expect(stored.phases.flatMap((phase) => phase.items).every((item) => item.status === "TODO")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { releaseId: created.id, action: "release.created_from_template" }, select: { after: true } });
    expect(audit.after).toMatchObject({ kind: "template", templateId: template.id, templateName: "Launch-preparation week" });
  });

  it("keeps a release as a template and makes the same plan from it", async () => {
    const source = seed("000_5dc51aea30026015.txt");
    const original = await importRelease(manager, { ...release, name: "Original", source, previewHash: sha256(source) });
    await db.item.updateMany({ where: { releaseId: original.id, parentId: null }, data: { dueDate: new Date("2030-06-11T00:00:00Z") } });
    const saved = await saveReleaseAsTemplate(manager, { releaseId: original.id, name: "Our release plan", description: "From Original" });
    const copy = await createReleaseFromTemplate(manager, { ...release, name: "Copy", targetDate: "2031-01-10", templateId: saved.id });
    const [before, after] = [await storedPlan(original.id), await storedPlan(copy.id)];
    const titles = (plan: typeof before) => plan.phases.map((phase) => [phase.name, phase.items.map((item) => [item.title, item.priority, item.ownerRole, item.subItems.map((sub) => sub.title)])]);
    expect(titles(after)).toEqual(titles(before));
    expect(after.roles).toEqual(before.roles);
    const items = after.phases.flatMap((phase) => phase.items);
    expect(items.every((item) => item.status === "TODO" && item.evidence.length === 0)).toBe(true);
    expect(new Set(items.map((item) => item.dueDate?.toISOString().slice(0, 10)))).toEqual(new Set(["2031-01-07"]));
  });

  it("lets admins edit and retire templates, refuses others and stale edits", async () => {
    await ensureBuiltInTemplates();
    const template = (await db.template.findUniqueOrThrow({ where: { builtInKey: "go-live-procedure" }, select: { id: true, version: true } }))!;
    const plan = "# Go-live\n\n## Before\n\n- [ ] Freeze merges (blocking) — Owner: Release Manager\n- [ ] Announce window (optional)\n\n## Sign-offs\n\n| Role | Approvals | What to review |\n| --- | --- | --- |\n| Ops Lead | 2 | Runbook |\n";
    const before = await countRows();
    await expect(updateTemplate(manager, { id: template.id, version: template.version, name: "Go-live", plan })).rejects.toThrow(ForbiddenError);
    await expect(retireTemplate(manager, { id: template.id, version: template.version })).rejects.toThrow(ForbiddenError);
    expect(await countRows()).toEqual(before);

    await updateTemplate(admin, { id: template.id, version: template.version, name: "Go-live (ours)", description: "Edited", plan });
    const edited = await getTemplate(template.id);
    expect(edited!.name).toBe("Go-live (ours)");
    expect(edited!.plan!.phases).toEqual([expect.objectContaining({ name: "Before", items: [expect.objectContaining({ title: "Freeze merges", priority: "BLOCKING", ownerRole: "Release Manager" }), expect.objectContaining({ title: "Announce window", priority: "OPTIONAL" })] })]);
    expect(edited!.plan!.signoffRoles).toEqual([{ roleName: "Ops Lead", evidenceToReview: "Runbook", requiredApprovals: 2 }]);
    await expect(updateTemplate(admin, { id: template.id, version: template.version, name: "Late", plan })).rejects.toThrow(StaleVersionError);

    await retireTemplate(admin, { id: template.id, version: edited!.version });
    await expect(createReleaseFromTemplate(manager, { ...release, templateId: template.id })).rejects.toThrow(/still in use/);
    expect(await ensureBuiltInTemplates()).toBe(0);
  });

  it("refuses a template whose plan cannot be created, and leaves nothing behind", async () => {
    const body = { phases: [{ name: "Only", description: "", items: [{ title: "One", details: "", priority: "BLOCKING", status: "TODO", category: null, ownerRole: "", estimateMinutes: null, dueOffsetDays: null, evidence: [], subItems: [] }] }], signoffRoles: [{ roleName: "QA", evidenceToReview: "", requiredApprovals: 1 }, { roleName: "QA", evidenceToReview: "", requiredApprovals: 1 }] };
    const template = await db.template.create({ data: { name: "Twice the same role", body }, select: { id: true } });
    const before = await countRows();
    await expect(createReleaseFromTemplate(manager, { ...release, templateId: template.id })).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });
});
