"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

const DEBOUNCE_MS = 250;
const MAX_RETRY_MS = 15_000;

const labels = {
  connecting: "Connecting to live updates…",
  live: "Live: changes by others appear here as they happen",
  reconnecting: "Reconnecting to live updates…",
};

/** The form an input event belongs to, if it is one that saves (POST), not a filter. */
function savingForm(target: EventTarget | null): HTMLFormElement | null {
  const form = target instanceof Element ? target.closest("form") : null;
  return form && form.method === "post" ? form : null;
}

/**
 * Keeps the page current: when anyone changes this release, the server components re-render
 * in place (forms and scroll position stay). After a drop or a server restart it reconnects,
 * with backoff, and refreshes once to catch up on what it missed.
 *
 * While the person is typing into a form that saves, a change by someone else does not
 * refresh the page: that would replace what they typed and give the form the new version, so
 * their save would silently overwrite the other change. The form keeps the version it was
 * filled from, so saving it reports the conflict; the page says others have changed the
 * release and offers to show their changes.
 */
export function LiveRefresh({ releaseId }: { releaseId: string }) {
  const router = useRouter();
  const [connection, setConnection] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const [isWaiting, setIsWaiting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editing = useRef(new Set<HTMLFormElement>());

  useEffect(() => {
    const onInput = (event: Event) => {
      const form = savingForm(event.target);
      if (form) editing.current.add(form);
    };
    const onDone = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      editing.current.delete(event.target);
      // A saved form's answer re-renders this page with what is current.
      if (editing.current.size === 0) setIsWaiting(false);
    };
    document.addEventListener("input", onInput, true);
    document.addEventListener("submit", onDone, true);
    document.addEventListener("reset", onDone, true);
    return () => {
      document.removeEventListener("input", onInput, true);
      document.removeEventListener("submit", onDone, true);
      document.removeEventListener("reset", onDone, true);
    };
  }, []);

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let retryMs = 1000;
    let hasBeenConnected = false;
    let isDisposed = false;
    const refreshSoon = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        for (const form of editing.current) if (!form.isConnected) editing.current.delete(form);
        if (editing.current.size > 0) setIsWaiting(true);
        else router.refresh();
      }, DEBOUNCE_MS);
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

  useEffect(() => {
    // The bar covers the bottom of the window: keep the field being typed in above it.
    if (isWaiting && document.activeElement instanceof HTMLElement) document.activeElement.scrollIntoView({ block: "center" });
  }, [isWaiting]);

  const showChanges = () => {
    editing.current.clear();
    setIsWaiting(false);
    router.refresh();
  };
  return (
    <div className="text-xs text-slate-500 print:hidden dark:text-slate-400" data-live={connection}>
      <p>
        <span aria-hidden="true">{connection === "live" ? "●" : "○"}</span> {labels[connection]}
      </p>
      {/* Kept in view at the bottom of the window, where the person is editing. */}
      <div className={isWaiting ? "fixed inset-x-0 bottom-0 z-20 border-t border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50" : "sr-only"}>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2">
          <p role="status" className="font-medium">
            {isWaiting ? "Someone else changed this release while you were editing. Saving tells you if it clashes with your edit." : ""}
          </p>
          {isWaiting ? (
            <Button type="button" size="sm" variant="secondary" onClick={showChanges}>
              Show their changes
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
