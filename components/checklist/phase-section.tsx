import { ItemForm } from "@/components/checklist/item-form";
import { ItemRow } from "@/components/checklist/item-row";
import { PhaseForm } from "@/components/checklist/phase-form";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { InlineAction } from "@/components/ui/inline-action";
import { MoveButtons } from "@/components/ui/move-buttons";
import { createItemAction, deletePhaseAction, movePhaseAction, updatePhaseAction } from "@/lib/checklist/actions";
import type { ChecklistPhase } from "@/lib/checklist/queries";

type Option = { value: string; label: string };

type Props = {
  phase: ChecklistPhase;
  releaseId: string;
  now: Date;
  canEdit: boolean;
  canProgress: boolean;
  isFiltered: boolean;
  isFirst: boolean;
  isLast: boolean;
  categories: Option[];
  assignees: Option[];
};

const detailsClasses = "rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800 [&_summary]:cursor-pointer [&_summary]:text-sm [&_summary]:font-medium [&_summary]:text-sky-800 dark:[&_summary]:text-sky-300";

export function PhaseSection({ phase, releaseId, now, canEdit, canProgress, isFiltered, isFirst, isLast, categories, assignees }: Props) {
  const headingId = `phase-${phase.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold">{phase.name}</h2>
          {phase.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{phase.description}</p> : null}
        </div>
        <div className="flex items-center gap-3">
          <div className="w-56">
            <ProgressSummary progress={phase.progress} label={`Progress of ${phase.name}`} compact />
          </div>
          {canEdit ? (
            <div className="flex gap-1">
              <MoveButtons action={movePhaseAction} id={phase.id} name={`phase ${phase.name}`} canMoveUp={!isFirst} canMoveDown={!isLast} />
            </div>
          ) : null}
        </div>
      </div>
      {phase.items.length > 0 && phase.items.length < phase.matching ? (
        <p className="border-b border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Items {phase.firstIndex + 1}–{phase.firstIndex + phase.items.length} of {phase.matching} in this phase; the rest are on the {phase.firstIndex > 0 ? "previous" : "next"} page.
        </p>
      ) : null}
      {phase.items.length > 0 ? (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label={`Items in ${phase.name}`}>
          {phase.items.map((item, index) => (
            <ItemRow
              key={item.id}
              item={item}
              releaseId={releaseId}
              now={now}
              canProgress={canProgress}
              canEdit={canEdit && !isFiltered}
              isFirst={phase.firstIndex + index === 0}
              isLast={phase.firstIndex + index === phase.matching - 1}
            />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
          {isFiltered ? "No items in this phase match the filters." : "No items in this phase yet."}
        </p>
      )}
      {canEdit ? (
        <div className="space-y-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
          <details className={detailsClasses}>
            <summary>Add an item to {phase.name}</summary>
            <div className="pt-3">
              <ItemForm action={createItemAction} hidden={{ releaseId, phaseId: phase.id }} categories={categories} assignees={assignees} submitLabel="Add item" compact anchor={headingId} />
            </div>
          </details>
          <details className={detailsClasses}>
            <summary>Edit or delete phase</summary>
            <div className="space-y-3 pt-3">
              <PhaseForm action={updatePhaseAction} hidden={{ id: phase.id, version: phase.version }} initial={phase} submitLabel="Save phase" anchor={headingId} />
              <InlineAction
                action={deletePhaseAction}
                anchor={headingId}
                fields={{ id: phase.id, version: phase.version }}
                label="Delete phase and its items"
                variant="danger"
                confirm={`Delete the phase “${phase.name}” and all ${phase.progress.total} of its items? This cannot be undone.`}
              />
            </div>
          </details>
        </div>
      ) : null}
    </section>
  );
}
