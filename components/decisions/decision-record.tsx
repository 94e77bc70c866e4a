import { CriterionMark, DecisionBadge } from "@/components/readiness/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { DecisionSnapshot } from "@/lib/decisions/record";
import type { DecisionDetail } from "@/lib/decisions/queries";
import { formatDay } from "@/lib/format";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid space-y-2">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** The stored record of one decision, as it was at that moment: the printable page's body. */
export function DecisionRecord({ decision, isHashValid }: { decision: DecisionDetail; isHashValid: boolean }) {
  const snapshot = decision.snapshot as DecisionSnapshot;
  const isOverride = decision.overrideReason !== null;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">Go/no-go decision record</p>
        <h1 className="text-2xl font-semibold tracking-tight">{snapshot.release.name} {snapshot.release.version}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <DecisionBadge outcome={decision.outcome} isOverride={isOverride} />
          <span>
            by {decision.decidedBy.name} on <LocalTime date={decision.createdAt} /> · target date then {formatDay(new Date(snapshot.release.targetDate))}
          </span>
        </p>
      </header>
      <Section title="Rationale">
        <p className="whitespace-pre-line text-sm">{decision.rationale}</p>
      </Section>
      {decision.outcome === "NO_GO" ? (
        <>
          <Section title="Blocking reasons"><p className="whitespace-pre-line text-sm">{decision.blockingReasons}</p></Section>
          <Section title="Remediation plan"><p className="whitespace-pre-line text-sm">{decision.remediationPlan}</p></Section>
          {decision.newTargetDate ? <p className="text-sm"><strong>New target date:</strong> {formatDay(decision.newTargetDate)}</p> : null}
        </>
      ) : null}
      {isOverride ? (
        <Section title="Override">
          <p className="text-sm">GO was recorded while criteria were not met. Reason given:</p>
          <p className="whitespace-pre-line rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">{decision.overrideReason}</p>
        </Section>
      ) : null}
      <Section title="Criteria at the time">
        <ul className="space-y-1">
          {snapshot.criteria.map((criterion) => (
            <li key={criterion.key} className="flex items-start gap-2 text-sm">
              <CriterionMark isMet={criterion.isMet} />
              <span><span className="font-medium">{criterion.label}</span> · {criterion.summary}</span>
            </li>
          ))}
        </ul>
        {snapshot.blockingWaived.length > 0 ? (
          <p className="text-sm">Passed by waiver: {snapshot.blockingWaived.map((item) => `${item.title} (${item.reason})`).join("; ")}</p>
        ) : null}
        {snapshot.blockingOpen.length > 0 ? (
          <p className="text-sm">Blocking items open: {snapshot.blockingOpen.map((item) => item.title).join("; ")}</p>
        ) : null}
      </Section>
      <Section title={`Readiness score: ${snapshot.score.display ?? "none"} of 100 (GO at ${snapshot.score.threshold})`}>
        <table className="w-full max-w-lg text-left text-sm">
          <caption className="sr-only">Score by category at the time of the decision</caption>
          <thead>
            <tr className="text-xs uppercase text-slate-500 dark:text-slate-400">
              <th scope="col" className="py-1">Category</th>
              <th scope="col" className="py-1 text-right">Weight</th>
              <th scope="col" className="py-1 text-right">Done</th>
              <th scope="col" className="py-1 text-right">Points</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.score.categories.map((category) => (
              <tr key={category.name}>
                <th scope="row" className="py-0.5 font-normal">{category.name}</th>
                <td className="py-0.5 text-right">{category.weight}%</td>
                <td className="py-0.5 text-right">{category.done}/{category.applicable}</td>
                <td className="py-0.5 text-right">{category.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Sign-offs at the time">
        {snapshot.signoffs.length === 0 ? <p className="text-sm">No sign-offs were required.</p> : (
          <ul className="space-y-2 text-sm">
            {snapshot.signoffs.map((role) => (
              <li key={role.role}>
                <span className="font-medium">{role.role}</span>: {role.state.toLowerCase()} ({role.approvals} of {role.required})
                <ul className="list-disc pl-5">
                  {role.signers.map((signer) => (
                    <li key={signer.name}>{signer.name}: {signer.standingLabel}{signer.signedAt ? `, signed ${signer.signedAt.slice(0, 16).replace("T", " ")} UTC` : ""}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Integrity">
        <p className="text-sm">
          SHA-256 of the record&apos;s canonical JSON: <code className="break-all font-mono text-xs">{decision.contentHash}</code>
        </p>
        <p className="text-sm">{isHashValid ? "✓ The stored record matches its hash." : "✕ The stored record does not match its hash: it was changed after it was recorded."}</p>
      </Section>
    </article>
  );
}
