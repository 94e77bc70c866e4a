import type { FormState } from "@/lib/form";

type Props = { state: FormState; labels?: Record<string, string> };

/**
 * The form-level outcome: a success note, an error, and after a refused stale edit the
 * values someone else saved, so the user can compare before saving again.
 */
export function FormMessage({ state, labels = {} }: Props) {
  if (state.status === "idle" || !state.message) return null;
  const isError = state.status === "error";
  const current = state.current
    ? Object.entries(state.current).filter(([key]) => key in labels)
    : [];
  return (
    <div
      role={isError ? "alert" : "status"}
      className={
        isError
          ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          : "rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      }
    >
      <p className="font-medium">{state.message}</p>
      {current.length > 0 ? (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
          {current.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-medium">{labels[key]}</dt>
              <dd className="break-words">{value || "(empty)"}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
