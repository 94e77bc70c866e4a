import { getSignConfirmation } from "@/lib/account/queries";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseHeader } from "@/components/releases/release-header";
import { RoleCard } from "@/components/signoffs/role-card";
import { RoleForm } from "@/components/signoffs/role-form";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress } from "@/lib/checklist/queries";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";
import { createRoleAction } from "@/lib/signoffs/actions";
import { getSignoffBoard, listSigners } from "@/lib/signoffs/queries";

export const metadata: Metadata = { title: "Sign-offs" };

type Props = { params: Promise<{ id: string }> };

export default async function SignoffsPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, board, progress, signers, confirmation] = await Promise.all([getRelease(id), getSignoffBoard(id, viewer), getReleaseProgress(id), listSigners(), getSignConfirmation(viewer)]);
  if (!release || !board) notFound();
  const canConfigure = can(viewer, "signoff:configure");
  const people = signers.map((user) => ({ value: user.id, label: user.name }));
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="signoffs" canEdit={can(viewer, "release:edit")} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {board.separationOfDuties
          ? "Separation of duties is on: the release owner, and whoever last changed a blocking item, may reject but not approve."
          : "Separation of duties is relaxed for this release (see its history for who relaxed it and why)."}{" "}
        A change to a blocking item after a sign-off makes that sign-off stale until its signer re-confirms.
      </p>
      {!board.isOpen ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm dark:border-slate-700 dark:bg-slate-800">
          This release is closed or archived: its sign-offs are read-only.
        </p>
      ) : null}
      {board.roles.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No sign-offs are required yet.{canConfigure && board.isOpen ? " Add the roles that must sign below." : ""}
        </p>
      ) : null}
      {board.roles.map((role) => (
        <RoleCard key={role.role.id} board={board} role={role} viewer={viewer} canConfigure={canConfigure} people={people} confirmation={confirmation} />
      ))}
      {canConfigure && board.isOpen ? (
        <Card title="Add a required role" id="add-role">
          <RoleForm action={createRoleAction} hidden={{ releaseId: id }} people={people} submitLabel="Add role" />
        </Card>
      ) : null}
    </div>
  );
}
