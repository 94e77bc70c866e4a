import { z } from "zod";
import { enumField, idField, optionalDayField, optionalTextField, textField } from "@/lib/schemas";
import { idempotencyKeyField } from "@/lib/signoffs/schemas";

const optionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), idField.nullable());

export const recordDecisionSchema = z
  .strictObject({
    releaseId: idField,
    outcome: enumField(["GO", "NO_GO"] as const, "decision (GO or NO-GO)"),
    rationale: textField("Rationale", 5000),
    blockingReasons: optionalTextField("Blocking reasons", 5000),
    remediationPlan: optionalTextField("Remediation plan", 5000),
    newTargetDate: optionalDayField("New target date"),
    overrideReason: optionalTextField("Override reason", 5000),
    /** The latest decision the form was shown, or empty for the first one. */
    previousDecisionId: optionalId,
    idempotencyKey: idempotencyKeyField,
  })
  .superRefine((value, ctx) => {
    if (value.outcome !== "NO_GO") return;
    if (!value.blockingReasons) ctx.addIssue({ code: "custom", path: ["blockingReasons"], message: "A NO-GO needs the reasons that block the release." });
    if (!value.remediationPlan) ctx.addIssue({ code: "custom", path: ["remediationPlan"], message: "A NO-GO needs a remediation plan." });
    if (!value.newTargetDate) ctx.addIssue({ code: "custom", path: ["newTargetDate"], message: "A NO-GO needs a new target date." });
  })
  .transform((value) =>
    // Fields of the other outcome, typed before the user switched, are not part of a GO.
    value.outcome === "GO" ? { ...value, blockingReasons: "", remediationPlan: "", newTargetDate: null } : { ...value, overrideReason: "" },
  );

export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;
