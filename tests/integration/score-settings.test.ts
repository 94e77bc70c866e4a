import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { updateScoreSettings } from "@/lib/releases/settings-mutations";
import { countRows, createItem, createPhase, createRelease, createUser } from "../support/factories";

let manager: Viewer;
let approver: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER");
});

async function categories(releaseId: string) {
  return db.readinessCategory.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } });
}

describe("readiness score settings", () => {
  it("renames, reweighs, adds categories and sets the threshold, audited", async () => {
    const release = await createRelease(manager.id);
    const [security] = await categories(release.id);
    await updateScoreSettings(manager, {
      id: release.id,
      version: String(release.version),
      goThreshold: "85",
      categories: [
        { id: security!.id, name: "Security & compliance", weight: "60" },
        { id: "", name: "Performance", weight: "40" },
      ],
    });
    expect((await categories(release.id)).map(({ name, weight }) => [name, weight])).toEqual([["Security & compliance", 60], ["Performance", 40]]);
    const after = await db.release.findUniqueOrThrow({ where: { id: release.id } });
    expect(after).toMatchObject({ goThreshold: 85, version: release.version + 1 });
    expect(await db.auditEvent.count({ where: { releaseId: release.id, action: "release.score_settings_changed" } })).toBe(1);
  });

  it.each([
    ["weights that do not sum to 100", { categories: [{ id: "", name: "A", weight: "60" }, { id: "", name: "B", weight: "30" }] }],
    ["a threshold above 100", { goThreshold: "101" }],
    ["a negative threshold", { goThreshold: "-1" }],
    ["a fractional weight", { categories: [{ id: "", name: "A", weight: "50.5" }, { id: "", name: "B", weight: "49.5" }] }],
    ["two categories with one name", { categories: [{ id: "", name: "A", weight: "50" }, { id: "", name: "a", weight: "50" }] }],
    ["no categories", { categories: [] }],
  ])("refuses %s, changing nothing", async (_label, overrides) => {
    const release = await createRelease(manager.id);
    const before = await countRows();
    const categoriesBefore = await categories(release.id);
    await expect(
      updateScoreSettings(manager, { id: release.id, version: String(release.version), goThreshold: "90", categories: [{ id: "", name: "All", weight: "100" }], ...overrides }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
    expect(await categories(release.id)).toEqual(categoriesBefore);
  });

  it("refuses to remove a category that still has items, approvers, and stale versions", async () => {
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    const [security] = await categories(release.id);
    await createItem(phase, { categoryId: security!.id });
    const input = { id: release.id, version: String(release.version), goThreshold: "90", categories: [{ id: "", name: "Other", weight: "100" }] };
    await expect(updateScoreSettings(manager, input)).rejects.toSatisfy(
      (error: unknown) => error instanceof ValidationError && /“Security” still has 1 item;/.test(error.fieldErrors.categories?.[0] ?? ""),
    );
    await expect(updateScoreSettings(approver, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateScoreSettings(manager, { ...input, version: "99" })).rejects.toBeInstanceOf(StaleVersionError);
    expect((await categories(release.id)).map((category) => category.name)).toEqual(["Security"]);
  });
});
