import { ItemStatusBadge, PriorityBadge } from "@/components/checklist/badges";
import { Disclosure } from "@/components/ui/disclosure";
import type { ImportWarning } from "@/lib/templates/markdown/types";
import type { ItemPriority, ItemStatus } from "@/lib/generated/prisma/enums";

// The plan an import or a template would create: phases with their items, the sign-off roles,
// and what the importer skipped, guessed or repaired, each with its source line. Presentational.

type PlanItem = {
  title: string;
  status: ItemStatus;
  priority: ItemPriority;
  category: string | null;
  ownerRole: string;
  line?: number;
  dueOffsetDays?: number | null;
  evidence: { url: string; label: string }[];
  subItems: { title: string; status: ItemStatus; priority: ItemPriority }[];
};

type Props = {
  phases: { name: string; line?: number; items: PlanItem[] }[];
  signoffRoles: { roleName: string; evidenceToReview: string; requiredApprovals: number }[];
  warnings?: ImportWarning[];
  /** How many phases are open at first; the rest are folded. */
  openPhases?: number;
};

const warningLabels: Record<ImportWarning["kind"], string> = { skipped: "Skipped", guessed: "Guessed", repaired: "Repaired", adjusted: "Adjusted" };

function dueLabel(offset: number | null | undefined) {
  if (offset === null || offset === undefined) return null;
  if (offset === 0) return "on the target date";
  return `${Math.abs(offset)} ${Math.abs(offset) === 1 ? "day" : "days"} ${offset < 0 ? "before" : "after"} the target date`;
}

export function PlanPreview({ phases, signoffRoles, warnings, openPhases = 3 }: Props) {
  const items = phases.flatMap((phase) => phase.items);
  const subItems = items.reduce((sum, item) => sum + item.subItems.length, 0);
  const done = items.filter((item) => item.status === "DONE").length;
  const blocking = items.filter((item) => item.priority === "BLOCKING").length;
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-6" aria-label="What would be created">
        {[
          ["Phases", phases.length],
          ["Items", items.length],
          ["Sub-items", subItems],
          ["Done", done],
          ["Blocking", blocking],
          ["Sign-off roles", signoffRoles.length],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      {warnings && warnings.length > 0 ? (
        <section aria-labelledby="import-notes" className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
          <h3 id="import-notes" className="font-medium text-amber-950 dark:text-amber-100">
            Check these before importing ({warnings.length})
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-amber-950 dark:text-amber-100">
            {warnings.map((warning, index) => (
              <li key={index}>
                <span className="font-medium">{warningLabels[warning.kind]}</span>
                {warning.line > 0 ? <span className="text-amber-800 dark:text-amber-300"> (line {warning.line})</span> : null}: {warning.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="plan-roles">
        <h3 id="plan-roles" className="font-medium">Required sign-offs</h3>
        {signoffRoles.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None found; roles can be added after the release is created.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {signoffRoles.map((role) => (
              <li key={role.roleName}>
                <span className="font-medium">{role.roleName}</span>
                {role.requiredApprovals > 1 ? ` (${role.requiredApprovals} approvals)` : ""}
                {role.evidenceToReview ? <span className="text-slate-600 dark:text-slate-400">: {role.evidenceToReview.split("\n")[0]}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="plan-phases" className="space-y-2">
        <h3 id="plan-phases" className="font-medium">Phases and items</h3>
        {phases.map((phase, index) => (
          <Disclosure
            key={`${phase.name}-${index}`}
            defaultOpen={index < openPhases}
            className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            summaryClassName="px-3 py-2 font-medium"
            summary={
              <>
                {phase.name} <span className="font-normal text-slate-500 dark:text-slate-400">· {phase.items.length} {phase.items.length === 1 ? "item" : "items"}{phase.line ? `, line ${phase.line}` : ""}</span>
              </>
            }
          >
            <div className="relative overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Items of {phase.name}</caption>
                <thead className="border-y border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-3 py-1.5 font-medium">Item</th>
                    <th scope="col" className="px-3 py-1.5 font-medium">Status</th>
                    <th scope="col" className="px-3 py-1.5 font-medium">Priority</th>
                    <th scope="col" className="px-3 py-1.5 font-medium">Category</th>
                    <th scope="col" className="px-3 py-1.5 font-medium">Owner</th>
                    {phase.items.some((item) => item.line) ? <th scope="col" className="px-3 py-1.5 font-medium">Line</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {phase.items.map((item, itemIndex) => (
                    <tr key={itemIndex} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                      <td className="px-3 py-1.5">
                        <span className="break-words">{item.title}</span>
                        {item.subItems.length > 0 ? (
                          <ul className="mt-1 list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
                            {item.subItems.map((sub, subIndex) => (
                              <li key={subIndex}>
                                {sub.title}
                                {sub.status === "DONE" ? " (done)" : ""}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {item.evidence.length > 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">{item.evidence.length} evidence {item.evidence.length === 1 ? "link" : "links"}</p> : null}
                        {dueLabel(item.dueOffsetDays) ? <p className="text-xs text-slate-600 dark:text-slate-400">Due {dueLabel(item.dueOffsetDays)}</p> : null}
                      </td>
                      <td className="px-3 py-1.5"><ItemStatusBadge status={item.status} /></td>
                      <td className="px-3 py-1.5"><PriorityBadge priority={item.priority} /></td>
                      <td className="px-3 py-1.5">{item.category ?? <span className="text-slate-500">—</span>}</td>
                      <td className="px-3 py-1.5">{item.ownerRole || <span className="text-slate-500">—</span>}</td>
                      {phase.items.some((entry) => entry.line) ? <td className="px-3 py-1.5 tabular-nums text-slate-500 dark:text-slate-400">{item.line}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Disclosure>
        ))}
      </section>
    </div>
  );
}
