import { z } from "zod";
import { idField, versionField } from "@/lib/schemas";
import { webhookEventTypes } from "@/lib/webhooks/event-types";

export const createWebhookSchema = z.strictObject({
  url: z
    .string({ error: "Receiver URL is required." })
    .trim()
    .max(2000, "Receiver URL must be at most 2,000 characters.")
    .url("Receiver URL must be a full address such as https://hooks.example.com/releases.")
    .refine((value) => /^https?:\/\//i.test(value), "Receiver URL must start with http:// or https://."),
  events: z.array(z.enum(webhookEventTypes, { error: "Choose valid events." })).min(1, "Choose at least one event.").max(webhookEventTypes.length),
  /** Empty: every release. */
  releaseId: z.preprocess((value) => (value === "" ? null : value), idField.nullable()),
});

export const toggleWebhookSchema = z.strictObject({ id: idField, version: versionField });
export const deleteWebhookSchema = z.strictObject({ id: idField });
export const redeliverSchema = z.strictObject({ deliveryId: idField });
