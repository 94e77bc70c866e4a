import "server-only";
import { db, type DbClient } from "@/lib/db";
import { groupBy } from "@/lib/group-by";
import { progressFromTallies } from "@/lib/checklist/rules";
import { tallyItems } from "@/lib/checklist/tallies";
import { evaluateReadiness, type ReadinessInput } from "@/lib/decisions/rules";
import { loadSignoffs, requiredRolesSelect, toRoleRequirement } from "@/lib/signoffs/records";

// Reads for the go/no-go criteria: one fixed set of queries whatever the release's size.

const readinessItemSelect = {
  id: true,
  releaseId: true,
  phaseId: true,
  parentId: true,
  title: true,
  status: true,
  priority: true,
  categoryId: true,
  dueDate: true,
  waiverExpiresAt: true,
  waiverReason: true,
} as const;

/**
 * Everything the criteria need for several releases at `now`, in a fixed number of queries
 * however many releases and items there are: the items are counted in the database, and only
 * the blocking ones not done are read by name. Read through `client` so that a transaction
 * sees its own view.
 */
export async function loadReadinessInputs(client: DbClient, releaseIds: readonly string[], now = new Date()) {
  const ids = [...releaseIds];
  const [releases, signoffs, tallies, blocking, risks] = await Promise.all([
    client.release.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        goThreshold: true,
        blockingRevision: true,
        categories: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } },
        requiredSignoffs: requiredRolesSelect,
      },
    }),
    loadSignoffs(client, ids),
    tallyItems(client, ids, now),
    client.item.findMany({
      where: { releaseId: { in: ids }, parentId: null, priority: "BLOCKING", status: { not: "DONE" } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: readinessItemSelect,
    }),
    client.risk.findMany({
      where: { releaseId: { in: ids } },
      select: { id: true, releaseId: true, title: true, likelihood: true, impact: true, status: true },
    }),
  ]);
  const talliesByRelease = groupBy(tallies, (tally) => tally.releaseId);
  const blockingByRelease = groupBy(blocking, (item) => item.releaseId);
  const risksByRelease = groupBy(risks, (risk) => risk.releaseId);
  return new Map(
    releases.map((release) => {
      const releaseTallies = talliesByRelease.get(release.id) ?? [];
      const { rows: signoffRows, records } = signoffs(release.id);
      const input: ReadinessInput = {
        threshold: release.goThreshold,
        blockingRevision: release.blockingRevision,
        categories: release.categories,
        tallies: releaseTallies,
        blocking: blockingByRelease.get(release.id) ?? [],
        roles: release.requiredSignoffs.map(toRoleRequirement),
        signoffs: records,
        risks: risksByRelease.get(release.id) ?? [],
      };
      return [release.id, { input, tallies: releaseTallies, signoffRows }];
    }),
  );
}

export async function loadReadinessInput(client: DbClient, releaseId: string, now = new Date()) {
  return (await loadReadinessInputs(client, [releaseId], now)).get(releaseId) ?? null;
}

/** The live criteria, score and sign-off states of a release, with progress per phase. */
export async function getReleaseReadiness(releaseId: string) {
  const now = new Date();
  const [loaded, phases, latestDecision] = await Promise.all([
    loadReadinessInput(db, releaseId, now),
    db.phase.findMany({ where: { releaseId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true } }),
    getLatestDecision(releaseId),
  ]);
  if (!loaded) return null;
  const readiness = evaluateReadiness(loaded.input, now);
  const talliesByPhase = groupBy(loaded.tallies, (tally) => tally.phaseId);
  const phaseProgress = phases.map((phase) => ({ ...phase, progress: progressFromTallies(talliesByPhase.get(phase.id) ?? []) }));
  return { readiness, phaseProgress, latestDecision, blockingRevision: loaded.input.blockingRevision, input: loaded.input, now };
}

export type ReleaseReadiness = NonNullable<Awaited<ReturnType<typeof getReleaseReadiness>>>;

const decisionSummarySelect = {
  id: true,
  outcome: true,
  rationale: true,
  overrideReason: true,
  newTargetDate: true,
  contentHash: true,
  createdAt: true,
  decidedBy: { select: { name: true } },
} as const;

export async function getLatestDecision(releaseId: string) {
  return db.decision.findFirst({ where: { releaseId }, orderBy: { createdAt: "desc" }, select: decisionSummarySelect });
}

/** The newest decision of each release, keyed by release. */
export async function listLatestDecisions(releaseIds: readonly string[]) {
  const rows = await db.decision.findMany({
    where: { releaseId: { in: [...releaseIds] } },
    orderBy: { createdAt: "desc" },
    distinct: ["releaseId"],
    select: { ...decisionSummarySelect, releaseId: true },
  });
  return new Map(rows.map((row) => [row.releaseId, row]));
}

export async function listDecisions(releaseId: string) {
  return db.decision.findMany({ where: { releaseId }, orderBy: { createdAt: "desc" }, select: decisionSummarySelect });
}

export type DecisionSummary = Awaited<ReturnType<typeof listDecisions>>[number];

/** One decision with everything its record shows and hashes. */
export async function getDecision(releaseId: string, decisionId: string) {
  return db.decision.findFirst({
    where: { id: decisionId, releaseId },
    select: {
      id: true,
      releaseId: true,
      outcome: true,
      rationale: true,
      blockingReasons: true,
      remediationPlan: true,
      newTargetDate: true,
      overrideReason: true,
      snapshot: true,
      contentHash: true,
      previousId: true,
      createdAt: true,
      decidedBy: { select: { id: true, name: true } },
    },
  });
}

export type DecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;
