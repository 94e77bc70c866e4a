"use client";

import { Button } from "@/components/ui/button";
import { SSO_CONFIRM_MINUTES } from "@/lib/signoffs/schemas";

type Props = { provider: string; freshUntil: string | null; error?: string };

/**
 * For an account that signs on only through the provider: signing is confirmed by a sign-on
 * at most SSO_CONFIRM_MINUTES old, asked of the provider again with prompt=login.
 */
export function SsoConfirmation({ provider, freshUntil, error }: Props) {
  const until = freshUntil ? new Date(freshUntil).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" }) : null;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      {until && !error ? (
        <p>You signed on with {provider} just now: this confirms it is you until {until}.</p>
      ) : (
        <>
          <p id="sso-confirm-hint">Signing is a record in your name. Sign on with {provider} again to confirm it is you, then sign within {SSO_CONFIRM_MINUTES} minutes.</p>
          {error ? <p role="alert" className="font-medium text-red-700 dark:text-red-400">{error}</p> : null}
          <Button size="sm" variant="secondary" aria-describedby="sso-confirm-hint" onClick={async () => {
              // Loaded on click, so the sign-off page's first load does not carry next-auth's client.
              const { signIn } = await import("next-auth/react");
              await signIn("oidc", { callbackUrl: window.location.href }, { prompt: "login" });
            }}>
            Sign on again with {provider}
          </Button>
        </>
      )}
    </div>
  );
}
