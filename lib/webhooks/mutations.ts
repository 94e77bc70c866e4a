import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { can, requirePermission, type Viewer } from "@/lib/permissions";
import { enqueueDeliveryAttempt } from "@/lib/webhooks/deliver";
import { refusedTarget } from "@/lib/webhooks/targets";
import { createWebhookSchema, deleteWebhookSchema, redeliverSchema, toggleWebhookSchema } from "@/lib/webhooks/schemas";

// Outgoing webhooks (F22): release managers add them for a release, admins also for every
// release. The signing secret is generated here and shown once.

function requireScope(viewer: Viewer, releaseId: string | null) {
  if (!releaseId && !can(viewer, "users:manage")) throw new ForbiddenError("Only admins can add webhooks for every release; choose a release.");
}

export async function createWebhook(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "webhook:manage");
  const input = parseInput(createWebhookSchema, raw);
  requireScope(viewer, input.releaseId);
  const refused = await refusedTarget(input.url);
  if (refused) throw new ValidationError({ url: [refused] });
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    if (input.releaseId && !(await tx.release.findUnique({ where: { id: input.releaseId }, select: { id: true } }))) {
      throw new ValidationError({ releaseId: ["Choose an existing release, or all releases."] });
    }
    const hook = await tx.webhook.create({
      data: { url: input.url, events: [...new Set(input.events)], releaseId: input.releaseId, secret, createdById: viewer.id },
      select: { id: true, url: true, events: true, releaseId: true },
    });
    await recordAudit(tx, { actorId: viewer.id, releaseId: hook.releaseId, action: "webhook.created", entityType: "webhook", entityId: hook.id, after: hook });
    return { id: hook.id, secret, releaseId: hook.releaseId };
  });
}

async function loadHook(viewer: Viewer, id: string) {
  const hook = await db.webhook.findUnique({ where: { id }, select: { id: true, url: true, releaseId: true, disabledAt: true, version: true } });
  if (!hook) throw new NotFoundError("That webhook does not exist.");
  requireScope(viewer, hook.releaseId);
  return hook;
}

/** Pauses a webhook (its pending deliveries fail as "disabled") or turns it back on. */
export async function toggleWebhook(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "webhook:manage");
  const { id, version } = parseInput(toggleWebhookSchema, raw);
  const hook = await loadHook(viewer, id);
  return db.$transaction(async (tx) => {
    const disabledAt = hook.disabledAt ? null : new Date();
    const { count } = await tx.webhook.updateMany({ where: { id, version }, data: { disabledAt, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError({ version: hook.version });
    await recordAudit(tx, { actorId: viewer.id, releaseId: hook.releaseId, action: disabledAt ? "webhook.disabled" : "webhook.enabled", entityType: "webhook", entityId: id, after: { disabledAt } });
    return { id, releaseId: hook.releaseId };
  });
}

export async function deleteWebhook(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "webhook:manage");
  const { id } = parseInput(deleteWebhookSchema, raw);
  const hook = await loadHook(viewer, id);
  return db.$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, { actorId: viewer.id, releaseId: hook.releaseId, action: "webhook.deleted", entityType: "webhook", entityId: id, before: { url: hook.url } });
    return { id, releaseId: hook.releaseId };
  });
}

/** Sends a delivery again, with the same event id, whatever happened to it before. */
export async function redeliver(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "webhook:manage");
  const { deliveryId } = parseInput(redeliverSchema, raw);
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, attempts: true, webhookId: true, eventType: true } });
  if (!delivery) throw new NotFoundError("That delivery does not exist.");
  const hook = await loadHook(viewer, delivery.webhookId);
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "PENDING", deliveredAt: null } });
    await recordAudit(tx, { actorId: viewer.id, releaseId: hook.releaseId, action: "webhook.redelivered", entityType: "webhook", entityId: hook.id, after: { deliveryId, eventType: delivery.eventType } });
    await enqueueDeliveryAttempt(deliveryId, delivery.attempts + 1, new Date(), tx);
  });
  return { id: deliveryId, releaseId: hook.releaseId };
}

export async function listWebhooks(viewer: Viewer) {
  return db.webhook.findMany({
    where: can(viewer, "users:manage") ? {} : { releaseId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      events: true,
      disabledAt: true,
      version: true,
      createdAt: true,
      release: { select: { id: true, name: true, versionName: true } },
      createdBy: { select: { name: true } },
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { id: true, eventId: true, eventType: true, status: true, attempts: true, lastStatusCode: true, lastError: true, lastAttemptAt: true, deliveredAt: true, createdAt: true },
      },
    },
  });
}
