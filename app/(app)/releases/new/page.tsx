import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/layout/forbidden";
import { ReleaseForm } from "@/components/releases/release-form";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { createReleaseAction } from "@/lib/releases/actions";
import { listTemplates } from "@/lib/templates/queries";

export const metadata: Metadata = { title: "New release" };

type Props = { searchParams: Promise<{ template?: string }> };

export default async function NewReleasePage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer, "release:create")) return <Forbidden />;
  const [{ template }, templates] = await Promise.all([searchParams, listTemplates({ includeRetired: false })]);
  const templateOptions = [
    { value: "", label: "A blank release" },
    ...templates.map((entry) => ({ value: entry.id, label: entry.counts ? `${entry.name} (${entry.counts.phases} phases, ${entry.counts.items} items)` : entry.name })),
  ];
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New release</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Start blank or from one of the <Link href="/templates" className="text-sky-700 underline dark:text-sky-400">templates</Link>, or{" "}
        <Link href="/releases/import" className="text-sky-700 underline dark:text-sky-400">import a plan written in Markdown</Link>.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <ReleaseForm
          action={createReleaseAction}
          submitLabel="Create release"
          templateOptions={templateOptions}
          initialTemplateId={templates.some((entry) => entry.id === template) ? template : ""}
        />
      </div>
    </div>
  );
}
