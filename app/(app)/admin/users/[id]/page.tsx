import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/layout/forbidden";
import { EditUserForm, ResetPasswordForm } from "@/components/users/user-forms";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { resetTwoStepAction, setUserDisabledAction } from "@/lib/users/actions";
import { getUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  if (!can(viewer, "users:manage")) return <Forbidden />;
  const user = await getUser((await params).id);
  if (!user) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm text-slate-500 dark:text-slate-400"><Link href="/admin/users" className="hover:underline">Users</Link> /</p>
      <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
      <p className="text-sm">{user.email}{user.disabledAt ? " · disabled" : ""}</p>
      <Card title="Name and role" id="profile"><EditUserForm user={user} /></Card>
      <Card title="Password" id="password">
        {user.hasPassword ? null : <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">This user signs in through single sign-on ({user.identities} linked) and has no password. Setting one lets them sign in and confirm sign-offs with it.</p>}
        <ResetPasswordForm userId={user.id} />
      </Card>
      {user.hasTwoStep ? (
        <Card title="Two-step sign-in" id="two-step">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">On. Reset it when the user has lost their authenticator; they are signed out and can set it up again.</p>
          <InlineAction action={resetTwoStepAction} fields={{ id: user.id }} label="Reset two-step sign-in" variant="danger" confirm="Reset this user's two-step sign-in?" />
        </Card>
      ) : null}
      <Card title={user.disabledAt ? "Enable account" : "Disable account"} id="state">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          {user.disabledAt ? "The user can sign in again once enabled." : "A disabled user is signed out at once and cannot sign in. Their history stays."}
        </p>
        <InlineAction
          action={setUserDisabledAction}
          fields={{ id: user.id, disabled: user.disabledAt ? "false" : "true" }}
          label={user.disabledAt ? "Enable account" : "Disable account"}
          variant={user.disabledAt ? "secondary" : "danger"}
        />
      </Card>
    </div>
  );
}
