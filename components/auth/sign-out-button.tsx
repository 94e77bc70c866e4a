"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/session-actions";

/**
 * next-auth's sign-out, made with the same two requests its client's signOut() makes. This
 * button is on every signed-in page, and next-auth/react would add about 40 KB of JavaScript
 * to each page's first load for it (the app has no useSession to tell of the change).
 */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? "/sign-in";
}

export function SignOutButton() {
  const [isPending, startTransition] = useTransition();
  return (
    <span className="flex items-center gap-1">
      <Button variant="ghost" size="sm" onClick={() => signOut()}>
        Sign out
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            await signOutEverywhereAction();
            await signOut();
          })
        }
      >
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </span>
  );
}
