// The readiness gauge as plain SVG, drawn on the server: it sits at the top of the dashboard,
// so it must not wait for (or cost) any chart library.

const cx = 100;
const cy = 100;
const outer = 92;
const inner = 64;

/** The point at `angle` degrees (180 = left end, 0 = right end) on a circle of `radius`. */
function point(angle: number, radius: number): string {
  const radians = (angle * Math.PI) / 180;
  return `${(cx + radius * Math.cos(radians)).toFixed(2)} ${(cy - radius * Math.sin(radians)).toFixed(2)}`;
}

/** The band of the half ring from 0 to `value` (0–100). */
function band(from: number, to: number, radiusOut = outer, radiusIn = inner): string {
  const start = 180 - from * 1.8;
  const end = 180 - to * 1.8;
  return `M ${point(start, radiusOut)} A ${radiusOut} ${radiusOut} 0 0 1 ${point(end, radiusOut)} L ${point(end, radiusIn)} A ${radiusIn} ${radiusIn} 0 0 0 ${point(start, radiusIn)} Z`;
}

/** A half-circle gauge of the score, with the GO threshold marked. */
export function ScoreGauge({ score, threshold, label }: { score: number; threshold: number; label: string }) {
  const value = Math.min(100, Math.max(0, score));
  const meets = score >= threshold;
  return (
    <svg viewBox="0 0 200 104" className="h-full w-full" role="img" aria-label={`${label}: ${value} of 100, GO at ${threshold}`}>
      <path d={band(0, 100)} className="fill-slate-200 dark:fill-slate-700" />
      {value > 0 ? <path d={band(0, value)} fill={meets ? "#047857" : "#d97706"} /> : null}
      <path d={band(Math.max(0, threshold - 0.75), Math.min(100, threshold + 0.75), inner - 2, inner - 14)} className="fill-slate-900 dark:fill-slate-100" />
    </svg>
  );
}
