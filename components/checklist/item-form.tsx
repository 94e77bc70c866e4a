"use client";

import { useEffect, useRef } from "react";
import { useFormActionState } from "@/components/hooks/use-form-action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type FormState } from "@/lib/form";
import { priorityLabels, toOptions } from "@/lib/labels";

type Option = { value: string; label: string };

export type ItemFormInitial = {
  title?: string;
  details?: string;
  priority?: string;
  categoryId?: string;
  ownerRole?: string;
  assigneeId?: string;
  dueDate?: string;
  estimateMinutes?: string;
  automationKey?: string;
  isAutomated?: boolean;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  initial?: ItemFormInitial;
  categories: Option[];
  assignees: Option[];
  submitLabel: string;
  compact?: boolean;
  /** Where a post without JavaScript comes back to (useFormActionState). */
  anchor?: string;
};

const labels = { title: "Title", priority: "Priority", status: "Status", ownerRole: "Owner role", details: "Details", automationKey: "Automation key" };

/** Adds or edits an item or sub-item. After adding, the form clears for the next one. */
export function ItemForm({ action, hidden, initial = {}, categories, assignees, submitLabel, compact = false, anchor }: Props) {
  const [state, formAction] = useFormActionState(action, anchor);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const version = state.current?.version ?? (hidden.version !== undefined ? String(hidden.version) : undefined);
  const shown: FormState = state.status === "success" ? idleState : state;
  return (
    <form ref={formRef} action={formAction} className="space-y-3">
      <FormMessage state={state} labels={labels} />
      {Object.entries({ ...hidden, ...(version ? { version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={compact ? "grid gap-3 sm:grid-cols-3" : "grid gap-3 sm:grid-cols-2"}>
        <Field label="Title" name="title" state={shown} initial={initial.title} required maxLength={200} className={compact ? "sm:col-span-2" : "sm:col-span-2"} />
        <Field label="Priority" name="priority" as="select" options={toOptions(priorityLabels)} state={shown} initial={initial.priority ?? "RECOMMENDED"} />
        <Field label="Category" name="categoryId" as="select" options={[{ value: "", label: "None" }, ...categories]} state={shown} initial={initial.categoryId} />
        <Field label="Assignee" name="assigneeId" as="select" options={[{ value: "", label: "Unassigned" }, ...assignees]} state={shown} initial={initial.assigneeId} />
        <Field label="Due date" name="dueDate" type="date" state={shown} initial={initial.dueDate} />
        {compact ? null : (
          <>
            <Field label="Owner role" name="ownerRole" state={shown} initial={initial.ownerRole} maxLength={80} hint="For example DevOps Engineer" />
            <Field label="Estimate (minutes)" name="estimateMinutes" type="number" state={shown} initial={initial.estimateMinutes} />
            <Field label="Details" name="details" as="textarea" state={shown} initial={initial.details} maxLength={10000} className="sm:col-span-2" />
            <Field label="Automation key" name="automationKey" state={shown} initial={initial.automationKey} maxLength={80} hint="The key a CI job uses to find this item through the API, such as ci.tests-passing." />
            <div className="flex items-start gap-2 self-center">
              <input
                id={`${hidden.id ?? "new"}-automated`}
                type="checkbox"
                name="isAutomated"
                key={String(shown.values?.isAutomated ?? initial.isAutomated ?? false)}
                defaultChecked={shown.values ? shown.values.isAutomated === "on" : Boolean(initial.isAutomated)}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={`${hidden.id ?? "new"}-automated`} className="text-sm">
                Fed by automation
                <span className="block text-xs text-slate-600 dark:text-slate-400">Its status comes from CI through the API; a change by hand is recorded as an override.</span>
              </label>
            </div>
          </>
        )}
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
