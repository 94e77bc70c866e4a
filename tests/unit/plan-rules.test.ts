import { describe, expect, it } from "vitest";
import { isCriticalRisk } from "@/lib/plans/rules";

describe("isCriticalRisk", () => {
  it("flags open risks with critical impact whatever their likelihood", () => {
    for (const likelihood of ["LOW", "MEDIUM", "HIGH"] as const) {
      expect(isCriticalRisk({ likelihood, impact: "CRITICAL", status: "OPEN" })).toBe(true);
    }
  });
  it("flags open risks that are both high likelihood and high impact", () => {
    expect(isCriticalRisk({ likelihood: "HIGH", impact: "HIGH", status: "OPEN" })).toBe(true);
    expect(isCriticalRisk({ likelihood: "MEDIUM", impact: "HIGH", status: "OPEN" })).toBe(false);
    expect(isCriticalRisk({ likelihood: "HIGH", impact: "MEDIUM", status: "OPEN" })).toBe(false);
  });
  it("never flags a risk that is no longer open", () => {
    for (const status of ["MITIGATED", "ACCEPTED", "CLOSED"] as const) {
      expect(isCriticalRisk({ likelihood: "HIGH", impact: "CRITICAL", status })).toBe(false);
    }
  });
});
