import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth";
import { db } from "@/lib/db";
import { ACCOUNT_FAILURES_PER_HOUR, recordSignInFailure, SignInLockedError } from "@/lib/login-limits";
import { createUser, testPassword } from "../support/factories";

// Sign-in limits (F20) on the real PostgreSQL store that every app instance shares.

const wrong = (email: string, address: string) => authenticate({ email, password: "not the password" }, address);

describe("sign-in limits", () => {
  it("block an account and address for 15 minutes after 5 consecutive failures, and only that pair", async () => {
    const user = await createUser("VIEWER", { withPassword: true });
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await wrong(user.email, "10.0.0.1")).toBeNull();
    const locked = authenticate({ email: user.email, password: testPassword }, "10.0.0.1");
    await expect(locked).rejects.toThrow(SignInLockedError);
    await expect(authenticate({ email: user.email, password: testPassword }, "10.0.0.1")).rejects.toThrow(/Try again in 15 minutes/);
    expect(await authenticate({ email: user.email, password: testPassword }, "10.0.0.2")).toMatchObject({ id: user.id });

    // Once the block has run out, the right password works again.
    await db.$executeRaw`UPDATE rate_limits SET expire = 0 WHERE key LIKE ${`login_consecutive:${user.email}|10.0.0.1`}`;
    expect(await authenticate({ email: user.email, password: testPassword }, "10.0.0.1")).toMatchObject({ id: user.id });
  });

  it("start counting again after a success", async () => {
    const user = await createUser("VIEWER", { withPassword: true });
    for (let attempt = 0; attempt < 4; attempt += 1) await wrong(user.email, "10.0.1.1");
    expect(await authenticate({ email: user.email, password: testPassword }, "10.0.1.1")).not.toBeNull();
    for (let attempt = 0; attempt < 4; attempt += 1) await wrong(user.email, "10.0.1.1");
    expect(await authenticate({ email: user.email, password: testPassword }, "10.0.1.1")).not.toBeNull();
  });

  it("treat an unknown account exactly like a known one", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await wrong("nobody-here@example.test", "10.0.2.1")).toBeNull();
    await expect(wrong("nobody-here@example.test", "10.0.2.1")).rejects.toThrow(/Too many failed sign-ins/);
  });

  it(`block an account from every address after ${ACCOUNT_FAILURES_PER_HOUR} failures in an hour`, async () => {
    const user = await createUser("VIEWER", { withPassword: true });
    for (let attempt = 0; attempt < ACCOUNT_FAILURES_PER_HOUR; attempt += 1) await recordSignInFailure(user.email, `10.1.${Math.floor(attempt / 250)}.${attempt % 250}`);
    await expect(authenticate({ email: user.email, password: testPassword }, "192.0.2.99")).rejects.toThrow(SignInLockedError);
    const other = await createUser("VIEWER", { withPassword: true });
    expect(await authenticate({ email: other.email, password: testPassword }, "192.0.2.99")).toMatchObject({ id: other.id });
  });
});
