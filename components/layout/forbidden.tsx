import Link from "next/link";

export function Forbidden({ message = "Your role does not allow this page." }: { message?: string }) {
  return (
    <div className="mx-auto max-w-md space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600 dark:text-slate-400">{message} Ask an admin if you need it.</p>
      <Link href="/" className="text-sky-800 hover:underline dark:text-sky-300">Back to releases</Link>
    </div>
  );
}
