import "server-only";
import type { JobHandler } from "@/lib/jobs/worker";
import { sendEmail } from "@/lib/notifications/mail";

/** Every kind of background job and the function that does it. */
export const jobHandlers: Record<string, JobHandler> = {
  "email.send": sendEmail,
};
