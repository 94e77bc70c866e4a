import { z } from "zod";
import { dayField, enumField, idField, optionalDayField, optionalTextField, textField, versionField } from "@/lib/schemas";

// Forms of the plan around the release (F12 to F15), with messages a user can act on.

const optionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), idField.nullable());

function wholeNumber(label: string, { min = 0, max = 100_000 } = {}) {
  return z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, min === 0 ? `${label} cannot be negative.` : `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")}.`);
}

function optionalWholeNumber(label: string) {
  return z.preprocess((value) => (value === "" || value === undefined ? null : value), wholeNumber(label).nullable());
}

/** A wall-clock time from a datetime-local input; the mutation reads it in the right time zone. */
export function localDateTimeField(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `${label} must be a date and time like 2026-12-31T09:30.`);
}

const optionalLocalDateTime = (label: string) =>
  z.preprocess((value) => (value === "" || value === undefined ? null : value), localDateTimeField(label).nullable());

export const likelihoods = ["LOW", "MEDIUM", "HIGH"] as const;
export const impacts = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const riskStatuses = ["OPEN", "MITIGATED", "ACCEPTED", "CLOSED"] as const;

const riskFields = {
  title: textField("Risk", 200),
  likelihood: enumField(likelihoods, "likelihood (Low, Medium or High)"),
  impact: enumField(impacts, "impact (Low, Medium, High or Critical)"),
  mitigation: optionalTextField("Mitigation", 2000),
  contingency: optionalTextField("Contingency", 2000),
  ownerId: optionalId,
  status: enumField(riskStatuses, "status"),
};
export const createRiskSchema = z.strictObject({ releaseId: idField, ...riskFields });
export const updateRiskSchema = z.strictObject({ id: idField, version: versionField, ...riskFields });
export const deleteRowSchema = z.strictObject({ id: idField, version: versionField });

export const comparisons = [">", ">=", "<", "<=", "="] as const;

const triggerSchema = z.strictObject({
  metric: textField("Trigger metric", 120),
  comparison: enumField(comparisons, "comparison (>, ≥, <, ≤ or =)"),
  threshold: z.coerce
    .number({ error: "Threshold must be a number, such as 5 or 0.5." })
    .refine(Number.isFinite, "Threshold must be a number, such as 5 or 0.5."),
  unit: optionalTextField("Unit", 20),
  durationMinutes: optionalWholeNumber("Duration"),
});

const stepSchema = z.strictObject({
  description: textField("Step", 500),
  ownerRole: optionalTextField("Owner role", 80),
  minutes: wholeNumber("Step minutes", { max: 10_000 }),
});

export const saveRollbackPlanSchema = z.strictObject({
  releaseId: idField,
  /** The plan's version as read, or 0 when there was none yet. */
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
  targetMinutes: optionalWholeNumber("Target rollback time"),
  decider: optionalTextField("Who decides", 120),
  latestDecisionMinutes: optionalWholeNumber("Latest decision time"),
  lastRehearsedAt: optionalDayField("Last rehearsal"),
  triggers: z.array(triggerSchema).max(20, "At most 20 triggers."),
  steps: z.array(stepSchema).max(50, "At most 50 steps."),
});

export const trackRehearsalSchema = z.strictObject({ releaseId: idField });

export const milestoneStatuses = ["PLANNED", "IN_PROGRESS", "DONE", "MISSED"] as const;
const milestoneFields = {
  title: textField("Milestone", 200),
  dueAt: dayField("Milestone date"),
  ownerId: optionalId,
  status: enumField(milestoneStatuses, "status"),
};
export const createMilestoneSchema = z.strictObject({ releaseId: idField, ...milestoneFields });
export const updateMilestoneSchema = z.strictObject({ id: idField, version: versionField, ...milestoneFields });

const stepFields = {
  title: textField("Step", 200),
  ownerRole: optionalTextField("Owner", 80),
  startsAt: localDateTimeField("Start"),
  endsAt: localDateTimeField("End"),
};
export const createDeploymentStepSchema = z.strictObject({ releaseId: idField, ...stepFields });
export const updateDeploymentStepSchema = z.strictObject({ id: idField, version: versionField, ...stepFields });

export const updateTimeZoneSchema = z.strictObject({ id: idField, version: versionField, timeZone: textField("Time zone", 64) });

const freezeFields = {
  name: textField("Name", 120),
  reason: optionalTextField("Reason", 1000),
  startsAt: localDateTimeField("Start"),
  endsAt: localDateTimeField("End"),
  timeZone: textField("Time zone", 64),
};
export const createFreezeWindowSchema = z.strictObject(freezeFields);
export const updateFreezeWindowSchema = z.strictObject({ id: idField, version: versionField, ...freezeFields });

export const severities = ["P0", "P1", "P2", "P3"] as const;
const incidentFields = {
  title: textField("Incident", 200),
  severity: enumField(severities, "severity (P0 to P3)"),
  description: optionalTextField("Description", 5000),
  openedAt: localDateTimeField("Opened at"),
  resolvedAt: optionalLocalDateTime("Resolved at"),
};
export const createIncidentSchema = z.strictObject({ releaseId: idField, ...incidentFields });
export const updateIncidentSchema = z.strictObject({ id: idField, version: versionField, ...incidentFields });

export const incidentToItemSchema = z.strictObject({
  incidentId: idField,
  phaseId: idField,
  priority: enumField(["BLOCKING", "RECOMMENDED", "OPTIONAL"] as const, "priority"),
});

export const criterionLevels = ["MUST", "SHOULD", "NICE"] as const;
export const createCriterionSchema = z.strictObject({
  releaseId: idField,
  title: textField("Success criterion", 300),
  level: enumField(criterionLevels, "level (must, should or nice to have)"),
});
export const checkCriterionSchema = z.strictObject({ id: idField, version: versionField, isMet: enumField(["yes", "no"] as const, "answer") });

export const outcomes = ["SUCCESSFUL", "SUCCESSFUL_WITH_ISSUES", "ROLLED_BACK"] as const;
export const recordOutcomeSchema = z.strictObject({
  id: idField,
  version: versionField,
  outcome: enumField(outcomes, "outcome"),
  outcomeNote: optionalTextField("Note", 5000),
  watchDays: wholeNumber("Watch window", { min: 1, max: 90 }),
});
