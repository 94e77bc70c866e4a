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
