import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import { createPhase, deletePhase, movePhase, updatePhase } from "@/lib/checklist/phase-mutations";
import { createItem, deleteItem, moveItem, updateItem } from "@/lib/checklist/item-mutations";
import { setItemStatus, waiveItem } from "@/lib/checklist/item-status";
import { addEvidence, addNote, removeEvidence } from "@/lib/checklist/item-records";
import { getChecklist } from "@/lib/checklist/queries";
import type { Viewer } from "@/lib/permissions";
import { countRows, createItem as insertItem, createPhase as insertPhase, createRelease, createUser } from "../support/factories";

let manager: Viewer;
let approver: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER");
  viewer = await createUser("VIEWER");
});

async function setup() {
  const release = await createRelease(manager.id);
  const phase = await insertPhase(release.id);
  return { release, phase };
}

const itemInput = (release: { id: string }, phase: { id: string }, changes: Record<string, unknown> = {}) => ({
  releaseId: release.id,
  phaseId: phase.id,
  title: "Run smoke tests",
  priority: "BLOCKING",
  ...changes,
});

describe("phases", () => {
  it("adds, renames, reorders and deletes phases, each with an audit event", async () => {
    const { release } = await setup();
    const second = await createPhase(manager, { releaseId: release.id, name: "Deployment" });
    expect(second.position).toBe(1);
    await updatePhase(manager, { id: second.id, version: "1", name: "Deployment day", description: "" });
    await movePhase(manager, { id: second.id, direction: "up" });
    const phases = await db.phase.findMany({ where: { releaseId: release.id }, orderBy: { position: "asc" } });
    expect(phases[0]?.name).toBe("Deployment day");
    await deletePhase(manager, { id: second.id, version: String(phases[0]!.version) });
    expect(await db.phase.count({ where: { releaseId: release.id } })).toBe(1);
    const actions = (await db.auditEvent.findMany({ where: { releaseId: release.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["phase.created", "phase.updated", "phase.moved", "phase.deleted"]);
  });

  it("refuses a viewer and an approver, and an empty name, changing nothing", async () => {
    const { release } = await setup();
    const before = await countRows();
    await expect(createPhase(viewer, { releaseId: release.id, name: "X" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPhase(approver, { releaseId: release.id, name: "X" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPhase(manager, { releaseId: release.id, name: "" })).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
  });

  it("refuses a stale rename", async () => {
    const { phase } = await setup();
    await updatePhase(manager, { id: phase.id, version: "1", name: "First", description: "" });
    await expect(updatePhase(manager, { id: phase.id, version: "1", name: "Second", description: "" })).rejects.toBeInstanceOf(StaleVersionError);
  });
});

describe("items", () => {
  it("creates an item and a sub-item, and refuses a sub-item of a sub-item", async () => {
    const { release, phase } = await setup();
    const parent = await createItem(manager, itemInput(release, phase));
    const sub = await createItem(manager, itemInput(release, phase, { title: "Health check", parentId: parent.id, priority: "OPTIONAL" }));
    expect(sub.parentId).toBe(parent.id);
    await expect(createItem(manager, itemInput(release, phase, { parentId: sub.id }))).rejects.toBeInstanceOf(ValidationError);
    const checklist = await getChecklist(release.id, {});
    expect(checklist.progress).toMatchObject({ total: 1, blockingOpen: 1 });
    expect(checklist.phases[0]?.items[0]?.subItemSummary).toEqual({ done: 0, total: 1 });
  });

  it.each([
    ["an empty title", { title: "" }],
    ["a title over 200 characters", { title: "t".repeat(201) }],
    ["an unknown priority", { priority: "URGENT" }],
    ["a due date that does not parse", { dueDate: "31/12/2030" }],
    ["a forged author field", { authorId: "someone" }],
  ])("refuses %s and writes nothing", async (_label, change) => {
    const { release, phase } = await setup();
    const before = await countRows();
    await expect(createItem(manager, itemInput(release, phase, change))).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
  });

  it("refuses a phase, a category or a parent from another release", async () => {
    const { release, phase } = await setup();
    const other = await setup();
    const otherItem = await insertItem(other.phase);
    const otherCategory = await db.readinessCategory.findFirstOrThrow({ where: { releaseId: other.release.id } });
    const before = await countRows();
    await expect(createItem(manager, itemInput(release, other.phase))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createItem(manager, itemInput(release, phase, { categoryId: otherCategory.id }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createItem(manager, itemInput(release, phase, { parentId: otherItem.id }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await countRows()).toEqual(before);
  });

  it("edits with the version read, and refuses a stale edit offering the current values", async () => {
    const { phase } = await setup();
    const item = await insertItem(phase);
    const edit = (title: string) => ({ id: item.id, version: String(item.version), title, priority: "RECOMMENDED" });
    await updateItem(manager, edit("Renamed by Ana"));
    const error = await updateItem(manager, edit("Renamed by Ben")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError<{ title: string }>).current.title).toBe("Renamed by Ana");
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).title).toBe("Renamed by Ana");
  });

  it("reorders items and deletes an item with its sub-items", async () => {
    const { release, phase } = await setup();
    const first = await insertItem(phase, { title: "First" });
    const second = await insertItem(phase, { title: "Second" });
    await insertItem(phase, { title: "Child", parentId: second.id });
    await moveItem(manager, { id: second.id, direction: "up" });
    const order = await db.item.findMany({ where: { phaseId: phase.id, parentId: null }, orderBy: { position: "asc" }, select: { title: true } });
    expect(order.map((i) => i.title)).toEqual(["Second", "First"]);
    const current = await db.item.findUniqueOrThrow({ where: { id: second.id } });
    await deleteItem(manager, { id: second.id, version: String(current.version) });
    expect(await db.item.count({ where: { releaseId: release.id } })).toBe(1);
    expect(first.id).toBeTruthy();
  });

  it("refuses every edit to an archived release", async () => {
    const release = await createRelease(manager.id, { archivedAt: new Date() });
    const phase = await insertPhase(release.id);
    const item = await insertItem(phase);
    await expect(createItem(manager, itemInput(release, phase))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setItemStatus(manager, { id: item.id, version: "1", status: "DONE" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("status, waivers, evidence and notes", () => {
  it("changes status in one step and records who did it", async () => {
    const { phase } = await setup();
    const item = await insertItem(phase);
    await setItemStatus(approver, { id: item.id, version: "1", status: "DONE" });
    const saved = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ status: "DONE", lastChangedById: approver.id, version: 2 });
    expect(saved.completedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id, action: "item.status_changed" } });
    expect(audit).toMatchObject({ actorId: approver.id, before: { status: "TODO" }, after: { status: "DONE" } });
  });

  it("refuses a viewer's status change, a stale one and WAIVED as a plain status", async () => {
    const { phase } = await setup();
    const item = await insertItem(phase);
    const before = await countRows();
    await expect(setItemStatus(viewer, { id: item.id, version: "1", status: "DONE" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setItemStatus(manager, { id: item.id, version: "1", status: "WAIVED" })).rejects.toBeInstanceOf(ValidationError);
    await setItemStatus(manager, { id: item.id, version: "1", status: "IN_PROGRESS" });
    await expect(setItemStatus(manager, { id: item.id, version: "1", status: "DONE" })).rejects.toBeInstanceOf(StaleVersionError);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("IN_PROGRESS");
    expect((await countRows()).audit).toBe(before.audit + 1);
  });

  it("waives with a reason; a blocking item needs an expiry; an approver may not waive", async () => {
    const { phase } = await setup();
    const blocking = await insertItem(phase, { priority: "BLOCKING" });
    const waive = (changes: Record<string, unknown>) => ({ id: blocking.id, version: "1", waiverReason: "Covered by the canary", ...changes });
    await expect(waiveItem(approver, waive({ waiverExpiresAt: "2030-12-31" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(waiveItem(manager, waive({ waiverExpiresAt: "" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(waiveItem(manager, waive({ waiverReason: "", waiverExpiresAt: "2099-12-31" }))).rejects.toBeInstanceOf(ValidationError);
    await waiveItem(manager, waive({ waiverExpiresAt: "2099-12-31" }));
    expect(await db.item.findUniqueOrThrow({ where: { id: blocking.id } })).toMatchObject({ status: "WAIVED", waiverReason: "Covered by the canary" });
  });

  it("adds and removes evidence, bumping the item's version, and adds notes", async () => {
    const { phase } = await setup();
    const item = await insertItem(phase);
    const link = await addEvidence(approver, { itemId: item.id, url: "https://ci.example.com/build/42", label: "Build 42" });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(2);
    await expect(addEvidence(approver, { itemId: item.id, url: "javascript:alert(1)" })).rejects.toBeInstanceOf(ValidationError);
    await expect(addEvidence(viewer, { itemId: item.id, url: "https://x.example.com" })).rejects.toBeInstanceOf(ForbiddenError);
    await removeEvidence(approver, { id: link.id });
    await addNote(approver, { itemId: item.id, body: "Green on staging" });
    await expect(addNote(manager, { itemId: "deleted-item", body: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.evidenceLink.count({ where: { itemId: item.id } })).toBe(0);
    expect(await db.itemNote.count({ where: { itemId: item.id } })).toBe(1);
  });
});

describe("the database itself", () => {
  it("refuses a waived item without a reason and a second level of sub-items", async () => {
    const { phase } = await setup();
    const parent = await insertItem(phase);
    const child = await insertItem(phase, { parentId: parent.id });
    await expect(db.item.update({ where: { id: parent.id }, data: { status: "WAIVED" } })).rejects.toThrow();
    await expect(insertItem(phase, { parentId: child.id })).rejects.toThrow();
  });

  it("refuses to change or delete an audit event", async () => {
    const { release } = await setup();
    await createPhase(manager, { releaseId: release.id, name: "Audited" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { releaseId: release.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});

describe("a large checklist", () => {
  it("lists one page of items with their sub-items, and counts progress over all of them", async () => {
    const release = await createRelease(manager.id);
    const phases = [await insertPhase(release.id, "Build"), await insertPhase(release.id, "Verify"), await insertPhase(release.id, "Empty")];
    const sizes = [150, 70];
    for (const [index, size] of sizes.entries()) {
      await db.item.createMany({
        data: Array.from({ length: size }, (_, position) => ({ releaseId: release.id, phaseId: phases[index]!.id, title: `${phases[index]!.id}-${position}`, position, status: position % 2 === 0 ? ("DONE" as const) : ("TODO" as const) })),
      });
    }
    const verifyFirst = await db.item.findFirstOrThrow({ where: { phaseId: phases[1]!.id, position: 0 } });
    await insertItem(phases[1]!, { title: "Sub-item of the first Verify item", parentId: verifyFirst.id });

    const second = await getChecklist(release.id, {}, 2);
    expect(second.paging).toMatchObject({ page: 2, pageCount: 3, total: 220, offset: 100 });
    expect(second.progress.total).toBe(220);
    const [build, verify, empty] = second.phases;
    expect(build).toMatchObject({ matching: 150, firstPage: 1, firstIndex: 100 });
    expect(build!.items).toHaveLength(50);
    expect(build!.progress.total).toBe(150);
    expect(verify).toMatchObject({ matching: 70, firstPage: 2, firstIndex: 0 });
    expect(verify!.items).toHaveLength(50);
    expect(verify!.items[0]!.subItems.map((item) => item.title)).toEqual(["Sub-item of the first Verify item"]);
    expect(empty).toMatchObject({ matching: 0, firstPage: null, items: [] });

    const filtered = await getChecklist(release.id, { status: "DONE" }, 1);
    expect(filtered.paging).toMatchObject({ pageCount: 2, total: 110 });
    expect(filtered.progress.total).toBe(220);
  });
});
