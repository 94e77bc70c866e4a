import { z } from "zod";
import { dayField, enumField, idField, optionalTextField, textField, versionField } from "@/lib/schemas";

/** How recent a single sign-on must be to confirm a sign-off by an account with no password. */
export const SSO_CONFIRM_MINUTES = 10;

/** Until when (ms since the epoch) a session begun at `signedInAt` confirms a sign-off; 0 when it never began. */
export function signOnFreshUntil(signedInAt: Date | undefined): number {
  return signedInAt ? signedInAt.getTime() + SSO_CONFIRM_MINUTES * 60_000 : 0;
}

export const verdicts = ["APPROVED", "CONDITIONAL", "REJECTED"] as const;

/** A random key the form carries, so that submitting it twice records one thing. */
export const idempotencyKeyField = z
  .string({ error: "The form is missing its submission key; reload the page." })
  .trim()
  .min(8, "The form is missing its submission key; reload the page.")
  .max(100, "The form's submission key is not valid; reload the page.");

const assigneeIdsField = z
  .array(idField, { error: "Choose who may sign for this role." })
  .min(1, "Assign at least one person to sign for this role.")
  .max(20, "Assign at most 20 people to a role.")
  .transform((ids) => [...new Set(ids)]);

const roleFields = {
  roleName: textField("Role", 80),
  evidenceToReview: optionalTextField("Evidence to review", 5000),
  requiredApprovals: z.coerce
    .number({ error: "Approvals needed must be a number." })
    .int("Approvals needed must be a whole number.")
    .min(1, "At least 1 approval is needed.")
    .max(20, "At most 20 approvals can be required."),
  assigneeIds: assigneeIdsField,
};

function approvalsWithinAssignees<T extends { requiredApprovals: number; assigneeIds: string[] }>(value: T, ctx: z.RefinementCtx) {
  if (value.requiredApprovals > value.assigneeIds.length) {
    ctx.addIssue({
      code: "custom",
      path: ["requiredApprovals"],
      message: `${value.requiredApprovals} approvals are needed but only ${value.assigneeIds.length} ${value.assigneeIds.length === 1 ? "person is" : "people are"} assigned.`,
    });
  }
}

export const createRoleSchema = z.strictObject({ releaseId: idField, ...roleFields }).superRefine(approvalsWithinAssignees);
export const updateRoleSchema = z.strictObject({ id: idField, version: versionField, ...roleFields }).superRefine(approvalsWithinAssignees);
export const removeRoleSchema = z.strictObject({ id: idField, version: versionField });

const conditionSchema = z.strictObject({
  description: textField("Condition", 1000),
  ownerId: idField,
  dueDate: dayField("Condition due date"),
});

export const recordSignoffSchema = z
  .strictObject({
    requiredSignoffId: idField,
    verdict: enumField(verdicts, "verdict"),
    comment: optionalTextField("Comment", 5000),
    evidenceReviewed: optionalTextField("Evidence reviewed", 5000),
    conditions: z.array(conditionSchema).max(10, "At most 10 conditions.").default([]),
    // Required of password accounts by the mutation; single sign-on accounts confirm by signing on again.
    password: z.string({ error: "Enter your password to sign." }).max(200, "That password is too long.").default(""),
    basisRevision: z.coerce.number({ error: "Reload the page and sign again." }).int().min(0),
    supersedesId: z.preprocess((value) => (value === "" || value === undefined ? null : value), idField.nullable()),
    idempotencyKey: idempotencyKeyField,
  })
  .superRefine((value, ctx) => {
    if (value.verdict === "CONDITIONAL" && value.conditions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "An approval with conditions needs at least one condition, with an owner and a due date." });
    }
    if (value.verdict !== "CONDITIONAL" && value.conditions.length > 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Conditions belong to an approval with conditions; choose that verdict or remove them." });
    }
    if (value.verdict === "REJECTED" && !value.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why you reject, so the team knows what to fix." });
    }
  });

export const resolveConditionSchema = z.strictObject({
  conditionId: idField,
  note: optionalTextField("Note", 2000),
});

export type RecordSignoffInput = z.infer<typeof recordSignoffSchema>;
