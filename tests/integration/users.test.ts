import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/mutations";
import { countRows, createUser as insertUser } from "../support/factories";

let admin: Viewer;
let manager: Viewer;

beforeAll(async () => {
  admin = await insertUser("ADMIN");
  manager = await insertUser("RELEASE_MANAGER");
});

const newUser = (email: string) => ({ email, name: "Quinn QA", role: "APPROVER", password: "correct-horse-battery" });

describe("user administration", () => {
  it("creates a user who can then sign in with an argon2id hash", async () => {
    const user = await createUser(admin, newUser("Quinn@Example.com"));
    expect(user.email).toBe("quinn@example.com");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticate({ email: "quinn@example.com", password: "correct-horse-battery" })).toMatchObject({ id: user.id });
    expect(await authenticate({ email: "quinn@example.com", password: "wrong" })).toBeNull();
    expect(await authenticate({ email: "nobody@example.com", password: "correct-horse-battery" })).toBeNull();
  });

  it("refuses a non-admin, a duplicate e-mail, a short password and a forged role", async () => {
    await createUser(admin, newUser("dup@example.com"));
    const before = await countRows();
    await expect(createUser(manager, newUser("m@example.com"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUser(admin, newUser("dup@example.com"))).rejects.toBeInstanceOf(ValidationError);
    await expect(createUser(admin, { ...newUser("s@example.com"), password: "short" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createUser(admin, { ...newUser("r@example.com"), role: "SUPERUSER" })).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
  });

  it("revokes sessions on a role change, a password reset and disabling", async () => {
    const user = await createUser(admin, newUser("revoke@example.com"));
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const start = await version();
    await updateUser(admin, { id: user.id, name: "Quinn", role: "VIEWER" });
    expect(await version()).toBe(start + 1);
    await resetPassword(admin, { id: user.id, password: "another-long-password" });
    expect(await version()).toBe(start + 2);
    await setUserDisabled(admin, { id: user.id, disabled: "true" });
    expect(await version()).toBe(start + 3);
    expect(await authenticate({ email: "revoke@example.com", password: "another-long-password" })).toBeNull();
    await setUserDisabled(admin, { id: user.id, disabled: "false" });
    expect(await authenticate({ email: "revoke@example.com", password: "another-long-password" })).not.toBeNull();
  });

  it("keeps at least one active admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "VIEWER" } });
    await expect(setUserDisabled(admin, { id: admin.id, disabled: "true" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUser(admin, { id: admin.id, name: "Me", role: "VIEWER" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
