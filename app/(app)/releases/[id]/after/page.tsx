import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowUpForm } from "@/components/plans/follow-up-form";
import { criterionFields, incidentFields } from "@/components/plans/timeline-fields";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { LocalTime } from "@/components/ui/local-time";
import { SimpleForm } from "@/components/ui/simple-form";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress } from "@/lib/checklist/queries";
import { formatDay } from "@/lib/format";
import { criterionLevelLabels, outcomeLabels, severityLabels, toOptions } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { checkCriterionAction, createCriterionAction, createIncidentAction, deleteCriterionAction, recordOutcomeAction, updateIncidentAction } from "@/lib/plans/actions";
import { getAfterRelease } from "@/lib/plans/queries";
import { instantToLocal } from "@/lib/plans/time";
import { getRelease } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "After the release" };

type Props = { params: Promise<{ id: string }> };

const levels = ["MUST", "SHOULD", "NICE"] as const;

export default async function AfterReleasePage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, after, progress] = await Promise.all([getRelease(id), getAfterRelease(id), getReleaseProgress(id)]);
  if (!release || !after) notFound();
  const isOpen = !release.archivedAt;
  const canEdit = can(viewer, "plan:edit") && isOpen;
  const canRecord = can(viewer, "incident:record") && isOpen;
  const zone = after.timeZone;
  const local = (date: Date | null) => (date ? instantToLocal(date, zone) : "");
  const isOut = after.status === "RELEASED" || after.status === "ROLLED_BACK";
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="after" canEdit={can(viewer, "release:edit")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Watch window" id="watch">
          {after.watch.state === "not-released" ? (
            <p className="text-sm">The {after.watchDays}-day watch window starts when the release is marked Released in its <Link href={`/releases/${id}/edit`} className="text-sky-800 underline dark:text-sky-300">settings</Link>.</p>
          ) : after.watch.state === "watching" ? (
            <p className="text-sm"><Badge tone="info" symbol="◐">Watching</Badge> {after.watch.daysLeft} {after.watch.daysLeft === 1 ? "day" : "days"} left, until <LocalTime date={after.watch.endsAt} />.</p>
          ) : (
            <p className="text-sm"><Badge tone="muted" symbol="✓">Over</Badge> The watch window ended <LocalTime date={after.watch.endsAt} />.</p>
          )}
          {after.releasedAt ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Released <LocalTime date={after.releasedAt} />.</p> : null}
        </Card>
        <Card title="Outcome" id="outcome">
          <p className="text-sm">{after.outcome ? <><strong>{outcomeLabels[after.outcome]}</strong>{after.outcomeNote ? `: ${after.outcomeNote}` : ""}</> : "Not recorded yet."}</p>
          {canEdit && isOut ? (
            <Disclosure summary="Record the outcome" className="mt-3" defaultOpen={!after.outcome}>
              <div className="mt-2">
                <SimpleForm
                  action={recordOutcomeAction}
                  hidden={{ id, version: after.version }}
                  columns={1}
                  submitLabel="Record outcome"
                  fields={[
                    { name: "outcome", label: "Outcome", as: "select", options: toOptions(outcomeLabels), initial: after.outcome ?? "SUCCESSFUL" },
                    { name: "outcomeNote", label: "Note", as: "textarea", maxLength: 5000, initial: after.outcomeNote },
                    { name: "watchDays", label: "Watch window (days)", type: "number", initial: String(after.watchDays) },
                  ]}
                />
              </div>
            </Disclosure>
          ) : null}
        </Card>
      </div>
      <Card title={`Incidents (${after.incidents.length})`} id="incidents">
        {after.incidents.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No incidents recorded.</p> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {after.incidents.map((incident) => (
              <li key={incident.id} className="space-y-1 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={incident.severity === "P0" || incident.severity === "P1" ? "danger" : "warning"} symbol="!">{incident.severity}</Badge>
                  <span className="font-medium">{incident.title}</span>
                  {incident.resolvedAt ? <Badge tone="success" symbol="✓">Resolved</Badge> : <Badge tone="danger" symbol="○">Open</Badge>}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {severityLabels[incident.severity]} · opened <LocalTime date={incident.openedAt} />
                  {incident.resolvedAt ? <> · resolved <LocalTime date={incident.resolvedAt} /> after {Math.round((incident.resolvedAt.getTime() - incident.openedAt.getTime()) / 60_000)} minutes</> : null}
                </p>
                {incident.description ? <p className="whitespace-pre-line">{incident.description}</p> : null}
                {incident.followUpItems.length > 0 ? (
                  <p className="text-xs">Follow-up: {incident.followUpItems.map((item, index) => (
                    <span key={item.id}>{index > 0 ? ", " : ""}<Link href={`/releases/${item.release.id}/items/${item.id}`} className="text-sky-800 underline dark:text-sky-300">{item.title}</Link> ({item.release.name})</span>
                  ))}</p>
                ) : null}
                {canRecord ? (
                  <Disclosure summary={`Update “${incident.title}”`}>
                    <div className="mt-2 space-y-4">
                      <SimpleForm action={updateIncidentAction} hidden={{ id: incident.id, version: incident.version }} fields={incidentFields(zone, { ...incident, openedAt: local(incident.openedAt), resolvedAt: local(incident.resolvedAt) })} submitLabel="Save incident" />
                      {can(viewer, "checklist:edit") ? <FollowUpForm incidentId={incident.id} targets={after.followUpTargets} /> : null}
                    </div>
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canRecord ? (
          <Disclosure summary="Record an incident" className="mt-3">
            <div className="mt-2"><SimpleForm action={createIncidentAction} hidden={{ releaseId: id }} fields={incidentFields(zone)} submitLabel="Record incident" /></div>
          </Disclosure>
        ) : null}
      </Card>
      <Card title="Success criteria" id="criteria">
        {after.criteria.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No success criteria yet.</p> : (
          <div className="space-y-4">
            {levels.map((level) => {
              const entries = after.criteria.filter((criterion) => criterion.level === level);
              if (entries.length === 0) return null;
              return (
                <section key={level} aria-label={criterionLevelLabels[level]}>
                  <h3 className="text-sm font-semibold">{criterionLevelLabels[level]} ({entries.filter((entry) => entry.isMet).length} of {entries.length} met)</h3>
                  <ul className="mt-1 space-y-1">
                    {entries.map((criterion) => (
                      <li key={criterion.id} className="flex flex-wrap items-center gap-2 text-sm">
                        <span aria-hidden="true">{criterion.isMet ? "☑" : "☐"}</span>
                        <span>{criterion.title}</span>
                        <span className="sr-only">{criterion.isMet ? "met" : "not met yet"}</span>
                        {criterion.isMet && criterion.checkedAt ? <span className="text-xs text-slate-500 dark:text-slate-400">met, checked by {criterion.checkedBy?.name ?? "someone"} on {formatDay(criterion.checkedAt)}</span> : null}
                        {canEdit ? (
                          <>
                            <InlineAction action={checkCriterionAction} fields={{ id: criterion.id, version: criterion.version, isMet: criterion.isMet ? "no" : "yes" }} label={criterion.isMet ? "Mark not met" : "Mark met"} accessibleLabel={`${criterion.isMet ? "Mark not met" : "Mark met"}: ${criterion.title}`} />
                            <InlineAction action={deleteCriterionAction} fields={{ id: criterion.id, version: criterion.version }} label="Delete" variant="ghost" accessibleLabel={`Delete: ${criterion.title}`} confirm={`Delete “${criterion.title}”?`} />
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
        {canEdit ? (
          <Disclosure summary="Add a success criterion" className="mt-3">
            <div className="mt-2"><SimpleForm action={createCriterionAction} hidden={{ releaseId: id }} fields={criterionFields} submitLabel="Add criterion" /></div>
          </Disclosure>
        ) : null}
      </Card>
    </div>
  );
}
