"use client";

import { useTransition } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/session-actions";

export function SignOutButton() {
  const [isPending, startTransition] = useTransition();
  return (
    <span className="flex items-center gap-1">
      <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            await signOutEverywhereAction();
            await signOut({ callbackUrl: "/sign-in" });
          })
        }
      >
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </span>
  );
}
