import type { Metadata } from "next";
import { Forbidden } from "@/components/layout/forbidden";
import { ImportForm } from "@/components/templates/import-form";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import a release plan" };

export default async function ImportPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "release:create")) return <Forbidden />;
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Import a release plan</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Bring a checklist written in Markdown (a wiki page, a README, a release plan): you see what it would create, with everything the importer skipped or guessed and its line, before anything is saved.
        The same preview runs in CI with <code className="font-mono">npm run import:preview -- plan.md</code>.
      </p>
      <ImportForm defaultTargetDate={inTwoWeeks} />
    </div>
  );
}
