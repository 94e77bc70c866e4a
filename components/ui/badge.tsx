import clsx from "clsx";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger" | "muted";

/** A label with a tone and a symbol, so that status never depends on colour alone (`.badge` in `app/globals.css`). */
export function Badge({ tone, symbol, children, className }: { tone: Tone; symbol?: string; children: React.ReactNode; className?: string }) {
  return (
    <span className={clsx("badge", `badge-${tone}`, className)}>
      {symbol ? <span aria-hidden="true">{symbol}</span> : null}
      {children}
    </span>
  );
}
