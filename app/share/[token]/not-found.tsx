export default function ShareLinkNotValid() {
  return (
    <main className="mx-auto max-w-md space-y-3 py-24 text-center">
      <h1 className="text-2xl font-semibold">This link is no longer valid</h1>
      <p className="text-slate-600 dark:text-slate-400">
        It may have expired or been revoked. Ask the release manager who shared it for a new one.
      </p>
    </main>
  );
}
