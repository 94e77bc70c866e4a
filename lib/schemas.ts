import { z } from "zod";

// Field schemas shared by the domains' form schemas, with messages a user can act on.

export const idField = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(40, "Unknown id.");

export const versionField = z.coerce
  .number({ error: "Missing version; reload the page." })
  .int("Missing version; reload the page.")
  .min(1, "Missing version; reload the page.");

export function textField(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

export function optionalTextField(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .default("");
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day typed as YYYY-MM-DD, stored as midnight UTC and shown as that same day. */
export function dayField(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(isoDay, `${label} must be a date like 2026-12-31.`)
    .transform((value, ctx) => {
      const date = new Date(`${value}T00:00:00.000Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date.` });
        return z.NEVER;
      }
      if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: "custom", message: `${label} must be between the years 2000 and 2100.` });
        return z.NEVER;
      }
      return date;
    });
}

export function optionalDayField(label: string) {
  return z.preprocess((value) => (value === "" || value === undefined ? null : value), dayField(label).nullable());
}

export function enumField<T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `Choose a valid ${label}.` });
}
