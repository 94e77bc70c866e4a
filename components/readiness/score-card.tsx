import type { ScoreBreakdown } from "@/lib/releases/score";
import { describeScore } from "@/lib/releases/score";

const formatPoints = (points: number) => (Math.round(points * 10) / 10).toString();

/** The readiness score, its threshold, and how each weighted category makes it up. */
export function ScoreCard({ score }: { score: ScoreBreakdown }) {
  const lent = score.categories.filter((category) => category.completion === null && category.weight > 0);
  const value = score.display ?? 0;
  return (
    <div className="space-y-3">
      <div className="flex items-baseline gap-3">
        <p className="text-4xl font-semibold tabular-nums" aria-hidden="true">{score.display ?? "–"}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <span className="sr-only">Readiness score: </span>
          {describeScore(score)} ·{" "}
          <strong className={score.meetsThreshold ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}>
            {score.meetsThreshold ? "✓ meets the threshold" : "✕ below the threshold"}
          </strong>
        </p>
      </div>
      <div
        role="meter"
        aria-label="Readiness score"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={describeScore(score)}
        className="relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className={score.meetsThreshold ? "h-full bg-emerald-600" : "h-full bg-amber-500"} style={{ width: `${value}%` }} />
        <div className="absolute inset-y-0 w-0.5 bg-slate-900 dark:bg-white" style={{ left: `${score.threshold}%` }} title={`GO at ${score.threshold}`} />
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">How the readiness score is made up</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 font-medium">Category</th>
            <th scope="col" className="py-1 text-right font-medium">Weight</th>
            <th scope="col" className="py-1 text-right font-medium">Done</th>
            <th scope="col" className="py-1 text-right font-medium">Points</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {score.categories.map((category) => (
            <tr key={category.id}>
              <th scope="row" className="py-1 font-normal">{category.name}</th>
              <td className="py-1 text-right tabular-nums">{category.weight}%</td>
              <td className="py-1 text-right tabular-nums">{category.applicable === 0 ? "no items" : `${category.done}/${category.applicable}`}</td>
              <td className="py-1 text-right tabular-nums">{formatPoints(category.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lent.length > 0 || score.uncategorized > 0 ? (
        <ul className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
          {lent.length > 0 ? (
            <li>{lent.map((category) => category.name).join(", ")} {lent.length === 1 ? "has" : "have"} no applicable items: {lent.length === 1 ? "its" : "their"} weight is shared by the other categories.</li>
          ) : null}
          {score.uncategorized > 0 ? <li>{score.uncategorized} {score.uncategorized === 1 ? "item has" : "items have"} no category and {score.uncategorized === 1 ? "does" : "do"} not count in the score.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
