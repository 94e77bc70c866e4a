"use client";

import { useState } from "react";

type Props = { summary: React.ReactNode; defaultOpen?: boolean; className?: string; summaryClassName?: string; children: React.ReactNode };

/**
 * A details/summary whose open state belongs to the user: a refresh of the page's data after a
 * form inside it succeeds does not close it, so its confirmation stays in view.
 */
export function Disclosure({ summary, defaultOpen = false, className, summaryClassName, children }: Props) {
  const [isOpen, setOpen] = useState(defaultOpen);
  return (
    <details open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)} className={className}>
      <summary className={summaryClassName ?? "cursor-pointer text-sm font-medium"}>{summary}</summary>
      {children}
    </details>
  );
}
