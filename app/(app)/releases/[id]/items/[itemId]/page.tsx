import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemStatusBadge } from "@/components/checklist/badges";
import { ItemFacts } from "@/components/checklist/item-facts";
import { ItemForm } from "@/components/checklist/item-form";
import { EvidenceForm, NoteForm } from "@/components/checklist/record-forms";
import { StatusControl } from "@/components/checklist/status-control";
import { WaiveForm } from "@/components/checklist/waive-form";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { requireViewer } from "@/lib/auth";
import { createItemAction, deleteItemAction, removeEvidenceAction, updateItemAction } from "@/lib/checklist/actions";
import { getItem, listAssignees } from "@/lib/checklist/queries";
import { formatDay, toDayInput } from "@/lib/format";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";

type Props = { params: Promise<{ id: string; itemId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, itemId } = await params;
  const item = await getItem(id, itemId);
  return { title: item?.title ?? "Item not found" };
}

export default async function ItemPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id, itemId } = await params;
  const [release, item, users] = await Promise.all([getRelease(id), getItem(id, itemId), listAssignees()]);
  if (!release || !item) notFound();
  const isOpen = !release.archivedAt;
  const canEdit = isOpen && can(viewer, "checklist:edit");
  const canProgress = isOpen && can(viewer, "item:progress");
  const canWaive = isOpen && can(viewer, "item:waive") && item.status !== "WAIVED";
  const categories = release.categories.map((category) => ({ value: category.id, label: category.name }));
  const assignees = users.map((user) => ({ value: user.id, label: user.name }));
  const now = new Date();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <Link href={`/releases/${id}/checklist`} className="hover:underline">{release.name} {release.versionName}</Link>
          {" / "}{item.phase.name}
          {item.parent ? <> / <Link href={`/releases/${id}/items/${item.parent.id}`} className="hover:underline">{item.parent.title}</Link></> : null}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{item.title}</h1>
          {canProgress && !item.managedBy ? <StatusControl itemId={item.id} version={item.version} status={item.status} title={item.title} canChange /> : null}
        </div>
        {item.managedBy ? (
          <p className="text-sm">
            <Badge tone="info" symbol="↻">Follows the rollback plan</Badge>{" "}
            Its status changes by itself from the plan&apos;s last rehearsal date. <Link href={`/releases/${id}/rollback`} className="text-sky-800 underline dark:text-sky-300">Open the rollback plan</Link>
          </p>
        ) : null}
        {item.isAutomated ? (
          <p className="text-sm" data-testid="automation">
            <Badge tone="info" symbol="⚙">Fed by automation</Badge>{" "}
            {item.automationKey ? <>Key <code className="font-mono">{item.automationKey}</code>. </> : null}
            {item.automatedAt ? (
              <>
                Last set by {item.automatedBy ?? "an API token"} <LocalTime date={item.automatedAt} />
                {item.evidence.length > 0 ? ", with the evidence below" : ""}.
              </>
            ) : (
              "Not reported by automation yet."
            )}
            {item.overriddenAt ? (
              <>
                {" "}
                <Badge tone="warning" symbol="✋">Overridden by hand</Badge> <LocalTime date={item.overriddenAt} />
                {item.lastChangedBy ? ` by ${item.lastChangedBy.name}` : ""}; the next automated report replaces it.
              </>
            ) : null}
          </p>
        ) : null}
        {item.sourceIncident ? (
          <p className="text-sm">
            Follow-up of the {item.sourceIncident.severity} incident{" "}
            <Link href={`/releases/${item.sourceIncident.releaseId}/after#incidents`} className="text-sky-800 underline dark:text-sky-300">“{item.sourceIncident.title}”</Link>.
          </p>
        ) : null}
        {item.details ? <p className="max-w-3xl whitespace-pre-line text-slate-700 dark:text-slate-300">{item.details}</p> : null}
      </header>

      <Card title="Details" id="facts">
        <ItemFacts
          item={item}
          now={now}
          categoryName={release.categories.find((category) => category.id === item.categoryId)?.name}
          assigneeName={users.find((user) => user.id === item.assigneeId)?.name}
        />
      </Card>

      {item.parentId === null ? (
        <Card title={`Sub-items (${item.subItems.length})`} id="sub-items">
          {item.subItems.length > 0 ? (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {item.subItems.map((sub) => (
                <li key={sub.id} className="flex items-center gap-3 py-2">
                  {canProgress ? <StatusControl itemId={sub.id} version={sub.version} status={sub.status} title={sub.title} canChange /> : <ItemStatusBadge status={sub.status} />}
                  <Link href={`/releases/${id}/items/${sub.id}`} className="hover:underline">{sub.title}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">No sub-items.</p>
          )}
          {canEdit ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-sky-800 dark:text-sky-300">Add a sub-item</summary>
              <div className="pt-3">
                <ItemForm action={createItemAction} hidden={{ releaseId: id, phaseId: item.phaseId, parentId: item.id }} categories={categories} assignees={assignees} submitLabel="Add sub-item" compact />
              </div>
            </details>
          ) : null}
        </Card>
      ) : null}

      <Card title={`Evidence (${item.evidence.length})`} id="evidence">
        {item.evidence.length > 0 ? (
          <ul className="space-y-2 text-sm">
            {item.evidence.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center gap-2">
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-sky-800 underline dark:text-sky-300">
                  {link.label || link.url}
                </a>
                <span className="text-xs text-slate-500 dark:text-slate-400">added by {link.addedBy.name}, {formatDay(link.createdAt)}</span>
                {canProgress ? <InlineAction action={removeEvidenceAction} fields={{ id: link.id }} label="Remove" accessibleLabel={`Remove evidence ${link.label || link.url}`} variant="ghost" /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No evidence yet.</p>
        )}
        {canProgress ? <div className="mt-4"><EvidenceForm itemId={item.id} /></div> : null}
      </Card>

      <Card title={`Notes (${item.notes.length})`} id="notes">
        {item.notes.length > 0 ? (
          <ul className="space-y-3 text-sm">
            {item.notes.map((note) => (
              <li key={note.id}>
                <p className="whitespace-pre-line">{note.body}</p>
                <p className="text-xs text-slate-500 dark:text-slate-400">{note.author.name}, {formatDay(note.createdAt)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No notes yet.</p>
        )}
        {canProgress ? <div className="mt-4"><NoteForm itemId={item.id} /></div> : null}
      </Card>

      {canEdit ? (
        <Card title="Edit item" id="edit">
          <ItemForm
            action={updateItemAction}
            hidden={{ id: item.id, version: item.version }}
            initial={{
              title: item.title,
              details: item.details,
              priority: item.priority,
              categoryId: item.categoryId ?? "",
              ownerRole: item.ownerRole,
              assigneeId: item.assigneeId ?? "",
              dueDate: toDayInput(item.dueDate),
              estimateMinutes: item.estimateMinutes?.toString() ?? "",
              automationKey: item.automationKey ?? "",
              isAutomated: item.isAutomated,
            }}
            categories={categories}
            assignees={assignees}
            submitLabel="Save item"
          />
        </Card>
      ) : null}

      {canWaive && !item.managedBy ? (
        <Card title="Waive this item" id="waive">
          <WaiveForm itemId={item.id} version={item.version} isBlocking={item.priority === "BLOCKING"} />
        </Card>
      ) : null}

      {canEdit ? (
        <InlineAction
          action={deleteItemAction}
          fields={{ id: item.id, version: item.version }}
          label={item.parentId ? "Delete sub-item" : "Delete item"}
          variant="danger"
          confirm={`Delete “${item.title}”${item.subItems.length ? ` and its ${item.subItems.length} sub-items` : ""}? This cannot be undone.`}
        />
      ) : null}
    </div>
  );
}
