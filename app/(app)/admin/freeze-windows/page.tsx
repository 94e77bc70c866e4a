import type { Metadata } from "next";
import { Forbidden } from "@/components/layout/forbidden";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { SimpleForm, type FieldSpec } from "@/components/ui/simple-form";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { createFreezeWindowAction, deleteFreezeWindowAction, updateFreezeWindowAction } from "@/lib/plans/actions";
import { listFreezeWindows } from "@/lib/plans/queries";
import { instantToLocal } from "@/lib/plans/time";
import { listTimeZones } from "@/lib/plans/time-zones";

export const metadata: Metadata = { title: "Freeze windows" };

function windowFields(window?: { name: string; reason: string; startsAt: string; endsAt: string; timeZone: string }): FieldSpec[] {
  return [
    { name: "name", label: "Name", required: true, maxLength: 120, initial: window?.name },
    { name: "timeZone", label: "Time zone", as: "select", options: listTimeZones(), initial: window?.timeZone ?? "UTC" },
    { name: "startsAt", label: "Starts", type: "datetime-local", required: true, initial: window?.startsAt },
    { name: "endsAt", label: "Ends", type: "datetime-local", required: true, initial: window?.endsAt },
    { name: "reason", label: "Reason", as: "textarea", maxLength: 1000, initial: window?.reason, isWide: true },
  ];
}

/** Periods in which nothing should ship; every release whose target date or deployment step falls inside one is flagged. */
export default async function FreezeWindowsPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "freeze:manage")) return <Forbidden />;
  const windows = await listFreezeWindows();
  const now = new Date();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Freeze windows</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Releases whose target date or deployment steps fall inside a window are flagged on their timeline.</p>
      </div>
      <Card title="Windows" id="windows">
        {windows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No freeze windows.</p> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {windows.map((window) => {
              const local = { name: window.name, reason: window.reason, timeZone: window.timeZone, startsAt: instantToLocal(window.startsAt, window.timeZone), endsAt: instantToLocal(window.endsAt, window.timeZone) };
              return (
                <li key={window.id} className="space-y-1 py-3 text-sm">
                  <p>
                    <strong>{window.name}</strong>: {local.startsAt.replace("T", " ")} to {local.endsAt.replace("T", " ")} ({window.timeZone})
                    {window.endsAt < now ? <span className="text-slate-500 dark:text-slate-400"> · past</span> : null}
                  </p>
                  {window.reason ? <p className="text-slate-600 dark:text-slate-400">{window.reason}</p> : null}
                  <p className="text-xs text-slate-500 dark:text-slate-400">Added by {window.createdBy.name}</p>
                  <Disclosure summary={`Edit “${window.name}”`}>
                    <div className="mt-2 space-y-2">
                      <SimpleForm action={updateFreezeWindowAction} hidden={{ id: window.id, version: window.version }} fields={windowFields(local)} submitLabel="Save window" />
                      <InlineAction action={deleteFreezeWindowAction} fields={{ id: window.id, version: window.version }} label="Delete window" variant="danger" confirm={`Delete the freeze window “${window.name}”?`} />
                    </div>
                  </Disclosure>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Add a freeze window" id="add-window">
        <SimpleForm action={createFreezeWindowAction} fields={windowFields()} submitLabel="Add freeze window" />
      </Card>
    </div>
  );
}
