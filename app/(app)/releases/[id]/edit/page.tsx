import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/layout/forbidden";
import { ReleaseForm } from "@/components/releases/release-form";
import { ReleaseHeader } from "@/components/releases/release-header";
import { ScoreSettingsForm } from "@/components/releases/score-settings-form";
import { SignoffPolicyForm } from "@/components/releases/signoff-policy-form";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { SimpleForm } from "@/components/ui/simple-form";
import { buttonClasses } from "@/components/ui/button";
import { saveAsTemplateAction } from "@/lib/templates/actions";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress } from "@/lib/checklist/queries";
import { formatDay, toDayInput } from "@/lib/format";
import { releaseStatusLabels } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { archiveReleaseAction, updateReleaseAction } from "@/lib/releases/actions";
import { listOwnerCandidates, getRelease } from "@/lib/releases/queries";
import { editableStatuses } from "@/lib/releases/schemas";

export const metadata: Metadata = { title: "Release settings" };

type Props = { params: Promise<{ id: string }> };

export default async function EditReleasePage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const release = await getRelease(id);
  if (!release) notFound();
  if (!can(viewer, "release:edit")) return <Forbidden />;
  const [progress, owners] = await Promise.all([getReleaseProgress(id), listOwnerCandidates()]);
  const statusOptions: { value: string; label: string }[] = editableStatuses.map((status) => ({ value: status, label: releaseStatusLabels[status] }));
  if (release.status === "GO" || release.status === "NO_GO") {
    statusOptions.unshift({ value: release.status, label: `${releaseStatusLabels[release.status]} (set by the last decision)` });
  }
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="edit" canEdit />
      {release.archivedAt ? (
        <p role="status" className="text-sm">This release is archived. Restore it to edit it.</p>
      ) : (
        <Card title="Release settings" id="settings">
          <ReleaseForm
            action={updateReleaseAction}
            submitLabel="Save release"
            statusOptions={statusOptions}
            ownerOptions={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
            initial={{
              id: release.id,
              version: release.version,
              name: release.name,
              versionName: release.versionName,
              description: release.description,
              targetDate: toDayInput(release.targetDate),
              status: release.status,
              ownerId: release.ownerId,
            }}
          />
        </Card>
      )}
      {!release.archivedAt ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Readiness score" id="score-settings">
            <ScoreSettingsForm
              releaseId={release.id}
              version={release.version}
              threshold={release.goThreshold}
              categories={release.categories}
            />
          </Card>
          <Card title="Sign-off policy" id="signoff-policy">
            <SignoffPolicyForm releaseId={release.id} version={release.version} isOn={release.separationOfDuties} />
          </Card>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {can(viewer, "template:create") ? (
          <Card title="Keep as a template" id="save-template">
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              The phases, items and sign-off roles, without statuses or evidence; due dates are kept relative to the target date.
            </p>
            <SimpleForm
              action={saveAsTemplateAction}
              hidden={{ releaseId: release.id }}
              columns={1}
              ariaLabel="Keep as a template"
              submitLabel="Save as template"
              fields={[
                { name: "name", label: "Template name", required: true, maxLength: 120, initial: release.name },
                { name: "description", label: "Description", as: "textarea", maxLength: 2000 },
              ]}
            />
          </Card>
        ) : null}
        <Card title="Export" id="export">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            The release as Markdown, to paste into a wiki or keep with the release&apos;s paperwork: phases, items with their status, priority and owner, evidence links, sign-offs and the decision. It can be imported again.
          </p>
          <a href={`/releases/${release.id}/export.md`} className={buttonClasses("secondary")} download>
            Download Markdown
          </a>
        </Card>
      </div>
      <Card title="Target date history" id="slips">
        {release.targetDateChanges.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">The target date has not moved.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {release.targetDateChanges.map((change) => (
              <li key={change.id}>
                <strong>{formatDay(change.fromDate)} → {formatDay(change.toDate)}</strong> by {change.changedBy.name} on {formatDay(change.createdAt)}: {change.reason}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {can(viewer, "release:archive") ? (
        <Card title={release.archivedAt ? "Restore" : "Archive"} id="archive">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {release.archivedAt
              ? "Restoring puts the release back on the releases page and makes it editable."
              : "An archived release is hidden from the releases page and becomes read-only. Nothing is deleted."}
          </p>
          <InlineAction
            action={archiveReleaseAction}
            fields={{ id: release.id, version: release.version }}
            label={release.archivedAt ? "Restore release" : "Archive release"}
            variant={release.archivedAt ? "secondary" : "danger"}
            confirm={release.archivedAt ? undefined : `Archive ${release.name}? It becomes read-only.`}
          />
        </Card>
      ) : null}
    </div>
  );
}
