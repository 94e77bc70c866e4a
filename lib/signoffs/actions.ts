"use server";

import { formList, formRows, formValues, withoutRows, type FormState } from "@/lib/form";
import { runFormMutation } from "@/lib/form-actions";
import { recordSignoff, resolveCondition } from "@/lib/signoffs/mutations";
import { createRequiredSignoff, removeRequiredSignoff, updateRequiredSignoff } from "@/lib/signoffs/role-mutations";
import { verdictLabels } from "@/lib/labels";

export async function recordSignoffAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { ...withoutRows(values, "conditions"), conditions: formRows(values, "conditions") };
  // The password is never echoed back into the form.
  const { password: _password, ...echo } = values;
  return runFormMutation(
    recordSignoff,
    echo,
    (result) => ({ status: "success", message: result.isRepeat ? "That sign-off was already recorded." : `Recorded: ${verdictLabels[values.verdict as keyof typeof verdictLabels] ?? "sign-off"}.` }),
    input,
  );
}

export async function resolveConditionAction(_state: FormState, formData: FormData) {
  return runFormMutation(resolveCondition, formValues(formData), "Condition marked as met.");
}

function roleInput(formData: FormData) {
  const values = formValues(formData);
  return { values: { ...values, assigneeIds: formList(formData, "assigneeIds").join(",") }, input: { ...values, assigneeIds: formList(formData, "assigneeIds") } };
}

export async function createRoleAction(_state: FormState, formData: FormData) {
  const { values, input } = roleInput(formData);
  return runFormMutation(createRequiredSignoff, values, "Role added.", input);
}

export async function updateRoleAction(_state: FormState, formData: FormData) {
  const { values, input } = roleInput(formData);
  return runFormMutation(updateRequiredSignoff, values, (result) => ({
    status: "success",
    message: result.signoffsReset > 0
      ? `Role saved. What it must review changed, so ${result.signoffsReset} earlier sign-off${result.signoffsReset === 1 ? " was" : "s were"} reset and must be given again.`
      : "Role saved.",
  }), input);
}

export async function removeRoleAction(_state: FormState, formData: FormData) {
  return runFormMutation(removeRequiredSignoff, formValues(formData), "Role removed; its sign-offs stay in the history.");
}
