import { z } from "zod";
import { idField, textField } from "@/lib/schemas";

export const createShareLinkSchema = z.strictObject({
  releaseId: idField,
  label: textField("Who the link is for", 120),
  expiresInDays: z.coerce
    .number({ error: "Choose how many days the link works." })
    .int("Choose a whole number of days.")
    .min(1, "A link works for at least 1 day.")
    .max(90, "A link works for at most 90 days; create a new one later."),
});

export const revokeShareLinkSchema = z.strictObject({ id: idField });

/** A token as generated (32 random bytes, base64url); anything else is refused before any lookup. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
