"use client";

import { Button } from "@/components/ui/button";

// A plain message, never a stack trace; the details are in the server log under the digest.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md space-y-3 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600 dark:text-slate-400">
        The page could not be shown. Nothing you saved was lost.
        {error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
