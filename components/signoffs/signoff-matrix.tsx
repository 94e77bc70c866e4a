import { RoleStateBadge, StandingBadge } from "@/components/readiness/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { RoleEvaluation } from "@/lib/signoffs/rules";

/** Who must sign and where each of them stands: the sign-off matrix of the overview and the stakeholder view. */
export function SignoffMatrix({ roles }: { roles: RoleEvaluation[] }) {
  if (roles.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No sign-offs are required for this release.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="sr-only">Required sign-offs: each role, its state and each assigned person</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">State</th>
            <th scope="col" className="py-1 font-medium">Signers</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {roles.map((role) => (
            <tr key={role.role.id} className="align-top">
              <th scope="row" className="py-2 pr-3 font-medium">
                {role.role.roleName}
                <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                  {role.approvals} of {role.required} approval{role.required === 1 ? "" : "s"}
                </span>
              </th>
              <td className="py-2 pr-3"><RoleStateBadge state={role.state} /></td>
              <td className="py-2">
                <ul className="space-y-1">
                  {role.signers.map((signer) => (
                    <li key={signer.userId} className="flex flex-wrap items-center gap-2">
                      <span>{signer.name}</span>
                      <StandingBadge standing={signer.standing} />
                      {signer.current ? <span className="text-xs text-slate-500 dark:text-slate-400"><LocalTime date={signer.current.createdAt} /></span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
