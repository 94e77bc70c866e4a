import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StakeholderView } from "@/components/stakeholder/stakeholder-view";
import { PrintButton } from "@/components/ui/print-button";
import { getStakeholderView, resolveShareToken } from "@/lib/share/queries";

// The stakeholder view through a share link: no account, nothing editable. The token stays out
// of referrers and search engines.
export const metadata: Metadata = { title: "Release status", referrer: "no-referrer", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function SharedStatusPage({ params }: Props) {
  await connection();
  const releaseId = await resolveShareToken((await params).token);
  const view = releaseId ? await getStakeholderView(releaseId) : null;
  if (!view) notFound();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
          <p className="text-base font-semibold tracking-tight">Release readiness</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">Read-only status shared with you</p>
          <span className="ml-auto"><PrintButton /></span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <StakeholderView view={view} />
      </main>
    </div>
  );
}
