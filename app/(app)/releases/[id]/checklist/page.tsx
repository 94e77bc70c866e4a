import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChecklistFilters } from "@/components/checklist/checklist-filters";
import { ChecklistPages } from "@/components/checklist/checklist-pages";
import { Pager } from "@/components/ui/pager";
import { PhaseForm } from "@/components/checklist/phase-form";
import { PhaseSection } from "@/components/checklist/phase-section";
import { ReleaseHeader } from "@/components/releases/release-header";
import { requireViewer } from "@/lib/auth";
import { createPhaseAction } from "@/lib/checklist/actions";
import { getChecklist, listAssignees } from "@/lib/checklist/queries";
import { checklistFilterSchema } from "@/lib/checklist/schemas";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const release = await getRelease((await params).id);
  return { title: release ? `${release.name} ${release.versionName}` : "Release not found" };
}

export default async function ChecklistPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const release = await getRelease(id);
  if (!release) notFound();
  const query = await searchParams;
  const filter = checklistFilterSchema.parse(query);
  const [checklist, users] = await Promise.all([getChecklist(id, filter, Number(query.page ?? 1)), listAssignees()]);
  const { paging } = checklist;
  const hrefFor = (page: number, hash = "") => {
    const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (page > 1) params.set("page", String(page));
    return `/releases/${id}/checklist${params.size > 0 ? `?${params}` : ""}${hash}`;
  };
  const isPaged = paging.pageCount > 1;
  // On a paged checklist, a page shows the phases its items belong to; phases with no matching
  // item come last, after the last page's items.
  const shownPhases = isPaged
    ? checklist.phases.filter((phase) => phase.items.length > 0 || (phase.matching === 0 && paging.page === paging.pageCount))
    : checklist.phases;
  const isOpen = !release.archivedAt;
  const canEdit = isOpen && can(viewer, "checklist:edit");
  const canProgress = isOpen && can(viewer, "item:progress");
  const isFiltered = Object.values(filter).some(Boolean);
  const categories = release.categories.map((category) => ({ value: category.id, label: category.name }));
  const assignees = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={checklist.progress} current="checklist" canEdit={can(viewer, "release:edit")} />
      {release.archivedAt ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm dark:border-slate-700 dark:bg-slate-800">
          This release is archived: its checklist is read-only.
        </p>
      ) : null}
      <ChecklistFilters releaseId={id} filter={filter} assignees={assignees} categories={categories} />
      {checklist.phases.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          This release has no phases yet.{canEdit ? " Add the first one below." : ""}
        </p>
      ) : null}
      {isPaged ? (
        <ChecklistPages paging={paging} phases={checklist.phases} hrefFor={hrefFor} />
      ) : null}
      {shownPhases.map((phase) => (
        <PhaseSection
          key={phase.id}
          phase={phase}
          releaseId={id}
          now={checklist.now}
          canEdit={canEdit}
          canProgress={canProgress}
          isFiltered={isFiltered}
          isFirst={phase.id === checklist.phases[0]?.id}
          isLast={phase.id === checklist.phases.at(-1)?.id}
          categories={categories}
          assignees={assignees}
        />
      ))}
      {isPaged ? <Pager page={paging.page} pageCount={paging.pageCount} hrefFor={hrefFor} label="Checklist pages, bottom" /> : null}
      {canEdit ? (
        <section aria-labelledby="add-phase" className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="add-phase" className="mb-3 text-base font-semibold">Add a phase</h2>
          <PhaseForm action={createPhaseAction} hidden={{ releaseId: id }} submitLabel="Add phase" />
        </section>
      ) : null}
    </div>
  );
}
