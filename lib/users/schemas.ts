import { z } from "zod";
import { enumField, idField, textField } from "@/lib/schemas";

export const roles = ["ADMIN", "RELEASE_MANAGER", "APPROVER", "VIEWER"] as const;

const passwordField = z
  .string({ error: "Password is required." })
  .min(12, "Password must be at least 12 characters.")
  .max(200, "Password must be at most 200 characters.");

const emailField = z
  .string({ error: "E-mail is required." })
  .trim()
  .toLowerCase()
  .max(254, "E-mail must be at most 254 characters.")
  .pipe(z.email("Enter an e-mail address such as jane@example.com."));

export const createUserSchema = z.strictObject({
  email: emailField,
  name: textField("Name", 100),
  role: enumField(roles, "role"),
  password: passwordField,
});

export const updateUserSchema = z.strictObject({
  id: idField,
  name: textField("Name", 100),
  role: enumField(roles, "role"),
});

export const resetPasswordSchema = z.strictObject({ id: idField, password: passwordField });

export const setUserDisabledSchema = z.strictObject({
  id: idField,
  disabled: z.enum(["true", "false"], { error: "Choose to disable or enable." }).transform((value) => value === "true"),
});
