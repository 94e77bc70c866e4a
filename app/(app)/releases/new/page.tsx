import type { Metadata } from "next";
import { Forbidden } from "@/components/layout/forbidden";
import { ReleaseForm } from "@/components/releases/release-form";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { createReleaseAction } from "@/lib/releases/actions";

export const metadata: Metadata = { title: "New release" };

export default async function NewReleasePage() {
  const viewer = await requireViewer();
  if (!can(viewer, "release:create")) return <Forbidden />;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New release</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <ReleaseForm action={createReleaseAction} submitLabel="Create release" />
      </div>
    </div>
  );
}
