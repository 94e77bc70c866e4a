import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RollbackPlanForm } from "@/components/plans/rollback-plan-form";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress } from "@/lib/checklist/queries";
import { formatDay, toDayInput } from "@/lib/format";
import { can } from "@/lib/permissions";
import { trackRehearsalAction } from "@/lib/plans/actions";
import { getRollbackPlan } from "@/lib/plans/queries";
import { describeTrigger } from "@/lib/plans/rules";
import { getRelease } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "Rollback plan" };

type Props = { params: Promise<{ id: string }> };

export default async function RollbackPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, plan, progress] = await Promise.all([getRelease(id), getRollbackPlan(id), getReleaseProgress(id)]);
  if (!release) notFound();
  const canEdit = can(viewer, "plan:edit") && !release.archivedAt;
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="rollback" canEdit={can(viewer, "release:edit")} />
      {plan ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Roll back when" id="triggers">
            {plan.triggers.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No triggers yet.</p> : (
              <ul className="list-disc space-y-1 pl-5 text-sm">{plan.triggers.map((trigger) => <li key={trigger.id}>{describeTrigger(trigger)}</li>)}</ul>
            )}
            <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Who decides</dt><dd>{plan.decider || "not named"}</dd>
              <dt className="font-medium">Decide at the latest</dt><dd>{plan.latestDecisionMinutes === null ? "not set" : `${plan.latestDecisionMinutes} minutes after the deployment starts`}</dd>
              <dt className="font-medium">Last rehearsal</dt>
              <dd>
                {plan.lastRehearsedAt ? formatDay(plan.lastRehearsedAt) : "never"}{" "}
                {plan.isRehearsalCurrent ? <Badge tone="success" symbol="✓">within 30 days</Badge> : <Badge tone="warning" symbol="!">rehearse again</Badge>}
              </dd>
            </dl>
          </Card>
          <Card title="Steps" id="steps">
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {plan.steps.map((step) => (
                <li key={step.id}>{step.description}{step.ownerRole ? ` (${step.ownerRole})` : ""}: <span className="tabular-nums">{step.minutes} min</span></li>
              ))}
            </ol>
            <p className="mt-3 text-sm" role="status">
              Steps take <strong>{plan.timing.totalMinutes} minutes</strong>
              {plan.timing.targetMinutes === null ? " (no target set)." : `; the target is ${plan.timing.targetMinutes} minutes. `}
              {plan.timing.exceedsBy > 0 ? <Badge tone="danger" symbol="!">{plan.timing.exceedsBy} minutes over the target</Badge> : plan.timing.targetMinutes !== null ? <Badge tone="success" symbol="✓">within the target</Badge> : null}
            </p>
          </Card>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">No rollback plan yet.</p>
      )}
      {plan && canEdit ? (
        <Card title="Rehearsal on the checklist" id="rehearsal-item">
          {plan.rehearsalItem ? (
            <p className="text-sm">
              The blocking item <Link href={`/releases/${id}/items/${plan.rehearsalItem.id}`} className="text-sky-800 underline dark:text-sky-300">“Rollback rehearsed within the last 30 days”</Link> follows this plan: it is {plan.rehearsalItem.status === "DONE" ? "done" : "open"} and changes by itself when the rehearsal date changes or ages past 30 days.
            </p>
          ) : (
            <div className="space-y-2 text-sm">
              <p>Make “Rollback rehearsed within the last 30 days” a blocking checklist item that updates itself from this plan.</p>
              <InlineAction action={trackRehearsalAction} fields={{ releaseId: id }} label="Add it to the checklist" />
            </div>
          )}
        </Card>
      ) : null}
      {canEdit ? (
        <Card title={plan ? "Edit the rollback plan" : "Write the rollback plan"} id="edit-plan">
          <Disclosure summary={plan ? "Open the plan's form" : "Start the plan"} defaultOpen={!plan}>
            <div className="mt-3">
              <RollbackPlanForm releaseId={id} plan={plan ? { ...plan, lastRehearsedAt: toDayInput(plan.lastRehearsedAt) } : null} />
            </div>
          </Disclosure>
        </Card>
      ) : null}
    </div>
  );
}
