import { z } from "zod";
import { dayField, enumField, idField, optionalTextField, textField, versionField } from "@/lib/schemas";

export const releaseStatuses = ["PLANNING", "IN_PROGRESS", "GO", "NO_GO", "RELEASED", "ROLLED_BACK", "CANCELLED"] as const;
/** GO and NO_GO are set by a recorded go/no-go decision, never by editing the release. */
export const editableStatuses = ["PLANNING", "IN_PROGRESS", "RELEASED", "ROLLED_BACK", "CANCELLED"] as const;

const releaseFields = {
  name: textField("Name", 120),
  versionName: textField("Version", 40),
  description: optionalTextField("Description", 5000),
  targetDate: dayField("Target date"),
};

export const createReleaseSchema = z.strictObject(releaseFields);

export const updateReleaseSchema = z.strictObject({
  ...releaseFields,
  id: idField,
  version: versionField,
  status: enumField(releaseStatuses, "status"),
  ownerId: idField,
  targetDateReason: optionalTextField("Reason for the new target date", 1000),
});

export const archiveReleaseSchema = z.strictObject({ id: idField, version: versionField });

export type CreateReleaseInput = z.infer<typeof createReleaseSchema>;
export type UpdateReleaseInput = z.infer<typeof updateReleaseSchema>;

const weightField = z.coerce
  .number({ error: "Weight must be a number." })
  .int("Weight must be a whole number.")
  .min(0, "Weight cannot be negative.")
  .max(100, "Weight must be at most 100.");

export const scoreCategorySchema = z.strictObject({
  /** Empty for a new category. */
  id: z.preprocess((value) => (value === "" ? undefined : value), idField.optional()),
  name: textField("Category name", 60),
  weight: weightField,
});

export const updateScoreSettingsSchema = z
  .strictObject({
    id: idField,
    version: versionField,
    goThreshold: z.coerce
      .number({ error: "The GO threshold must be a number." })
      .int("The GO threshold must be a whole number.")
      .min(0, "The GO threshold must be between 0 and 100.")
      .max(100, "The GO threshold must be between 0 and 100."),
    categories: z.array(scoreCategorySchema).min(1, "Keep at least one category.").max(12, "At most 12 categories."),
  })
  .superRefine((value, ctx) => {
    const total = value.categories.reduce((sum, category) => sum + category.weight, 0);
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["categories"], message: `The weights add up to ${total}; they must add up to 100.` });
    const names = value.categories.map((category) => category.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["categories"], message: "Two categories have the same name." });
  });

export const updateSignoffPolicySchema = z
  .strictObject({
    id: idField,
    version: versionField,
    separationOfDuties: enumField(["on", "off"] as const, "separation of duties setting"),
    reason: optionalTextField("Reason", 1000),
  })
  .superRefine((value, ctx) => {
    if (value.separationOfDuties === "off" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why separation of duties is relaxed for this release; it is kept in the history." });
    }
  });

export const portfolioSorts = ["target", "name", "status", "updated"] as const;
export const PORTFOLIO_PAGE_SIZE = 25;

/** The releases page's query string; anything malformed falls back to the default. */
export const portfolioQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(releaseStatuses).optional().catch(undefined),
  owner: z.string().max(40).optional().catch(undefined),
  sort: z.enum(portfolioSorts).default("target").catch("target"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  archived: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;
