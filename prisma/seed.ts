// Loads the demo data (prisma/demo/plans.ts) into an empty database: one user per role
// and the releases drawn from the seed plans. Does nothing when any user exists.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/password";
import { defaultCategories } from "@/lib/releases/defaults";
import { demoReleases, type DemoItem, type DemoUserKey } from "./demo/plans";
import { seedDemoApprovals } from "./demo/seed-approvals";
import { seedDemoAftermath, seedDemoPlans } from "./demo/seed-plans";

export const demoPassword = "ready-for-release";

export const demoUsers: Record<DemoUserKey, { email: string; name: string; role: "ADMIN" | "RELEASE_MANAGER" | "APPROVER" | "VIEWER" }> = {
  admin: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  manager: { email: "manager@example.com", name: "Morgan Manager", role: "RELEASE_MANAGER" },
  approver: { email: "approver@example.com", name: "Avery Approver", role: "APPROVER" },
  viewer: { email: "viewer@example.com", name: "Vic Viewer", role: "VIEWER" },
  techLead: { email: "tech.lead@example.com", name: "Taylor Tech Lead", role: "APPROVER" },
  qaLead: { email: "qa.lead@example.com", name: "Quinn QA Lead", role: "APPROVER" },
  security: { email: "security@example.com", name: "Sasha Security", role: "APPROVER" },
  product: { email: "product@example.com", name: "Parker Product", role: "APPROVER" },
};

const DAY = 86_400_000;

function startOfTodayUtc() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export async function seedDemo(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  const users = {} as Record<DemoUserKey, string>;
  const releaseIds = new Map<string, string>();
  await db.$transaction(
    async (tx) => {
      for (const [key, user] of Object.entries(demoUsers) as [DemoUserKey, (typeof demoUsers)[DemoUserKey]][]) {
        users[key] = (await tx.user.create({ data: { ...user, passwordHash, isDemo: true }, select: { id: true } })).id;
      }
      const today = startOfTodayUtc();
      for (const plan of demoReleases) {
        const targetMs = today + plan.targetInDays * DAY;
        const release = await tx.release.create({
          data: {
            name: plan.name,
            versionName: plan.versionName,
            description: plan.description,
            targetDate: new Date(targetMs),
            // A release decided GO gets its status from the recorded decision, after the sign-offs.
            status: plan.status === "GO" || plan.status === "RELEASED" ? "IN_PROGRESS" : plan.status,
            ownerId: users[plan.owner],
            categories: { create: defaultCategories.map((category, position) => ({ ...category, position })) },
            requiredSignoffs: {
              create: plan.requiredSignoffs.map((signoff, position) => ({
                roleName: signoff.roleName,
                evidenceToReview: signoff.evidenceToReview,
                position,
                assignees: { create: signoff.assignees.map((key) => ({ userId: users[key] })) },
              })),
            },
            risks: { create: plan.risks },
            milestones: {
              create: plan.milestones.map(({ dueInDays, ...milestone }) => ({ ...milestone, dueAt: new Date(targetMs + dueInDays * DAY) })),
            },
          },
          select: { id: true, categories: { select: { id: true, name: true } } },
        });
        releaseIds.set(plan.key, release.id);
        const categoryIds = new Map(release.categories.map((category) => [category.name, category.id]));
        const itemData = (item: Omit<DemoItem, "subItems">, phaseId: string, position: number, parentId?: string) => ({
          releaseId: release.id,
          phaseId,
          parentId,
          title: item.title,
          details: item.details ?? "",
          priority: item.priority,
          categoryId: item.category ? categoryIds.get(item.category) : undefined,
          ownerRole: item.ownerRole ?? "",
          assigneeId: item.assignee ? users[item.assignee] : undefined,
          dueDate: item.dueInDays !== undefined ? new Date(targetMs + item.dueInDays * DAY) : undefined,
          estimateMinutes: item.estimateMinutes,
          status: item.status,
          waiverReason: item.waiverReason,
          completedAt: item.status === "DONE" ? new Date(Math.min(Date.now(), targetMs)) : undefined,
          position,
          lastChangedById: users[plan.owner],
          evidence: item.evidence ? { create: item.evidence.map((link) => ({ ...link, addedById: users[plan.owner] })) } : undefined,
          notes: item.notes ? { create: item.notes.map((body) => ({ body, authorId: users[plan.owner] })) } : undefined,
        });
        const doneItemIds: string[] = [];
        for (const [phasePosition, phase] of plan.phases.entries()) {
          const { id: phaseId } = await tx.phase.create({
            data: { releaseId: release.id, name: phase.name, description: phase.description ?? "", position: phasePosition },
            select: { id: true },
          });
          for (const [position, item] of phase.items.entries()) {
            const { id: parentId } = await tx.item.create({ data: itemData(item, phaseId, position), select: { id: true } });
            if (item.status === "DONE") doneItemIds.push(parentId);
            for (const [subPosition, sub] of (item.subItems ?? []).entries()) {
              await tx.item.create({ data: itemData(sub, phaseId, subPosition, parentId), select: { id: true } });
            }
          }
        }
        await tx.auditEvent.create({
          data: { releaseId: release.id, action: "demo.loaded", entityType: "release", entityId: release.id, after: { source: plan.key } },
        });
        // A plausible history for the burndown and the score trend: the done items were
        // completed one after another over the three weeks before today (or the target date).
        const historyEnd = Math.min(today, targetMs);
        await tx.auditEvent.createMany({
          data: doneItemIds.map((itemId, index) => ({
            releaseId: release.id,
            actorId: users[plan.owner],
            action: "item.status_changed",
            entityType: "item",
            entityId: itemId,
            before: { status: "TODO", source: "demo data" },
            after: { status: "DONE" },
            createdAt: new Date(historyEnd - Math.floor(((doneItemIds.length - 1 - index) * 20) / Math.max(1, doneItemIds.length)) * DAY + 10 * 3_600_000),
          })),
        });
      }
    },
    { timeout: 120_000 },
  );
  const viewerOf = (key: DemoUserKey) => ({ id: users[key], ...demoUsers[key] });
  await seedDemoPlans(viewerOf("manager"), viewerOf("admin"), releaseIds);
  await seedDemoApprovals(users, releaseIds, demoUsers);
  await seedDemoAftermath(viewerOf("manager"), releaseIds);
  return true;
}

export function describeDemoLogins(): string {
  const lines = Object.values(demoUsers).map((user) => `  ${user.role.padEnd(16)} ${user.email}`);
  return `Demo logins (password for all: ${demoPassword}):\n${lines.join("\n")}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const loaded = await seedDemo();
  console.log(loaded ? `Demo data loaded.\n${describeDemoLogins()}` : "The database already has users: demo data not loaded.");
  await db.$disconnect();
}
