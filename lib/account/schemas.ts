import { z } from "zod";
import { idField } from "@/lib/schemas";

const codeField = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code from your authenticator app.");

export const totpCodeSchema = z.strictObject({ code: codeField });
export const resetTwoStepSchema = z.strictObject({ id: idField });
export const unlinkIdentitySchema = z.strictObject({ id: idField });
