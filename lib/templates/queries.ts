import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getReleaseReadiness } from "@/lib/decisions/queries";
import { decisionLabels, impactLabels, likelihoodLabels, criterionLevelLabels, releaseStatusLabels, riskStatusLabels } from "@/lib/labels";
import { roleStateLabels, standingLabels } from "@/lib/signoffs/rules";
import { blueprintSchema, countBlueprint } from "@/lib/templates/blueprint";
import type { ExportRelease } from "@/lib/templates/markdown/export";

// Reads for templates (F3) and the Markdown export (F4).

const templateSelect = { id: true, name: true, description: true, builtIn: true, retiredAt: true, version: true, body: true, createdAt: true, createdBy: { select: { name: true } } } as const;

/** Templates with the size of their plan; a damaged body is listed as such, never thrown. */
export async function listTemplates({ includeRetired }: { includeRetired: boolean }) {
  const rows = await db.template.findMany({ where: includeRetired ? {} : { retiredAt: null }, orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { builtIn: "desc" }, { name: "asc" }], select: templateSelect });
  return rows.map(({ body, ...row }) => {
    const parsed = blueprintSchema.safeParse(body);
    return { ...row, counts: parsed.success ? countBlueprint(parsed.data) : null };
  });
}

export async function getTemplate(id: string) {
  const row = await db.template.findUnique({ where: { id }, select: templateSelect });
  if (!row) return null;
  const { body, ...template } = row;
  const parsed = blueprintSchema.safeParse(body);
  return { ...template, plan: parsed.success ? parsed.data : null };
}

const inOrder = () => [{ position: "asc" as const }, { createdAt: "asc" as const }];

/** A release's phases in order, each with its top-level items and their sub-items, as `item` selects them. */
export function phasesWithItems<S extends Prisma.ItemSelect>(item: S) {
  return {
    orderBy: inOrder(),
    select: {
      name: true as const,
      description: true as const,
      items: { where: { parentId: null }, orderBy: inOrder(), select: { ...item, subItems: { orderBy: inOrder(), select: item } } },
    },
  };
}

const itemSelect = {
  title: true,
  status: true,
  priority: true,
  ownerRole: true,
  estimateMinutes: true,
  waiverReason: true,
  details: true,
  category: { select: { name: true } },
  evidence: { orderBy: { createdAt: "asc" }, select: { url: true, label: true } },
} as const;

type ItemRow = { title: string; status: ExportRelease["phases"][number]["items"][number]["status"]; priority: ExportRelease["phases"][number]["items"][number]["priority"]; ownerRole: string; estimateMinutes: number | null; waiverReason: string | null; details: string; category: { name: string } | null; evidence: { url: string; label: string }[] };

const toExportItem = ({ category, ...item }: ItemRow) => ({ ...item, category: category?.name ?? null });

/** Everything the Markdown export shows, in a fixed number of queries. */
export async function getReleaseExport(releaseId: string): Promise<ExportRelease | null> {
  const [release, readiness, risks, criteria, rollback] = await Promise.all([
    db.release.findUnique({
      where: { id: releaseId },
      select: {
        name: true,
        versionName: true,
        targetDate: true,
        status: true,
        description: true,
        phases: phasesWithItems(itemSelect),
      },
    }),
    getReleaseReadiness(releaseId),
    db.risk.findMany({ where: { releaseId }, orderBy: { createdAt: "asc" }, select: { title: true, likelihood: true, impact: true, status: true, mitigation: true } }),
    db.successCriterion.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: { title: true, level: true, isMet: true } }),
    db.rollbackStep.findMany({ where: { plan: { releaseId } }, orderBy: { position: "asc" }, select: { description: true } }),
  ]);
  if (!release || !readiness) return null;
  const decision = readiness.latestDecision;
  return {
    name: release.name,
    versionName: release.versionName,
    targetDate: release.targetDate.toISOString().slice(0, 10),
    statusLabel: releaseStatusLabels[release.status],
    description: release.description,
    score: { display: readiness.readiness.score.display, threshold: readiness.readiness.score.threshold },
    phases: release.phases.map((phase) => ({ ...phase, items: phase.items.map(({ subItems, ...item }) => ({ ...toExportItem(item), subItems: subItems.map(toExportItem) })) })),
    signoffs: readiness.readiness.roles.map((evaluation) => ({
      roleName: evaluation.role.roleName,
      evidenceToReview: evaluation.role.evidenceToReview,
      required: evaluation.required,
      approvals: evaluation.approvals,
      stateLabel: roleStateLabels[evaluation.state],
      signers: evaluation.signers
        .filter((signer) => signer.standing !== "none")
        .map((signer) => `${signer.name}: ${standingLabels[signer.standing].toLowerCase()}${signer.current ? `, ${signer.current.createdAt.toISOString().slice(0, 10)}` : ""}`),
    })),
    decision: decision
      ? { outcomeLabel: `${decisionLabels[decision.outcome]}${decision.overrideReason ? " (override)" : ""}`, decidedBy: decision.decidedBy.name, decidedAt: decision.createdAt.toISOString().slice(0, 10), rationale: decision.rationale }
      : null,
    risks: risks.map((risk) => ({ title: risk.title, likelihood: likelihoodLabels[risk.likelihood], impact: impactLabels[risk.impact], status: riskStatusLabels[risk.status], mitigation: risk.mitigation })),
    successCriteria: criteria.map((criterion) => ({ title: criterion.title, level: criterionLevelLabels[criterion.level], isMet: criterion.isMet })),
    rollbackSteps: rollback.map((step) => step.description),
    exportedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
}
