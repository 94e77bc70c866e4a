import "server-only";
import { z } from "zod";
import { db, type DbClient } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJobs, retryDelayMs } from "@/lib/jobs/queue";
import { WEBHOOK_JOB } from "@/lib/webhooks/emit";
import { signatureHeader } from "@/lib/webhooks/signature";
import { refusedTarget } from "@/lib/webhooks/targets";

// Delivers one webhook event (a job of kind "webhook.deliver"): POSTs the signed JSON, logs the
// response code, and on a failure schedules the next attempt with exponential backoff until
// WEBHOOK_MAX_ATTEMPTS, then marks the delivery failed. Nothing is lost: a failed delivery stays
// in the log and can be sent again (redeliver). Receivers de-duplicate by the event id.

const payloadSchema = z.object({ deliveryId: z.string() });

export async function enqueueDeliveryAttempt(deliveryId: string, attempt: number, runAt = new Date(), client: DbClient = db) {
  await enqueueJobs(client, [{ kind: WEBHOOK_JOB, payload: { deliveryId }, idempotencyKey: `webhook:${deliveryId}:${attempt}:${runAt.getTime()}`, runAt, maxAttempts: 1 }]);
}

export async function deliverWebhook(raw: unknown) {
  const { deliveryId } = payloadSchema.parse(raw);
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, eventId: true, eventType: true, payload: true, status: true, attempts: true, webhook: { select: { url: true, secret: true, disabledAt: true } } },
  });
  if (!delivery || delivery.status !== "PENDING") return;
  if (delivery.webhook.disabledAt) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", lastError: "The webhook is disabled." } });
    return;
  }
  const { WEBHOOK_TIMEOUT_MS, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS } = env();
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  let statusCode: number | null = null;
  let error: string | null = await refusedTarget(delivery.webhook.url);
  if (error) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", attempts: delivery.attempts + 1, lastError: error, lastAttemptAt: new Date() } });
    return;
  }
  try {
    const response = await fetch(delivery.webhook.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "release-readiness-webhooks/1",
        "X-Webhook-Id": delivery.eventId,
        "X-Webhook-Event": delivery.eventType,
        "X-Webhook-Timestamp": String(timestamp),
        "X-Webhook-Signature": signatureHeader(delivery.webhook.secret, timestamp, body),
      },
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => {});
    if (statusCode < 200 || statusCode >= 300) error = `The receiver answered ${statusCode}.`;
  } catch (cause) {
    error = cause instanceof Error && cause.name === "TimeoutError" ? `No answer within ${WEBHOOK_TIMEOUT_MS} ms.` : `Could not reach the receiver: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  const attempts = delivery.attempts + 1;
  const now = new Date();
  if (!error) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "DELIVERED", attempts, lastStatusCode: statusCode, lastError: null, lastAttemptAt: now, deliveredAt: now } });
    return;
  }
  const isFinal = attempts >= WEBHOOK_MAX_ATTEMPTS;
  await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: isFinal ? "FAILED" : "PENDING", attempts, lastStatusCode: statusCode, lastError: error.slice(0, 1000), lastAttemptAt: now } });
  if (!isFinal) await enqueueDeliveryAttempt(deliveryId, attempts + 1, new Date(now.getTime() + retryDelayMs(attempts, Math.random, WEBHOOK_RETRY_BASE_MS)));
}
