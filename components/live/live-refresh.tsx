"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 250;
const MAX_RETRY_MS = 15_000;

const labels = {
  connecting: "Connecting to live updates…",
  live: "Live: changes by others appear here as they happen",
  reconnecting: "Reconnecting to live updates…",
};

/**
 * Keeps the page current: when anyone changes this release, the server components re-render
 * in place (forms and scroll position stay). After a drop or a server restart it reconnects,
 * with backoff, and refreshes once to catch up on what it missed.
 */
export function LiveRefresh({ releaseId }: { releaseId: string }) {
  const router = useRouter();
  const [connection, setConnection] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let retryMs = 1000;
    let hasBeenConnected = false;
    let isDisposed = false;
    const refreshSoon = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    const open = () => {
      source = new EventSource(`/api/releases/${releaseId}/events`);
      source.onopen = () => {
        setConnection("live");
        retryMs = 1000;
        if (hasBeenConnected) refreshSoon();
        hasBeenConnected = true;
      };
      source.onerror = () => {
        setConnection("reconnecting");
        // The browser retries a dropped stream by itself, but gives up on an error status
        // (a stopping instance answers 503): then start over after a pause.
        if (source?.readyState === EventSource.CLOSED && !isDisposed) {
          retry = setTimeout(open, retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        }
      };
      source.addEventListener("change", refreshSoon);
    };
    open();
    return () => {
      isDisposed = true;
      clearTimeout(timer.current);
      clearTimeout(retry);
      source?.close();
    };
  }, [releaseId, router]);
  return (
    <p className="text-xs text-slate-500 print:hidden dark:text-slate-400" data-live={connection}>
      <span aria-hidden="true">{connection === "live" ? "●" : "○"}</span> {labels[connection]}
    </p>
  );
}
