import os from "node:os";
import { describe, expect, it } from "vitest";
import { serverProcessCount } from "../../scripts/server-processes.mjs";

describe("serverProcessCount (WEB_CONCURRENCY)", () => {
  it("takes a whole number of processes from 1 to 64", () => {
    expect(serverProcessCount("1")).toBe(1);
    expect(serverProcessCount("3")).toBe(3);
    expect(serverProcessCount("64")).toBe(64);
  });

  it("defaults to one per core, at most 4", () => {
    const expected = Math.min(os.availableParallelism(), 4);
    expect(serverProcessCount(undefined)).toBe(expected);
    expect(serverProcessCount("")).toBe(expected);
  });

  it("refuses anything else", () => {
    for (const value of ["0", "65", "-2", "1.5", "two", " 2x"]) expect(serverProcessCount(value)).toBeNull();
  });
});
