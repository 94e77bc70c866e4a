// Sign-offs and decisions of the demo releases, keyed by the demo release `key` in plans.ts.
// Pure data: the seed records the sign-offs as history (given `daysAgo`) and the decisions
// through the real decision mutation, so their snapshots and hashes are the product's own.
import type { DemoUserKey } from "./plans";

export type DemoSignoff = {
  role: string;
  by: DemoUserKey;
  verdict: "APPROVED" | "CONDITIONAL" | "REJECTED";
  comment: string;
  evidenceReviewed: string;
  daysAgo: number;
  /** Due dates count from today; a negative one is already past. */
  conditions?: { description: string; owner: DemoUserKey; dueInDays: number }[];
};

export type DemoDecision = { by: DemoUserKey; outcome: "GO"; rationale: string };

export type DemoApprovals = { signoffs: DemoSignoff[]; decision?: DemoDecision };

export const demoApprovals: Record<string, DemoApprovals> = {
  "epic9-go-live": {
    signoffs: [
      { role: "Engineering Lead", by: "techLead", verdict: "APPROVED", daysAgo: 2, comment: "92 of 92 tests passing, coverage above 95%.", evidenceReviewed: "FINAL-VALIDATION.md" },
      { role: "Security Lead/CISO", by: "security", verdict: "APPROVED", daysAgo: 2, comment: "OWASP Top 10 reviewed; no critical or high findings open.", evidenceReviewed: "OWASP review A01-A10, security score 85/100" },
      { role: "Operations Lead", by: "approver", verdict: "APPROVED", daysAgo: 1, comment: "Runbooks tested, on-call trained, alerts verified.", evidenceReviewed: "Infrastructure validation report" },
      { role: "Product Manager", by: "product", verdict: "APPROVED", daysAgo: 1, comment: "Business approval for go-live in the off-peak window.", evidenceReviewed: "PRODUCTION-SIGN-OFF.md" },
    ],
    decision: { by: "manager", outcome: "GO", rationale: "All criteria met in the go/no-go meeting; blue-green deployment in tomorrow's off-peak window." },
  },
  "obsidian-0146": {
    signoffs: [
      { role: "Development Lead", by: "techLead", verdict: "APPROVED", daysAgo: 16, comment: "182 of 185 tests passing; the 3 skipped are documented.", evidenceReviewed: "Test report, deployment documentation" },
      { role: "QA Lead", by: "qaLead", verdict: "APPROVED", daysAgo: 16, comment: "Critical paths pass; performance within SLA.", evidenceReviewed: "Smoke and performance test results" },
      { role: "DevOps/Infrastructure Lead", by: "approver", verdict: "APPROVED", daysAgo: 15, comment: "Environment ready, monitoring live, rollback rehearsed.", evidenceReviewed: "Rollback rehearsal log" },
      { role: "Release Manager", by: "admin", verdict: "APPROVED", daysAgo: 15, comment: "Sign-offs complete; schedule confirmed with stakeholders.", evidenceReviewed: "Deployment schedule" },
    ],
    decision: { by: "manager", outcome: "GO", rationale: "Ready on schedule: deploy in the 55-minute window on the planned date." },
  },
  "story-portal-launch": {
    signoffs: [
      { role: "Security Officer", by: "security", verdict: "APPROVED", daysAgo: 3, comment: "Critical and high findings resolved; two medium findings accepted with mitigations.", evidenceReviewed: "Final security report" },
      {
        role: "QA Lead",
        by: "qaLead",
        verdict: "CONDITIONAL",
        daysAgo: 5,
        comment: "Load tests meet thresholds except the API search endpoint.",
        evidenceReviewed: "Baseline load test results",
        conditions: [{ description: "Re-run the API load test after the cache fix and attach the results", owner: "approver", dueInDays: -2 }],
      },
    ],
  },
};
