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
    className: "field-control",
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
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
