import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import { archiveRelease, createRelease, updateRelease } from "@/lib/releases/mutations";
import type { Viewer } from "@/lib/permissions";
import { countRows, createRelease as insertRelease, createUser } from "../support/factories";

let manager: Viewer;
let viewer: Viewer;
let approver: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  viewer = await createUser("VIEWER");
  approver = await createUser("APPROVER");
});

const validRelease = { name: "Payments v2", versionName: "v2.0.0", description: "", targetDate: "2030-03-01" };

describe("createRelease", () => {
  it("creates the release with default readiness weights and an audit event", async () => {
    const release = await createRelease(manager, validRelease);
    const saved = await db.release.findUniqueOrThrow({
      where: { id: release.id },
      select: { ownerId: true, targetDate: true, categories: { select: { name: true, weight: true } } },
    });
    expect(saved.ownerId).toBe(manager.id);
    expect(saved.targetDate.toISOString()).toBe("2030-03-01T00:00:00.000Z");
    expect(saved.categories.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    const audit = await db.auditEvent.findMany({ where: { entityId: release.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "release.created", actorId: manager.id });
  });

  it.each([
    ["a viewer", () => viewer],
    ["an approver", () => approver],
  ])("refuses %s and writes nothing", async (_label, who) => {
    const before = await countRows();
    await expect(createRelease(who(), validRelease)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countRows()).toEqual(before);
  });

  it.each([
    ["an empty name", { name: "   " }, "name"],
    ["a name over the limit", { name: "x".repeat(121) }, "name"],
    ["a date that does not parse", { targetDate: "next tuesday" }, "targetDate"],
    ["a date that does not exist", { targetDate: "2030-02-31" }, "targetDate"],
  ])("refuses %s with a message on the field and writes nothing", async (_label, change, field) => {
    const before = await countRows();
    const error = await createRelease(manager, { ...validRelease, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]?.[0]).toBeTruthy();
    expect(await countRows()).toEqual(before);
  });

  it("refuses a forged owner field", async () => {
    const before = await countRows();
    await expect(createRelease(manager, { ...validRelease, ownerId: viewer.id })).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
  });
});

describe("updateRelease", () => {
  const edit = (release: { id: string; version: number }, changes: Record<string, unknown> = {}) => ({
    id: release.id,
    version: String(release.version),
    name: "Renamed",
    versionName: "v1.0.1",
    description: "",
    targetDate: "2030-01-15",
    status: "IN_PROGRESS",
    ownerId: manager.id,
    targetDateReason: "",
    ...changes,
  });

  it("saves the change, bumps the version and records before and after", async () => {
    const release = await insertRelease(manager.id);
    await updateRelease(manager, edit(release));
    const saved = await db.release.findUniqueOrThrow({ where: { id: release.id } });
    expect(saved).toMatchObject({ name: "Renamed", status: "IN_PROGRESS", version: release.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: release.id, action: "release.updated" } });
    expect(audit.before).toMatchObject({ name: release.name, status: "PLANNING" });
    expect(audit.after).toMatchObject({ name: "Renamed", status: "IN_PROGRESS" });
  });

  it("keeps the slip history when the target date moves, and needs a reason", async () => {
    const release = await insertRelease(manager.id);
    await expect(updateRelease(manager, edit(release, { targetDate: "2030-02-01" }))).rejects.toBeInstanceOf(ValidationError);
    await updateRelease(manager, edit(release, { targetDate: "2030-02-01", targetDateReason: "Pen test findings" }));
    const changes = await db.targetDateChange.findMany({ where: { releaseId: release.id } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ reason: "Pen test findings", changedById: manager.id });
  });

  it("refuses an edit based on a stale version and offers the current values", async () => {
    const release = await insertRelease(manager.id);
    await updateRelease(manager, edit(release, { name: "First writer" }));
    const error = await updateRelease(manager, edit(release, { name: "Second writer" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError<{ name: string }>).current.name).toBe("First writer");
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).name).toBe("First writer");
  });

  it("refuses GO as a status: only a recorded decision sets it", async () => {
    const release = await insertRelease(manager.id);
    await expect(updateRelease(manager, edit(release, { status: "GO" }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses a viewer, an unknown id and a viewer as owner, changing nothing", async () => {
    const release = await insertRelease(manager.id);
    const before = await countRows();
    await expect(updateRelease(viewer, edit(release))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateRelease(manager, edit({ id: "nope", version: 1 }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRelease(manager, edit(release, { ownerId: viewer.id }))).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).name).toBe(release.name);
  });
});

describe("archiveRelease", () => {
  it("archives and restores, and refuses edits while archived", async () => {
    const release = await insertRelease(manager.id);
    await archiveRelease(manager, { id: release.id, version: String(release.version) });
    const archived = await db.release.findUniqueOrThrow({ where: { id: release.id } });
    expect(archived.archivedAt).not.toBeNull();
    await archiveRelease(manager, { id: release.id, version: String(archived.version) });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).archivedAt).toBeNull();
  });

  it("refuses a viewer", async () => {
    const release = await insertRelease(manager.id);
    await expect(archiveRelease(viewer, { id: release.id, version: "1" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).archivedAt).toBeNull();
  });
});
