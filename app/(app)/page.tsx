import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseTable } from "@/components/releases/release-table";
import { buttonClasses } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { listReleases } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "Releases" };

type Props = { searchParams: Promise<{ archived?: string }> };

export default async function PortfolioPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const includeArchived = (await searchParams).archived === "1";
  const releases = await listReleases({ includeArchived });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Releases</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {releases.length} {includeArchived ? "releases, archived included" : "active releases"}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Link href={includeArchived ? "/" : "/?archived=1"} className="text-sm text-sky-800 hover:underline dark:text-sky-300">
            {includeArchived ? "Hide archived" : "Show archived"}
          </Link>
          {can(viewer, "release:create") ? (
            <Link href="/releases/new" className={buttonClasses("primary")}>
              New release
            </Link>
          ) : null}
        </div>
      </div>
      <ReleaseTable releases={releases} />
    </div>
  );
}
