import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/jobs/queue";

describe("retryDelayMs", () => {
  it("doubles from about 5 seconds, with jitter of a quarter either way, capped at an hour", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(3, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, () => 1)).toBe(25_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(3_600_000);
  });
});
