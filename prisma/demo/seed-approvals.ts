// Records the demo sign-offs as history and the demo decisions through the product's own
// decision mutation. Runs after the demo releases exist (see prisma/seed.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/decisions/mutations";
import type { Viewer } from "@/lib/permissions";
import { demoReleases, type DemoUserKey } from "./plans";
import { demoApprovals } from "./signoffs";

const DAY = 86_400_000;

function startOfTodayUtc() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export async function seedDemoApprovals(
  users: Record<DemoUserKey, string>,
  releaseIds: Map<string, string>,
  profiles: Record<DemoUserKey, { name: string; email: string; role: Viewer["role"] }>,
) {
  for (const [key, approvals] of Object.entries(demoApprovals)) {
    const releaseId = releaseIds.get(key);
    if (!releaseId) throw new Error(`demo approvals name an unknown release: ${key}`);
    const roles = await db.requiredSignoff.findMany({ where: { releaseId }, select: { id: true, roleName: true } });
    const { blockingRevision } = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { blockingRevision: true } });
    for (const signoff of approvals.signoffs) {
      const role = roles.find((candidate) => candidate.roleName === signoff.role);
      if (!role) throw new Error(`demo sign-off for an unknown role: ${key} / ${signoff.role}`);
      const createdAt = new Date(Date.now() - signoff.daysAgo * DAY);
      await db.$transaction(async (tx) => {
        const { id } = await tx.signoff.create({
          data: {
            releaseId,
            requiredSignoffId: role.id,
            signerId: users[signoff.by],
            verdict: signoff.verdict,
            comment: signoff.comment,
            evidenceReviewed: signoff.evidenceReviewed,
            basisRevision: blockingRevision,
            roleVersion: 1,
            idempotencyKey: randomUUID(),
            createdAt,
            conditions: {
              create: (signoff.conditions ?? []).map((condition) => ({
                description: condition.description,
                ownerId: users[condition.owner],
                dueDate: new Date(startOfTodayUtc() + condition.dueInDays * DAY),
              })),
            },
          },
          select: { id: true },
        });
        await tx.auditEvent.create({
          data: {
            releaseId,
            actorId: users[signoff.by],
            action: "signoff.recorded",
            entityType: "signoff",
            entityId: id,
            after: { role: signoff.role, verdict: signoff.verdict, comment: signoff.comment, source: "demo data" },
            createdAt,
          },
        });
      });
    }
    if (approvals.decision) {
      const by = approvals.decision.by;
      const viewer: Viewer = { id: users[by], ...profiles[by] };
      await recordDecision(viewer, {
        releaseId,
        outcome: approvals.decision.outcome,
        rationale: approvals.decision.rationale,
        previousDecisionId: "",
        idempotencyKey: randomUUID(),
      });
    }
    const plan = demoReleases.find((candidate) => candidate.key === key);
    if (plan?.status === "RELEASED") {
      // Released at 10:00 on its target day, when its schedule says the deployment completed.
      const { targetDate } = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: { targetDate: true } });
      await db.release.update({ where: { id: releaseId }, data: { status: "RELEASED", releasedAt: new Date(targetDate.getTime() + 10 * 3_600_000) } });
    }
  }
}
