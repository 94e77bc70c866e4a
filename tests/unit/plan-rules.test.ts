import { describe, expect, it } from "vitest";
import { compareRiskSeverity, isCriticalRisk } from "@/lib/plans/rules";

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

describe("compareRiskSeverity", () => {
  it("puts critical risks first, then higher impact, then higher likelihood", () => {
    const risks = [
      { id: "a", likelihood: "HIGH", impact: "MEDIUM", status: "OPEN" },
      { id: "b", likelihood: "LOW", impact: "HIGH", status: "OPEN" },
      { id: "c", likelihood: "LOW", impact: "CRITICAL", status: "OPEN" },
      { id: "d", likelihood: "HIGH", impact: "CRITICAL", status: "MITIGATED" },
      { id: "e", likelihood: "HIGH", impact: "HIGH", status: "OPEN" },
    ] as const;
    expect([...risks].sort(compareRiskSeverity).map((risk) => risk.id)).toEqual(["c", "e", "d", "b", "a"]);
  });
});
