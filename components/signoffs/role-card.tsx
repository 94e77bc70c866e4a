import type { SignConfirmation } from "@/lib/account/queries";
import { randomUUID } from "node:crypto";
import { RoleStateBadge, StandingBadge } from "@/components/readiness/badges";
import { RoleForm } from "@/components/signoffs/role-form";
import { SignoffForm } from "@/components/signoffs/signoff-form";
import { SignoffHistory } from "@/components/signoffs/signoff-history";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { LocalTime } from "@/components/ui/local-time";
import { isPastDueDay } from "@/lib/checklist/rules";
import { formatDay } from "@/lib/format";
import type { Viewer } from "@/lib/permissions";
import { removeRoleAction, resolveConditionAction, updateRoleAction } from "@/lib/signoffs/actions";
import type { SignoffBoard, SignoffBoardRole } from "@/lib/signoffs/queries";
import { blockingChangeLabels, standingLabels } from "@/lib/signoffs/rules";

type Props = {
  board: SignoffBoard;
  role: SignoffBoardRole;
  viewer: Viewer;
  confirmation: SignConfirmation;
  canConfigure: boolean;
  people: { value: string; label: string }[];
};

/** One required role: where each signer stands, what changed since a stale sign-off, the history and the forms. */
export function RoleCard({ board, role, viewer, canConfigure, people, confirmation }: Props) {
  const headingId = `role-${role.role.id}`;
  const viewerSigner = role.signers.find((signer) => signer.userId === viewer.id);
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">{role.role.roleName}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {role.approvals} of {role.required} approval{role.required === 1 ? "" : "s"} needed from {role.role.assignees.length} assigned
          </p>
        </div>
        <RoleStateBadge state={role.state} />
      </header>
      {role.role.evidenceToReview ? (
        <div className="text-sm">
          <h3 className="font-medium">Evidence to review</h3>
          <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{role.role.evidenceToReview}</p>
        </div>
      ) : null}
      <ul className="space-y-3">
        {role.signers.map((signer) => (
          <li key={signer.userId} className="text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{signer.name}</span>
              <StandingBadge standing={signer.standing} />
              {signer.current ? <span className="text-xs text-slate-500 dark:text-slate-400">signed <LocalTime date={signer.current.createdAt} /></span> : null}
            </p>
            {signer.standing === "stale" || signer.standing === "reset" || signer.standing === "overdue" ? (
              <p className="text-xs text-slate-600 dark:text-slate-400">{standingLabels[signer.standing]}</p>
            ) : null}
            {signer.changesSinceSigning.length > 0 ? (
              <div className="mt-1 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950">
                <h3 className="text-xs font-semibold">{signer.userId === viewer.id ? "What changed since you signed" : `What changed since ${signer.name} signed`}</h3>
                <ul className="mt-1 space-y-0.5 text-xs">
                  {signer.changesSinceSigning.map((change) => (
                    <li key={change.id}>
                      {blockingChangeLabels[change.kind]}: <a href={`/releases/${board.releaseId}/items/${change.itemId}`} className="underline">{change.itemTitle}</a>
                      {change.detail ? ` (${change.detail})` : ""} · {change.actor?.name ?? "the rollback plan"}, <LocalTime date={change.createdAt} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {signer.current?.verdict === "CONDITIONAL" ? (
              <ul className="mt-1 space-y-1 text-xs">
                {signer.current.conditions.map((condition) => (
                  <li key={condition.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      Condition: {condition.description} · {condition.ownerName}, due {formatDay(condition.dueDate)} ·{" "}
                      {condition.resolvedAt ? "✓ met" : isPastDueDay(condition.dueDate, new Date()) ? "! overdue" : "open"}
                    </span>
                    {!condition.resolvedAt && board.isOpen && (condition.ownerId === viewer.id || canConfigure) ? (
                      <InlineAction action={resolveConditionAction} fields={{ conditionId: condition.id }} label="Mark met" accessibleLabel={`Mark met: condition “${condition.description}”`} />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {role.unassigned.length > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Not counted, no longer assigned: {role.unassigned.map((record) => record.signerName).join(", ")}
        </p>
      ) : null}
      {viewerSigner && board.isOpen ? (
        <Disclosure
          defaultOpen={viewerSigner.standing === "stale" || viewerSigner.standing === "reset"}
          className="rounded-md border border-sky-200 bg-sky-50/60 p-3 dark:border-sky-900 dark:bg-sky-950/40"
          summaryClassName="cursor-pointer text-sm font-semibold text-sky-900 dark:text-sky-200"
          summary={
            viewerSigner.standing === "stale"
              ? `Re-confirm your sign-off as ${role.role.roleName}`
              : viewerSigner.current
                ? `Sign again as ${role.role.roleName}`
                : `Sign as ${role.role.roleName}`
          }
        >
          <div className="mt-3">
          <SignoffForm
            roleId={role.role.id}
            roleName={role.role.roleName}
            basisRevision={board.blockingRevision}
            supersedesId={role.viewer.head?.id ?? null}
            idempotencyKey={randomUUID()}
            approveBlocker={board.approveBlocker}
            isReconfirm={viewerSigner.standing === "stale"}
            people={people}
            confirmation={confirmation}
          />
          </div>
        </Disclosure>
      ) : null}
      <details>
        <summary className="cursor-pointer text-sm font-medium">History ({role.history.length})</summary>
        <div className="mt-2"><SignoffHistory history={role.history} /></div>
      </details>
      {canConfigure && board.isOpen ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Edit role</summary>
          <div className="mt-3 space-y-4">
            <RoleForm
              action={updateRoleAction}
              hidden={{ id: role.role.id, version: role.roleVersion }}
              people={people}
              initial={{
                roleName: role.role.roleName,
                evidenceToReview: role.role.evidenceToReview,
                requiredApprovals: role.role.requiredApprovals,
                assigneeIds: role.role.assignees.map((assignee) => assignee.id),
              }}
              submitLabel="Save role"
            />
            <InlineAction
              action={removeRoleAction}
              fields={{ id: role.role.id, version: role.roleVersion }}
              label="Remove role"
              variant="danger"
              confirm={`Stop requiring ${role.role.roleName}? Its sign-offs stay in the history.`}
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
