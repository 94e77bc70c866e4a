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

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string that cannot be stored as text: one holding a NUL character
 * (PostgreSQL refuses it) or a broken character, an unpaired UTF-16 surrogate.
 */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") || unpairedSurrogate.test(value) ? path.join(".") || "form" : null;
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findNulCharacter(entry, [...path, String(index)]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      const found = findNulCharacter(entry, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Parses `raw` with `schema`, or throws a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const nul = findNulCharacter(raw);
  if (nul) throw new ValidationError({ [nul]: ["This contains a character that cannot be stored (a NUL or a broken character); remove it."] });
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

type UnexpectedReporter = (error: unknown, reference: string) => void;
const globalForReporter = globalThis as unknown as { reportUnexpectedError?: UnexpectedReporter };

/**
 * Logs an unexpected error under a fresh reference the user is shown. The server installs the
 * structured logger at start (instrumentation.ts); this module stays importable by the browser.
 */
function reportUnexpected(error: unknown): string {
  const reference = globalThis.crypto.randomUUID();
  const reporter = globalForReporter.reportUnexpectedError ?? ((cause: unknown) => console.error(cause));
  reporter(error, reference);
  return reference;
}

/** Installs the server's logger for unexpected errors in actions. */
export function setUnexpectedErrorReporter(reporter: UnexpectedReporter) {
  globalForReporter.reportUnexpectedError = reporter;
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
  const reference = reportUnexpected(error);
  return { status: "error", message: `Something went wrong and nothing was saved. Please try again; if it happens again, quote reference ${reference}.`, values };
}

/** Every value of a repeated field (checkboxes, multi-selects), e.g. `assigneeIds`. */
export function formList(formData: FormData, key: string): string[] {
  return formData.getAll(key).filter((value): value is string => typeof value === "string");
}

/**
 * Rows of a repeated group typed as `prefix.0.field`, `prefix.1.field`…, in index order.
 * Rows left entirely blank are dropped, so a form can offer empty rows to fill in.
 */
export function formRows(values: Record<string, string>, prefix: string): Record<string, string>[] {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.([A-Za-z]+)$`);
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2]!] = value;
    rows.set(index, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.values(row).some((value) => value.trim() !== ""));
}

/** The submitted values without the rows of `prefix`, to pass the rows as one array instead. */
export function withoutRows(values: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith(`${prefix}.`)));
}
