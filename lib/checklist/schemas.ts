import { z } from "zod";
import { enumField, idField, optionalDayField, optionalTextField, textField, versionField } from "@/lib/schemas";

export const itemStatuses = ["TODO", "IN_PROGRESS", "DONE", "BLOCKED", "WAIVED"] as const;
export const itemPriorities = ["BLOCKING", "RECOMMENDED", "OPTIONAL"] as const;

const optionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), idField.nullable());

const estimateField = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.coerce
    .number({ error: "Estimate must be a number of minutes." })
    .int("Estimate must be a whole number of minutes.")
    .min(0, "Estimate cannot be negative.")
    .max(100_000, "Estimate must be at most 100,000 minutes.")
    .nullable(),
);

export const phaseFields = {
  name: textField("Phase name", 120),
  description: optionalTextField("Description", 2000),
};

export const createPhaseSchema = z.strictObject({ releaseId: idField, ...phaseFields });
export const updatePhaseSchema = z.strictObject({ id: idField, version: versionField, ...phaseFields });
export const deleteRowSchema = z.strictObject({ id: idField, version: versionField });
export const moveSchema = z.strictObject({
  id: idField,
  direction: enumField(["up", "down"] as const, "direction"),
});

const itemFields = {
  title: textField("Title", 200),
  details: optionalTextField("Details", 10_000),
  priority: enumField(itemPriorities, "priority"),
  categoryId: optionalId,
  ownerRole: optionalTextField("Owner role", 80),
  assigneeId: optionalId,
  dueDate: optionalDayField("Due date"),
  estimateMinutes: estimateField,
  /** The stable key automation finds the item by through the API (F22). */
  automationKey: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.string().trim().regex(/^[A-Za-z0-9._:-]{1,80}$/, "Automation key: up to 80 letters, digits and . _ : - such as ci.tests-passing.").nullable(),
  ),
  /** A checkbox: "on" when ticked, absent when not. */
  isAutomated: z.preprocess((value) => value === "on" || value === true || value === "true", z.boolean()),
};

export const createItemSchema = z.strictObject({
  releaseId: idField,
  phaseId: idField,
  parentId: optionalId,
  ...itemFields,
});
export const updateItemSchema = z.strictObject({ id: idField, version: versionField, ...itemFields });

export const setItemStatusSchema = z.strictObject({
  id: idField,
  version: versionField,
  status: enumField(["TODO", "IN_PROGRESS", "DONE", "BLOCKED"] as const, "status"),
});

export const waiveItemSchema = z.strictObject({
  id: idField,
  version: versionField,
  waiverReason: textField("Reason for the waiver", 1000),
  waiverExpiresAt: optionalDayField("Waiver expiry"),
});

export const addEvidenceSchema = z.strictObject({
  itemId: idField,
  url: z
    .string({ error: "Link is required." })
    .trim()
    .max(2000, "Link must be at most 2,000 characters.")
    .url("Link must be a full web address such as https://ci.example.com/build/42.")
    .refine((value) => /^https?:\/\//i.test(value), "Link must start with http:// or https://."),
  label: optionalTextField("Label", 200),
});

export const removeEvidenceSchema = z.strictObject({ id: idField });

export const addNoteSchema = z.strictObject({ itemId: idField, body: textField("Note", 5000) });

export const checklistFilterSchema = z.object({
  status: z.enum(itemStatuses).optional().catch(undefined),
  priority: z.enum(itemPriorities).optional().catch(undefined),
  assignee: z.string().max(40).optional().catch(undefined),
  category: z.string().max(40).optional().catch(undefined),
});

export type ChecklistFilter = z.infer<typeof checklistFilterSchema>;
