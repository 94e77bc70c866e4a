import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { milestoneFields, stepFields } from "@/components/plans/timeline-fields";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { SimpleForm } from "@/components/ui/simple-form";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress, listAssignees } from "@/lib/checklist/queries";
import { describeDaysUntil, formatDay, toDayInput } from "@/lib/format";
import { milestoneStatusLabels } from "@/lib/labels";
import { can } from "@/lib/permissions";
import {
  createDeploymentStepAction,
  createMilestoneAction,
  deleteDeploymentStepAction,
  deleteMilestoneAction,
  updateDeploymentStepAction,
  updateMilestoneAction,
  updateTimeZoneAction,
} from "@/lib/plans/actions";
import { summarizeConflicts } from "@/lib/plans/freeze";
import { getTimeline } from "@/lib/plans/queries";
import { clockTime, instantToLocal } from "@/lib/plans/time";
import { listTimeZones } from "@/lib/plans/time-zones";
import { getRelease } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "Timeline" };

type Props = { params: Promise<{ id: string }> };

export default async function TimelinePage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, timeline, progress, users] = await Promise.all([getRelease(id), getTimeline(id), getReleaseProgress(id), listAssignees()]);
  if (!release || !timeline) notFound();
  const canEdit = can(viewer, "plan:edit") && !release.archivedAt;
  const people = users.map((user) => ({ value: user.id, label: user.name }));
  const zone = timeline.timeZone;
  const { forecast } = timeline;
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="timeline" canEdit={can(viewer, "release:edit")} />
      {timeline.conflicts.length > 0 ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">! Freeze window conflict</p>
          <ul className="mt-1 list-disc pl-5">{summarizeConflicts(timeline.conflicts).map((sentence) => <li key={sentence}>{sentence}</li>)}</ul>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Countdown" id="countdown">
          <p className="text-3xl font-semibold tabular-nums">{describeDaysUntil(timeline.targetDate, timeline.now)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">to the target date, {formatDay(timeline.targetDate)}.</p>
          <p className="mt-3 text-sm">
            <span className="font-medium">Forecast ready date: </span>
            {forecast.kind === "ready" ? "every applicable item is done." : forecast.kind === "insufficient" ? forecast.reason : (
              <>
                {formatDay(forecast.date)} at {forecast.perDay} items a day,{" "}
                {forecast.daysLate > 0 ? <Badge tone="warning" symbol="!">{forecast.daysLate} days after the target</Badge> : <Badge tone="success" symbol="✓">{forecast.daysLate === 0 ? "on the target" : `${-forecast.daysLate} days before the target`}</Badge>}
              </>
            )}
          </p>
        </Card>
        <Card title="Target date history" id="target-history">
          {timeline.targetChanges.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">The target date has not moved.</p> : (
            <ul className="space-y-2 text-sm">
              {timeline.targetChanges.map((change) => (
                <li key={change.id}><strong>{formatDay(change.fromDate)} → {formatDay(change.toDate)}</strong> by {change.changedBy.name} on {formatDay(change.createdAt)}: {change.reason}</li>
              ))}
            </ul>
          )}
          {can(viewer, "release:edit") ? <Link href={`/releases/${id}/edit`} className="mt-3 inline-block text-sm text-sky-800 underline dark:text-sky-300">Move the target date</Link> : null}
        </Card>
      </div>
      <Card title="Milestones" id="milestones">
        {timeline.milestones.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No milestones yet.</p> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {timeline.milestones.map((milestone) => (
              <li key={milestone.id} className="space-y-1 py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{milestone.title}</span>
                  <span>{formatDay(milestone.dueAt)} ({describeDaysUntil(milestone.dueAt, timeline.now)})</span>
                  <Badge tone={milestone.status === "DONE" ? "success" : milestone.status === "MISSED" ? "danger" : "neutral"} symbol={milestone.status === "DONE" ? "✓" : milestone.status === "MISSED" ? "✕" : "○"}>{milestoneStatusLabels[milestone.status]}</Badge>
                  {milestone.owner ? <span className="text-slate-600 dark:text-slate-400">· {milestone.owner.name}</span> : null}
                </p>
                {canEdit ? (
                  <Disclosure summary={`Edit “${milestone.title}”`}>
                    <div className="mt-2 space-y-2">
                      <SimpleForm action={updateMilestoneAction} hidden={{ id: milestone.id, version: milestone.version }} fields={milestoneFields(people, { ...milestone, dueAt: toDayInput(milestone.dueAt) })} submitLabel="Save milestone" columns={3} />
                      <InlineAction action={deleteMilestoneAction} fields={{ id: milestone.id, version: milestone.version }} label="Delete milestone" variant="danger" confirm={`Delete the milestone “${milestone.title}”?`} />
                    </div>
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <Disclosure summary="Add a milestone" className="mt-3">
            <div className="mt-2"><SimpleForm action={createMilestoneAction} hidden={{ releaseId: id }} fields={milestoneFields(people)} submitLabel="Add milestone" columns={3} /></div>
          </Disclosure>
        ) : null}
      </Card>
      <Card title={`Deployment day (times in ${zone})`} id="schedule">
        {timeline.steps.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No deployment steps yet.</p> : (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <caption className="sr-only">Deployment-day schedule in {zone}</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                <tr><th scope="col" className="py-1 pr-3">Time</th><th scope="col" className="py-1 pr-3">Step</th><th scope="col" className="py-1 pr-3">Duration</th><th scope="col" className="py-1">Owner</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {timeline.steps.map((step) => {
                  const conflict = timeline.conflicts.some((entry) => entry.kind === "step" && entry.step.id === step.id);
                  return (
                    <tr key={step.id} className="align-top">
                      <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{instantToLocal(step.startsAt, zone).slice(0, 10)} {clockTime(step.startsAt, zone)}–{clockTime(step.endsAt, zone)}</td>
                      <td className="py-2 pr-3">
                        {step.title} {conflict ? <Badge tone="danger" symbol="!">in a freeze window</Badge> : null}
                        {canEdit ? (
                          <Disclosure summary={`Edit “${step.title}”`}>
                            <div className="mt-2 space-y-2">
                              <SimpleForm action={updateDeploymentStepAction} hidden={{ id: step.id, version: step.version }} fields={stepFields(zone, { ...step, startsAt: instantToLocal(step.startsAt, zone), endsAt: instantToLocal(step.endsAt, zone) })} submitLabel="Save step" />
                              <InlineAction action={deleteDeploymentStepAction} fields={{ id: step.id, version: step.version }} label="Delete step" variant="danger" confirm={`Delete the step “${step.title}”?`} />
                            </div>
                          </Disclosure>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{Math.round((step.endsAt.getTime() - step.startsAt.getTime()) / 60_000)} min</td>
                      <td className="py-2">{step.ownerRole}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <div className="mt-3 space-y-3">
            <Disclosure summary="Add a step">
              <div className="mt-2"><SimpleForm action={createDeploymentStepAction} hidden={{ releaseId: id }} fields={stepFields(zone)} submitLabel="Add step" /></div>
            </Disclosure>
            <Disclosure summary="Change the time zone">
              <div className="mt-2 max-w-md">
                <SimpleForm action={updateTimeZoneAction} hidden={{ id, version: release.version }} fields={[{ name: "timeZone", label: "Time zone of the deployment", as: "select", options: listTimeZones(), initial: zone }]} submitLabel="Save time zone" columns={1} />
              </div>
            </Disclosure>
          </div>
        ) : null}
      </Card>
      <Card title="Freeze windows ahead" id="freeze-windows">
        {timeline.freezeWindows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No freeze window is planned.</p> : (
          <ul className="space-y-1 text-sm">
            {timeline.freezeWindows.map((window) => (
              <li key={window.id}><strong>{window.name}</strong>: {instantToLocal(window.startsAt, window.timeZone).replace("T", " ")} to {instantToLocal(window.endsAt, window.timeZone).replace("T", " ")} ({window.timeZone}){window.reason ? `, ${window.reason}` : ""}</li>
            ))}
          </ul>
        )}
        {can(viewer, "freeze:manage") ? <Link href="/admin/freeze-windows" className="mt-2 inline-block text-sm text-sky-800 underline dark:text-sky-300">Manage freeze windows</Link> : null}
      </Card>
    </div>
  );
}
