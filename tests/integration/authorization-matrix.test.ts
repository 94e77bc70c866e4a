import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Viewer } from "@/lib/permissions";
import { createItem } from "@/lib/checklist/item-mutations";
import { markNotificationRead } from "@/lib/notifications/mutations";
import { recordSignoff, resolveCondition } from "@/lib/signoffs/mutations";
import { registry } from "../support/action-registry";
import { databaseChecksum } from "../support/database-checksum";
import { createItem as insertItem, createPhase as insertPhase, createRelease as insertRelease, createRole, createUser, testPassword } from "../support/factories";

// The authorization matrix (F20): every server action, and the API's one mutation of its own,
// with the permission it needs. A test fails when a 'use server' export is missing here. Each
// mutation is then called by every role: the roles the permission table refuses get a
// ForbiddenError and leave every table byte-for-byte as it was (checksums of all tables); the
// roles it allows get past authorization (to input validation, with nothing written). Each
// allowed call succeeding with real input is tested in the domain's own test file. Signed-out
// callers never reach a mutation: every action starts with requireViewer(), and the pages and
// the API turn them away (tests/e2e).

/**
 * Actions whose rule is about whose row it is, not a role: tested below one by one, and the
 * account's own (two-step sign-in, single sign-on links) in tests/integration/account.test.ts.
 */
const ownershipRules = [
  "openNotificationAction",
  "markAllReadAction",
  "resolveConditionAction",
  "signOutEverywhereAction",
  "startTwoStepSetupAction",
  "confirmTwoStepAction",
  "disableTwoStepAction",
  "unlinkIdentityAction",
  "startSsoLinkAction",
];

function serverActionExports(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && /^\s*["']use server["']/.test(readFileSync(full, "utf8"))) files.push(full);
    }
  };
  walk("lib");
  walk("app");
  return files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map(([, name]) => name!));
}

const roles: Role[] = ["VIEWER", "APPROVER", "RELEASE_MANAGER", "ADMIN"];
const people = {} as Record<Role, Viewer>;

beforeAll(async () => {
  for (const role of roles) people[role] = await createUser(role, { withPassword: true });
  // Some rows for the checksum to cover.
  const release = await insertRelease(people.RELEASE_MANAGER.id);
  const phase = await insertPhase(release.id);
  await insertItem(phase);
});

describe("the authorization matrix", () => {
  it("lists every server action", () => {
    const exported = serverActionExports();
    expect(exported.length).toBeGreaterThan(60);
    const missing = exported.filter((name) => !(name in registry) && !ownershipRules.includes(name));
    expect(missing, "server actions missing from the registry").toEqual([]);
    const stale = Object.keys(registry).filter((name) => !name.startsWith("api:") && !exported.includes(name));
    expect(stale, "registry entries with no server action").toEqual([]);
  });

  it.each(Object.entries(registry))("%s: refused roles change nothing; allowed roles get past authorization", async (_name, { mutation, permission }) => {
    for (const role of roles) {
      const before = await databaseChecksum();
      let error: unknown = null;
      try {
        await mutation(people[role], {});
      } catch (caught) {
        error = caught;
      }
      if ([permission].flat().every((needed) => can(people[role], needed))) {
        expect(error, `${role} should get past authorization`).not.toBeInstanceOf(ForbiddenError);
        expect(error, `${role}: an empty input must be refused as invalid`).toBeInstanceOf(ValidationError);
      } else {
        expect(error, `${role} must be refused`).toBeInstanceOf(ForbiddenError);
      }
      expect(await databaseChecksum(), `${role} must leave the database unchanged`).toBe(before);
    }
  });
});

describe("rows that belong to someone, and ids from another release", () => {
  it("a notification can only be opened by the person it is for", async () => {
    const notification = await db.notification.create({
      data: { userId: people.APPROVER.id, kind: "ITEM_ASSIGNED", title: "For the approver", link: "/", dedupeKey: "matrix-test" },
      select: { id: true },
    });
    const before = await databaseChecksum();
    await expect(markNotificationRead(people.ADMIN, { id: notification.id })).rejects.toThrow(NotFoundError);
    expect(await databaseChecksum()).toBe(before);
  });

  it("a condition is met only by its owner or someone who configures sign-offs", async () => {
    const release = await insertRelease(people.RELEASE_MANAGER.id);
    const role = await createRole(release.id, [people.APPROVER]);
    const signoff = await recordSignoff(people.APPROVER, {
      requiredSignoffId: role.id, verdict: "CONDITIONAL", comment: "", evidenceReviewed: "", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID(),
      conditions: [{ description: "Attach the load test", ownerId: people.APPROVER.id, dueDate: "2099-01-01" }],
    });
    const condition = await db.signoffCondition.findFirstOrThrow({ where: { signoffId: signoff.id }, select: { id: true } });
    const other = await createUser("APPROVER");
    const before = await databaseChecksum();
    for (const who of [people.VIEWER, other]) await expect(resolveCondition(who, { conditionId: condition.id, note: "" })).rejects.toThrow(ForbiddenError);
    expect(await databaseChecksum()).toBe(before);
    await resolveCondition(people.APPROVER, { conditionId: condition.id, note: "Attached" });
    expect(await databaseChecksum()).not.toBe(before);
  });

  it("an item cannot be put into another release's phase, or given its category", async () => {
    const mine = await insertRelease(people.RELEASE_MANAGER.id);
    const theirs = await insertRelease(people.RELEASE_MANAGER.id);
    const theirPhase = await insertPhase(theirs.id);
    const myPhase = await insertPhase(mine.id);
    const before = await databaseChecksum();
    const item = { title: "Sneaky", details: "", priority: "RECOMMENDED", ownerRole: "", assigneeId: "", dueDate: "", estimateMinutes: "", parentId: "" };
    await expect(createItem(people.RELEASE_MANAGER, { ...item, releaseId: mine.id, phaseId: theirPhase.id, categoryId: "" })).rejects.toThrow(NotFoundError);
    await expect(createItem(people.RELEASE_MANAGER, { ...item, releaseId: mine.id, phaseId: myPhase.id, categoryId: theirs.categories[0]!.id })).rejects.toThrow(ValidationError);
    expect(await databaseChecksum()).toBe(before);
  });
});
