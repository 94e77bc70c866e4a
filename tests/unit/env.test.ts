import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgres://app@localhost/app", NEXTAUTH_SECRET: "x".repeat(32) };

describe("configuration", () => {
  it("takes the defaults when only the required variables are set", () => {
    const env = readEnv(base);
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.OIDC_ISSUER).toBeUndefined();
  });

  it("names the bad variable", () => {
    expect(() => readEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres/);
    expect(() => readEnv({ ...base, NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32/);
  });

  it("asks for all three single sign-on settings once one is given", () => {
    expect(() => readEnv({ ...base, OIDC_ISSUER: "https://login.example.com" })).toThrow(
      /OIDC_CLIENT_ID: OIDC_CLIENT_ID is required when OIDC_ISSUER is set[\s\S]*OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET is required/,
    );
    const env = readEnv({ ...base, OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "rr", OIDC_CLIENT_SECRET: "s3cret-value" });
    expect(env.OIDC_CREATE_USERS).toBe(true);
    expect(env.OIDC_NAME).toBe("single sign-on");
  });
});
