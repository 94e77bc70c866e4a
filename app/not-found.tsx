import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600 dark:text-slate-400">That page, release or item does not exist, or it was deleted.</p>
      <Link href="/" className="text-sky-800 hover:underline dark:text-sky-300">Back to releases</Link>
    </main>
  );
}
