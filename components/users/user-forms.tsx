"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/lib/users/actions";
import { idleState } from "@/lib/form";
import { roleLabels } from "@/lib/permissions";
import { toOptions } from "@/lib/labels";

const roleOptions = toOptions(roleLabels);

export function CreateUserForm() {
  const [state, formAction] = useActionState(createUserAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" state={state} required maxLength={100} />
        <Field label="E-mail" name="email" type="email" state={state} required autoComplete="off" />
        <Field label="Role" name="role" as="select" options={roleOptions} state={state} initial="VIEWER" />
        <Field label="Initial password" name="password" type="password" state={state} required autoComplete="new-password" hint="At least 12 characters; share it with the user privately." />
      </div>
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
    </form>
  );
}

export function EditUserForm({ user }: { user: { id: string; name: string; role: string } }) {
  const [state, formAction] = useActionState(updateUserAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={user.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" state={state} initial={user.name} required maxLength={100} />
        <Field label="Role" name="role" as="select" options={roleOptions} state={state} initial={user.role} hint="A role change signs the user out everywhere." />
      </div>
      <SubmitButton pendingLabel="Saving…">Save user</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={userId} />
      <Field label="New password" name="password" type="password" state={state} required autoComplete="new-password" hint="At least 12 characters. The user is signed out everywhere." />
      <SubmitButton variant="secondary" pendingLabel="Resetting…">Reset password</SubmitButton>
    </form>
  );
}
