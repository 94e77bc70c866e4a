import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth";
import { getChecklist } from "@/lib/checklist/queries";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const release = await getRelease((await params).id);
  return { title: release ? `${release.name} ${release.versionName}` : "Release not found" };
}

/** The release at a glance: where each phase stands. */
export default async function ReleaseOverviewPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const release = await getRelease(id);
  if (!release) notFound();
  const checklist = await getChecklist(id, {});
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={checklist.progress} current="overview" canEdit={can(viewer, "release:edit")} />
      <Card title="Progress by phase" id="phase-progress">
        {checklist.phases.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No phases yet. <Link href={`/releases/${id}/checklist`} className="text-sky-800 underline dark:text-sky-300">Open the checklist</Link> to add them.
          </p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {checklist.phases.map((phase) => (
              <li key={phase.id} className="min-w-0">
                <p className="mb-1 truncate text-sm font-medium">{phase.name}</p>
                <ProgressSummary progress={phase.progress} label={`${phase.name} progress`} compact />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
