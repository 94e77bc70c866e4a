import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireViewer } from "@/lib/auth";
import { countUnread } from "@/lib/notifications/queries";
import { can, roleLabels } from "@/lib/permissions";

// Every page in this group is behind a session; each page and action checks again itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const unread = await countUnread(viewer.id);
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Release readiness
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href="/" className="hover:underline">Releases</Link>
            <Link href="/my-work" className="hover:underline">My work</Link>
            <Link href="/templates" className="hover:underline">Templates</Link>
            <Link href="/inbox" className="hover:underline">
              Inbox
              {unread > 0 ? (
                <span className="ml-1 rounded-full bg-sky-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                  {unread}<span className="sr-only"> unread</span>
                </span>
              ) : null}
            </Link>
            {can(viewer, "api:manage") ? <Link href="/integrations" className="hover:underline">Integrations</Link> : null}
            {can(viewer, "users:manage") ? <Link href="/admin/users" className="hover:underline">Users</Link> : null}
            {can(viewer, "freeze:manage") ? <Link href="/admin/freeze-windows" className="hover:underline">Freeze windows</Link> : null}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span>
              <Link href="/account" className="font-medium hover:underline">{viewer.name}</Link>
              <span className="text-slate-500 dark:text-slate-400"> · {roleLabels[viewer.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
