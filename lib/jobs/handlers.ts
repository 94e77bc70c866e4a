import "server-only";
import type { JobHandler } from "@/lib/jobs/worker";
import { sendEmail } from "@/lib/notifications/mail";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { WEBHOOK_JOB } from "@/lib/webhooks/emit";

/** Every kind of background job and the function that does it. */
export const jobHandlers: Record<string, JobHandler> = {
  "email.send": sendEmail,
  [WEBHOOK_JOB]: deliverWebhook,
};
