import { z } from "zod";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";

/** The one shape every form action returns: errors per field, a message, and what was typed. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** The current values of a row someone else changed, offered after a stale edit. */
  current?: Record<string, string>;
};

export const idleState: FormState = { status: "idle" };

/** Raised by a mutation whose input did not parse; carries zod's messages per field. */
export class ValidationError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>, message = "Please correct the fields marked below.") {
    super(message);
    this.name = "ValidationError";
  }
}

/** Parses `raw` with `schema`, or throws a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const unknownKeys = result.error.issues.find((issue) => issue.code === "unrecognized_keys");
  throw new ValidationError(
    fieldErrors,
    unknownKeys ? "The form sent fields this action does not accept; nothing was saved." : undefined,
  );
}

/** The submitted fields as strings, without Next's internal `$ACTION` fields or files. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

function stringify(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : value === null || value === undefined ? "" : String(value),
    ]),
  );
}

/**
 * Turns what a mutation threw into the form's state, always echoing the submitted values
 * so the user keeps what they typed. Unknown errors are logged and shown plainly.
 */
export function toFormState(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof ValidationError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof StaleVersionError) {
    return { status: "error", message: error.message, values, current: stringify(error.current as Record<string, unknown>) };
  }
  if (error instanceof ForbiddenError || error instanceof NotFoundError) {
    return { status: "error", message: error.message, values };
  }
  console.error(error);
  return { status: "error", message: "Something went wrong and nothing was saved. Please try again.", values };
}
