"use client";

import { startTransition } from "react";
import { useFormActionState } from "@/components/hooks/use-form-action-state";
import { setItemStatusAction } from "@/lib/checklist/actions";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { itemStatusLabels } from "@/lib/labels";

type Props = { itemId: string; version: number; status: ItemStatus; title: string; canChange: boolean };

const choices = ["TODO", "IN_PROGRESS", "BLOCKED", "DONE"] as const;

/** One click to mark an item done (or reopen it), also without JavaScript; the menu sets the other statuses. */
export function StatusControl({ itemId, version, status, title, canChange }: Props) {
  const [state, formAction, isPending] = useFormActionState(setItemStatusAction, `item-${itemId}`);
  const isDone = status === "DONE";
  // The menu acts on change, which needs JavaScript anyway, so it sends its choice without a
  // form of its own: a form would add React's hidden fields to every row of a long checklist.
  const setStatus = (next: string) => {
    const data = new FormData();
    data.set("id", itemId);
    data.set("version", String(version));
    data.set("status", next);
    startTransition(() => formAction(data));
  };
  if (!canChange) return null;
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex items-center gap-1">
        <form action={formAction}>
          <input type="hidden" name="id" value={itemId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value={isDone ? "TODO" : "DONE"} />
          <button
            type="submit"
            disabled={isPending}
            aria-label={isDone ? `Reopen “${title}”` : `Mark “${title}” done`}
            className={
              "inline-flex h-7 w-7 items-center justify-center rounded border text-sm font-bold " +
              (isDone
                ? "border-emerald-700 bg-emerald-600 text-white"
                : "border-slate-400 bg-white text-transparent hover:text-slate-400 dark:bg-slate-900")
            }
          >
            ✓
          </button>
        </form>
        <label className="sr-only" htmlFor={`status-${itemId}`}>Status of “{title}”</label>
        <select
          id={`status-${itemId}`}
          key={status}
          defaultValue={status === "WAIVED" ? "" : status}
          disabled={isPending}
          onChange={(event) => setStatus(event.currentTarget.value)}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
        >
          {status === "WAIVED" ? <option value="" disabled>Waived</option> : null}
          {choices.map((choice) => (
            <option key={choice} value={choice}>{itemStatusLabels[choice]}</option>
          ))}
        </select>
      </div>
      {state.status === "error" ? (
        <p role="alert" className="max-w-xs text-xs font-medium text-red-700 dark:text-red-400">{state.message}</p>
      ) : null}
    </div>
  );
}
