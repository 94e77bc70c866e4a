import Link from "next/link";
import clsx from "clsx";
import type { HeatCell } from "@/lib/plans/rules";
import { impactLabels, likelihoodLabels } from "@/lib/labels";

type Props = { grid: HeatCell[][]; hrefFor?: (cell: HeatCell) => string; caption?: string };

const impactsInOrder = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

/**
 * Open risks by likelihood (rows) and impact (columns). The table is its own text equivalent;
 * critical cells carry a "!" as well as their colour, and each count links to its risks.
 */
export function RiskHeatMap({ grid, hrefFor, caption = "Open risks by likelihood and impact" }: Props) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[20rem] table-fixed border-separate border-spacing-1 text-center text-sm">
        <caption className="mb-1 text-left text-xs text-slate-600 dark:text-slate-400">{caption}. Cells marked ! fail the go/no-go criterion.</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left text-xs font-medium text-slate-500 dark:text-slate-400">
              <span className="sr-only">Likelihood by impact</span>
              <span aria-hidden="true">Likelihood ↓ / impact →</span>
            </th>
            {impactsInOrder.map((impact) => <th key={impact} scope="col" className="text-xs font-medium">{impactLabels[impact]}</th>)}
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row[0]!.likelihood}>
              <th scope="row" className="text-left text-xs font-medium">{likelihoodLabels[row[0]!.likelihood]}</th>
              {row.map((cell) => {
                const count = cell.riskIds.length;
                const label = `${count} open ${count === 1 ? "risk" : "risks"} with ${likelihoodLabels[cell.likelihood].toLowerCase()} likelihood and ${impactLabels[cell.impact].toLowerCase()} impact${cell.isCritical ? ", critical" : ""}`;
                const content = (
                  <>
                    <span aria-hidden="true">{count}{cell.isCritical && count > 0 ? " !" : ""}</span>
                    <span className="sr-only">{label}</span>
                  </>
                );
                return (
                  <td
                    key={cell.impact}
                    className={clsx(
                      "h-10 rounded font-semibold tabular-nums",
                      count === 0 && "bg-slate-50 text-slate-400 dark:bg-slate-800/50 dark:text-slate-500",
                      count > 0 && cell.isCritical && "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
                      count > 0 && !cell.isCritical && "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
                    )}
                  >
                    {count > 0 && hrefFor ? <Link href={hrefFor(cell)} className="block py-2 underline">{content}</Link> : content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
