// The plan around each demo release (risks and milestones are in plans.ts): time zone,
// rollback plan, deployment-day schedule, success criteria and, for the released one, its
// incidents and outcome. Drawn from the seed plans' rollback, schedule and success sections.
// Pure data, keyed by the demo release `key`; times of day are in the release's time zone.

type Trigger = { metric: string; comparison: ">" | ">=" | "<" | "<="; threshold: number; unit: string; durationMinutes?: number };
type Step = { description: string; ownerRole: string; minutes: number };
type ScheduleStep = { at: string; minutes: number; title: string; ownerRole: string };

export type DemoPlanExtras = {
  timeZone: string;
  rollback: { targetMinutes: number; decider: string; latestDecisionMinutes: number; rehearsedDaysAgo?: number; triggers: Trigger[]; steps: Step[] };
  /** Track "Rollback rehearsed within the last 30 days" as a blocking item. */
  tracksRehearsal?: boolean;
  /** Deployment-day steps on the target date. */
  schedule: ScheduleStep[];
  criteria: { title: string; level: "MUST" | "SHOULD" | "NICE"; isMet?: boolean }[];
  incidents?: { title: string; severity: "P0" | "P1" | "P2" | "P3"; description: string; hoursAfterRelease: number; resolvedAfterMinutes?: number }[];
  outcome?: { outcome: "SUCCESSFUL" | "SUCCESSFUL_WITH_ISSUES" | "ROLLED_BACK"; note: string };
};

