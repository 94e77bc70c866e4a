import { describe, expect, it } from "vitest";
import { isConnectionLost } from "@/lib/db-adapter";

// Which failures a lone read is run again after (lib/db-adapter.ts): only a lost connection,
// never a statement PostgreSQL refused.

const adapterError = (cause: object) => Object.assign(new Error("DriverAdapterError"), { name: "DriverAdapterError", cause });

describe("isConnectionLost", () => {
  it("recognises a connection the database ended or the network reset", () => {
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "57P01" }))).toBe(true);
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "57P02" }))).toBe(true);
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "08006" }))).toBe(true);
    expect(isConnectionLost(adapterError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isConnectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLost(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "23505" }))).toBe(false);
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "57014" }))).toBe(false);
    expect(isConnectionLost(adapterError({ kind: "postgres", code: "080" }))).toBe(false);
    expect(isConnectionLost(adapterError({ kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isConnectionLost(new Error("syntax error at or near \"Connection terminated\""))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
    expect(isConnectionLost("Connection terminated")).toBe(false);
  });
});
