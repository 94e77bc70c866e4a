import { describe, expect, it } from "vitest";
import { isConnectRetryable, retryPauses } from "@/lib/db-pool";

describe("waiting for a restarting database", () => {
  it("pauses 50 ms, doubling up to 1 s, and ends exactly at the deadline", () => {
    expect(retryPauses(10_000).slice(0, 6)).toEqual([50, 100, 200, 400, 800, 1000]);
    expect(retryPauses(10_000).reduce((sum, pause) => sum + pause, 0)).toBe(10_000);
    expect(retryPauses(300)).toEqual([50, 100, 150]);
    expect(retryPauses(0)).toEqual([]);
  });

  it("retries only a refused connection and a database starting up or shutting down", () => {
    expect(isConnectRetryable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectRetryable({ code: "57P03" })).toBe(true);
    for (const code of ["28P01", "3D000", "57P01", "ETIMEDOUT", undefined]) expect(isConnectRetryable({ code })).toBe(false);
    expect(isConnectRetryable(null)).toBe(false);
  });
});
