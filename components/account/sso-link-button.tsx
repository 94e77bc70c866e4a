"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { startSsoLinkAction } from "@/lib/account/actions";

/** Marks this browser's next single sign-on as a link to the signed-in account, then starts it. */
export function SsoLinkButton({ name }: { name: string }) {
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await startSsoLinkAction();
          const { signIn } = await import("next-auth/react");
          await signIn("oidc", { callbackUrl: "/account?linked=1" });
        })
      }
    >
      {isPending ? "Opening…" : `Link ${name}`}
    </Button>
  );
}
