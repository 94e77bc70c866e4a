import clsx from "clsx";
import { describeProgress, type Progress } from "@/lib/checklist/rules";

/** A progress bar with its numbers in words, for sighted and screen-reader users alike. */
export function ProgressSummary({ progress, label, compact = false }: { progress: Progress; label: string; compact?: boolean }) {
  const percent = progress.percent ?? 0;
  const text = describeProgress(progress);
  return (
    <div className={clsx("min-w-0", compact ? "space-y-1" : "space-y-1.5")}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent ?? undefined}
        aria-valuetext={text}
        className={clsx("w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800", compact ? "h-1.5" : "h-2.5")}
      >
        <div
          className={clsx("h-full rounded-full", progress.blockingOpen > 0 ? "bg-amber-500" : "bg-emerald-600")}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className={clsx("text-slate-700 dark:text-slate-300", compact ? "text-xs" : "text-sm")}>
        {text}
      </p>
    </div>
  );
}
