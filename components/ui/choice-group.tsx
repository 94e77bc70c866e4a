import clsx from "clsx";
import { useId } from "react";
import type { FormState } from "@/lib/form";

type Choice = { value: string; label: string; description?: string; disabled?: boolean };

type Props = {
  legend: string;
  name: string;
  state: FormState;
  choices: Choice[];
  /** "radio" for one choice, "checkbox" for several (submitted as repeated fields). */
  type: "radio" | "checkbox";
  /** Checked values until the user has submitted something. */
  initial?: string[];
  hint?: string;
  required?: boolean;
  onChange?: (value: string) => void;
  className?: string;
};

/** A fieldset of radios or checkboxes with its legend, hint and errors, like Field. */
export function ChoiceGroup({ legend, name, state, choices, type, initial = [], hint, required, onChange, className }: Props) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const checked = echoed !== undefined ? echoed.split(",") : initial;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors ? `${id}-error` : undefined;
  return (
    <fieldset
      className={className}
      aria-describedby={clsx(hintId, errorId) || undefined}
      aria-invalid={errors ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">
        {legend}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </legend>
      {hint ? <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{hint}</p> : null}
      <div className="mt-1.5 space-y-1.5">
        {choices.map((choice, index) => {
          const descriptionId = choice.description ? `${id}-${index}-description` : undefined;
          return (
            <div key={choice.value} className={clsx("text-sm", choice.disabled && "opacity-60")}>
              <label className="flex items-start gap-2">
                <input
                  type={type}
                  name={name}
                  value={choice.value}
                  defaultChecked={checked.includes(choice.value)}
                  disabled={choice.disabled}
                  aria-describedby={descriptionId}
                  onChange={onChange ? () => onChange(choice.value) : undefined}
                  className="mt-0.5 size-4 accent-sky-700"
                />
                <span>{choice.label}</span>
              </label>
              {choice.description ? (
                <p id={descriptionId} className="ml-6 text-xs text-slate-500 dark:text-slate-400">{choice.description}</p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div id={errorId} aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{error}</p>
        ))}
      </div>
    </fieldset>
  );
}
