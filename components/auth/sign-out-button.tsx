"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/session-actions";

/**
 * next-auth's own sign-out, loaded on click: this button is on every signed-in page, and a
 * static import of next-auth/react would add about 30 KiB to each page's first load.
 */
async function signOut() {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/sign-in" });
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
