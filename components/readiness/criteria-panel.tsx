import Link from "next/link";
import { CriterionMark } from "@/components/readiness/badges";
import type { Readiness } from "@/lib/decisions/rules";
import { formatDay } from "@/lib/format";

type Props = { readiness: Readiness; releaseId?: string; headingLevel?: "h2" | "h3" };

/** The go/no-go criteria as a checklist, the waivers a pass leans on, and what is left to reach GO. */
export function CriteriaPanel({ readiness, releaseId, headingLevel = "h3" }: Props) {
  const Heading = headingLevel;
  return (
    <div className="space-y-4">
      <ul className="space-y-2" aria-label="Go/no-go criteria">
        {readiness.criteria.map((criterion) => (
          <li key={criterion.key} className="flex items-start gap-2 text-sm">
            <CriterionMark isMet={criterion.isMet} />
            <span>
              <span className="font-medium">{criterion.label}</span>
              <span className="text-slate-600 dark:text-slate-400"> · {criterion.summary}</span>
            </span>
          </li>
        ))}
      </ul>
      {readiness.blockingWaived.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <Heading className="font-medium">Blocking items passed by waiver</Heading>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {readiness.blockingWaived.map((item) => (
              <li key={item.id}>
                {releaseId ? <Link href={`/releases/${releaseId}/items/${item.id}`} className="underline">{item.title}</Link> : item.title}
                {": "}
                {item.reason}
                {item.expiresAt ? ` (until ${formatDay(item.expiresAt)})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <Heading className="text-sm font-semibold">{readiness.isReady ? "Ready for GO" : "What is left to reach GO"}</Heading>
        {readiness.isReady ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Every criterion is met.</p>
        ) : (
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
            {readiness.leftToGo.map((step) => <li key={step}>{step}</li>)}
          </ol>
        )}
      </div>
    </div>
  );
}
