import clsx from "clsx";
import { useId } from "react";
import type { FormState } from "@/lib/form";

type Option = { value: string; label: string };

type FieldProps = {
  label: string;
  name: string;
  state: FormState;
  /** The stored value, used until the user has submitted something. */
  initial?: string | null;
  as?: "input" | "textarea" | "select";
  type?: "text" | "email" | "password" | "date" | "number" | "url" | "datetime-local";
  options?: Option[];
  hint?: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  className?: string;
};

const controlClasses =
  "mt-1 block w-full rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-sm dark:bg-slate-900 " +
  "border-slate-300 dark:border-slate-700 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** The one form field: label, control, hint and errors, wired for assistive technology. */
export function Field({ label, name, state, initial, as = "input", type = "text", options = [], hint, required, maxLength, autoComplete, className }: FieldProps) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors ? `${id}-error` : undefined;
  const value = type === "password" ? undefined : (state.values?.[name] ?? initial ?? "");
  const common = {
    id,
    name,
    required,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": clsx(hintId, errorId) || undefined,
    className: controlClasses,
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </label>
      {as === "textarea" ? (
        <textarea {...common} key={value} defaultValue={value} rows={3} maxLength={maxLength} />
      ) : as === "select" ? (
        <select {...common} key={value} defaultValue={value}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} key={value} type={type} defaultValue={value} maxLength={maxLength} autoComplete={autoComplete} />
      )}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}
