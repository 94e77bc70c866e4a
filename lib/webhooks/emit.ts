import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { enqueueJobs } from "@/lib/jobs/queue";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

// Outgoing webhooks are an outbox: the delivery rows and their jobs are written in the
// transaction of the change, so an event exists exactly when its change committed, and the
// user's action never waits for a receiver. The job worker delivers them (lib/webhooks/deliver.ts).

export const WEBHOOK_JOB = "webhook.deliver";

export async function emitWebhookEvent(tx: Tx, event: { type: WebhookEventType; releaseId: string; data: Record<string, unknown> }) {
  const hooks = await tx.webhook.findMany({
    where: { disabledAt: null, events: { has: event.type }, OR: [{ releaseId: null }, { releaseId: event.releaseId }] },
    select: { id: true },
  });
  if (hooks.length === 0) return;
  const eventId = randomUUID();
  const occurredAt = new Date().toISOString();
  const payload = { id: eventId, type: event.type, occurredAt, releaseId: event.releaseId, data: JSON.parse(JSON.stringify(event.data)) };
  const deliveries = hooks.map((hook) => ({ id: randomUUID(), webhookId: hook.id, eventId, eventType: event.type, payload }));
  await tx.webhookDelivery.createMany({ data: deliveries });
  await enqueueJobs(tx, deliveries.map((delivery) => ({ kind: WEBHOOK_JOB, payload: { deliveryId: delivery.id }, idempotencyKey: `webhook:${delivery.id}:1`, maxAttempts: 1 })));
}