export const demoPlanExtras: Record<string, DemoPlanExtras> = {
  // Seed 001: deployment and rollback runbook, SLOs, must/should/nice success metrics.
  "m9-go-live": {
    timeZone: "America/New_York",
    rollback: {
      targetMinutes: 30,
      decider: "SRE/DevOps lead",
      latestDecisionMinutes: 120,
      triggers: [
        { metric: "P0 incidents", comparison: ">=", threshold: 1, unit: "" },
        { metric: "p95 latency", comparison: ">", threshold: 1000, unit: "ms", durationMinutes: 30 },
        { metric: "Error rate", comparison: ">", threshold: 0.1, unit: "%", durationMinutes: 15 },
      ],
      steps: [
        { description: "Stop traffic to the new version", ownerRole: "SRE", minutes: 1 },
        { description: "Revert to the old version (container rollback)", ownerRole: "SRE", minutes: 5 },
        { description: "Database rollback: restore the snapshot if needed", ownerRole: "DBA", minutes: 30 },
        { description: "Traffic switchover to the old version", ownerRole: "SRE", minutes: 2 },
        { description: "Post-rollback validation", ownerRole: "QA", minutes: 10 },
      ],
    },
    schedule: [
      { at: "09:00", minutes: 2, title: "Stop traffic to the old version (drain connections)", ownerRole: "SRE" },
      { at: "09:02", minutes: 5, title: "Deploy the new version (container pull and start)", ownerRole: "SRE" },
      { at: "09:07", minutes: 5, title: "Database migrations", ownerRole: "DBA" },
      { at: "09:12", minutes: 5, title: "Health checks: all services healthy", ownerRole: "SRE" },
      { at: "09:17", minutes: 10, title: "Smoke tests of the critical paths", ownerRole: "QA" },
      { at: "09:27", minutes: 2, title: "Traffic switchover to the new version", ownerRole: "SRE" },
      { at: "09:29", minutes: 120, title: "Intensive monitoring", ownerRole: "On-call" },
    ],
    criteria: [
      { title: "Production deployment successful (zero rollback)", level: "MUST" },
      { title: "0 P0 issues in the first 7 days", level: "MUST" },
      { title: "SLA targets met (99.9% uptime, p50 latency under 100 ms)", level: "MUST" },
      { title: "Rollback plan validated in Week 1 and ready for use", level: "MUST" },
      { title: "On-call rotation staffed and operational", level: "MUST" },
      { title: "Fewer than 3 P1 issues in the first 7 days", level: "SHOULD" },
      { title: "User feedback positive (NPS above 7)", level: "SHOULD" },
      { title: "Performance optimizations identified for the next iteration", level: "SHOULD" },
      { title: "Zero P2 issues", level: "NICE" },
      { title: "Load test at 5x expected traffic", level: "NICE" },
    ],
  },
  // Seed 000: rollback plan (< 1 hour), performance degradation over 50% as a trigger.
  "raos-940": {
    timeZone: "Europe/Berlin",
    rollback: {
      targetMinutes: 60,
      decider: "Release manager",
      latestDecisionMinutes: 90,
      rehearsedDaysAgo: 12,
      triggers: [
        { metric: "Performance degradation", comparison: ">", threshold: 50, unit: "%", durationMinutes: 10 },
        { metric: "Authentication failures", comparison: ">", threshold: 10, unit: "per minute", durationMinutes: 5 },
        { metric: "Data corruption events", comparison: ">=", threshold: 1, unit: "" },
      ],
      steps: [
        { description: "Stop the application server", ownerRole: "DevOps", minutes: 5 },
        { description: "Restore the previous version's binaries", ownerRole: "DevOps", minutes: 10 },
        { description: "Roll back the database if needed", ownerRole: "DBA", minutes: 20 },
        { description: "Restart services", ownerRole: "DevOps", minutes: 5 },
        { description: "Verify system health", ownerRole: "QA", minutes: 10 },
        { description: "Notify stakeholders", ownerRole: "Release manager", minutes: 5 },
      ],
    },
    tracksRehearsal: true,
    schedule: [
      { at: "10:00", minutes: 15, title: "Final go check with the on-call team", ownerRole: "Release manager" },
      { at: "10:15", minutes: 45, title: "Production deployment of v9.4.0", ownerRole: "DevOps" },
      { at: "11:00", minutes: 30, title: "Verify system health and security controls", ownerRole: "QA" },
      { at: "11:30", minutes: 15, title: "Announce the release", ownerRole: "Release manager" },
    ],
    criteria: [
      { title: "Production deployment completes without rollback", level: "MUST" },
      { title: "No P0 or P1 incident in the first 24 hours", level: "MUST" },
      { title: "Error rate stays under 1% in the first week", level: "SHOULD" },
      { title: "Release notes published the same day", level: "NICE" },
    ],
  },
  // Seed 003: deployment-day timetable 09:00-10:00, rollback under 15 minutes.
  "obsidian-0146": {
    timeZone: "UTC",
    rollback: {
      targetMinutes: 15,
      decider: "DevOps lead",
      latestDecisionMinutes: 480,
      rehearsedDaysAgo: 17,
      triggers: [
        { metric: "Error rate", comparison: ">", threshold: 10, unit: "%", durationMinutes: 5 },
        { metric: "Response time", comparison: ">", threshold: 10, unit: "s", durationMinutes: 5 },
        { metric: "Database connection failures", comparison: ">=", threshold: 1, unit: "" },
      ],
      steps: [
        { description: "Stop the current service (systemctl stop obsidian-ai-agent)", ownerRole: "DevOps", minutes: 1 },
        { description: "Restore the previous version tag", ownerRole: "DevOps", minutes: 3 },
        { description: "Restore the database from backup", ownerRole: "DevOps", minutes: 5 },
        { description: "Clear the cache", ownerRole: "DevOps", minutes: 1 },
        { description: "Start the service", ownerRole: "DevOps", minutes: 2 },
        { description: "Verify the rollback", ownerRole: "QA", minutes: 3 },
      ],
    },
    schedule: [
      { at: "09:00", minutes: 15, title: "Team standup", ownerRole: "PM" },
      { at: "09:15", minutes: 10, title: "Environment final check", ownerRole: "DevOps" },
      { at: "09:30", minutes: 2, title: "Stop the current service", ownerRole: "DevOps" },
      { at: "09:32", minutes: 3, title: "Deploy the new code", ownerRole: "DevOps" },
      { at: "09:35", minutes: 2, title: "Start the new service", ownerRole: "DevOps" },
      { at: "09:37", minutes: 3, title: "Verify health checks", ownerRole: "QA" },
      { at: "09:40", minutes: 10, title: "Run smoke tests", ownerRole: "QA" },
      { at: "09:50", minutes: 5, title: "Verify monitoring", ownerRole: "DevOps" },
      { at: "10:00", minutes: 5, title: "Announce completion", ownerRole: "PM" },
    ],
    criteria: [
      { title: "Deployment within the 55-minute window, downtime under 5 minutes", level: "MUST", isMet: true },
      { title: "All critical path smoke tests pass", level: "MUST", isMet: true },
      { title: "Error rate under 1% in the first 24 hours", level: "MUST", isMet: true },
      { title: "Performance within SLA in the first 7 days", level: "SHOULD", isMet: true },
      { title: "Post-deployment report sent to stakeholders", level: "NICE", isMet: false },
    ],
    incidents: [
      { title: "Slow note search on large vaults", severity: "P2", description: "Search took up to 4 s on vaults over 10,000 notes; index rebuilt.", hoursAfterRelease: 6, resolvedAfterMinutes: 180 },
      { title: "Noisy health-check logs", severity: "P3", description: "Health checks logged at INFO every 5 seconds; lowered to DEBUG.", hoursAfterRelease: 26, resolvedAfterMinutes: 45 },
    ],
    outcome: { outcome: "SUCCESSFUL", note: "Released on schedule; rollback was not needed. Two minor issues fixed in the first two days." },
  },
  // Seed 002: launch week; rollback training on Day 6, load thresholds P95 < 500 ms, errors < 1%.
  "story-portal-launch": {
    timeZone: "America/Chicago",
    rollback: {
      targetMinutes: 20,
      decider: "Operations lead",
      latestDecisionMinutes: 60,
      triggers: [
        { metric: "Error rate", comparison: ">", threshold: 1, unit: "%", durationMinutes: 15 },
        { metric: "p95 latency", comparison: ">", threshold: 500, unit: "ms", durationMinutes: 15 },
      ],
      steps: [
        { description: "Complete platform rollback to the previous release", ownerRole: "Operations", minutes: 8 },
        { description: "Database rollback", ownerRole: "Operations", minutes: 10 },
        { description: "Configuration rollback", ownerRole: "Operations", minutes: 3 },
        { description: "Verify smoke tests after rollback", ownerRole: "QA", minutes: 5 },
      ],
    },
    schedule: [
      { at: "08:00", minutes: 30, title: "Launch readiness check", ownerRole: "Operations" },
      { at: "08:30", minutes: 60, title: "Production deployment", ownerRole: "Operations" },
      { at: "09:30", minutes: 30, title: "Smoke test suite", ownerRole: "QA" },
      { at: "10:00", minutes: 15, title: "Launch announcement", ownerRole: "Product" },
    ],
    criteria: [
      { title: "All Critical/High security findings resolved", level: "MUST" },
      { title: "All load tests meet thresholds (P95 under 500 ms, error rate under 1%)", level: "MUST" },
      { title: "Support and customer success ready", level: "SHOULD" },
      { title: "Health score of 90 or more after launch", level: "NICE" },
    ],
  },
  // Seed 004: 10-minute recovery target, 5-phase rollback, blue-green deployment.
  "epic9-go-live": {
    timeZone: "UTC",
    rollback: {
      targetMinutes: 10,
      decider: "Engineering lead",
      latestDecisionMinutes: 60,
      rehearsedDaysAgo: 5,
      triggers: [
        { metric: "Error rate", comparison: ">", threshold: 5, unit: "%", durationMinutes: 5 },
        { metric: "p95 latency", comparison: ">", threshold: 1000, unit: "ms", durationMinutes: 10 },
        { metric: "PII redaction failures", comparison: ">=", threshold: 1, unit: "" },
      ],
      steps: [
        { description: "Immediate stabilization", ownerRole: "On-call", minutes: 1 },
        { description: "Prepare the rollback", ownerRole: "On-call", minutes: 1 },
        { description: "Execute the rollback (switch blue-green back)", ownerRole: "Engineering", minutes: 2 },
        { description: "Verify the rollback", ownerRole: "QA", minutes: 2 },
      ],
    },
    schedule: [
      { at: "21:00", minutes: 60, title: "H-1 hour: final checks and team on the call", ownerRole: "Operations" },
      { at: "22:00", minutes: 30, title: "Blue-green deployment", ownerRole: "Engineering" },
      { at: "22:30", minutes: 15, title: "Switch traffic and verify health", ownerRole: "Engineering" },
      { at: "22:45", minutes: 60, title: "Intensive monitoring", ownerRole: "On-call" },
    ],
    criteria: [
      { title: "Zero critical incidents in the first 24 hours", level: "MUST" },
      { title: "Success rate above 99% and P95 latency under 1 s", level: "MUST" },
      { title: "MTTR under 10 minutes if a rollback is needed", level: "SHOULD" },
    ],
  },
};

/** A year-end change freeze placed over the planning release's target date, to show the warning. */
export const demoFreezeWindow = { releaseKey: "m9-go-live", name: "Year-end change freeze", reason: "Trading peak and reduced staffing.", startsInDays: -4, lastsDays: 14, timeZone: "America/New_York" };
