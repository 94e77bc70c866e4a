"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** What the sign-in page says for each way a sign-in can fail; the same words for a wrong e-mail or password. */
function messageFor(error: string | undefined): string {
  if (error?.startsWith("Too many failed sign-ins")) return error;
  if (error === "TwoStepWrong") return "That code is not right. Enter the current code from your authenticator app.";
  return "That e-mail and password do not match an active account.";
}

export function SignInForm({ sso, initialError }: { sso: string | null; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(needsCode ? { code: String(form.get("code") ?? "") } : {}),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign("/");
      return;
    }
    setPending(false);
    if (result?.error === "TwoStepRequired") {
      setNeedsCode(true);
      return;
    }
    setError(messageFor(result?.error ?? undefined));
  }

  return (
    <>
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
        <div>
          <label htmlFor="email" className="block text-sm font-medium">E-mail</label>
          <input id="email" name="email" type="email" autoComplete="username" required readOnly={needsCode} className="field-control" />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required readOnly={needsCode} className="field-control" />
        </div>
        {needsCode ? (
          <div>
            <label htmlFor="code" className="block text-sm font-medium">Code from your authenticator app</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus aria-describedby="code-hint" className="field-control" />
            <p id="code-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">Two-step sign-in is on for this account.</p>
          </div>
        ) : null}
        <div aria-live="assertive">
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="primary" className="w-full" disabled={isPending}>
          {isPending ? "Signing in…" : needsCode ? "Verify code" : "Sign in"}
        </Button>
      </form>
      {sso ? (
        <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl: "/" })}>
            Sign in with {sso}
          </Button>
        </div>
      ) : null}
    </>
  );
}
