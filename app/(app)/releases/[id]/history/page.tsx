import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventList } from "@/components/releases/audit-event-list";
import { ReleaseHeader } from "@/components/releases/release-header";
import { requireViewer } from "@/lib/auth";
import { listReleaseHistory } from "@/lib/audit/queries";
import { getReleaseProgress } from "@/lib/checklist/queries";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const release = await getRelease(id);
  if (!release) notFound();
  const before = (await searchParams).before;
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined;
  const [progress, history] = await Promise.all([getReleaseProgress(id), listReleaseHistory(id, cursor)]);
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="history" canEdit={can(viewer, "release:edit")} />
      <AuditEventList events={history.events} />
      <nav aria-label="History pages" className="flex gap-4 text-sm">
        {cursor ? <Link href={`/releases/${id}/history`} className="text-sky-800 hover:underline dark:text-sky-300">Newest</Link> : null}
        {history.nextCursor ? (
          <Link href={`/releases/${id}/history?before=${history.nextCursor}`} className="text-sky-800 hover:underline dark:text-sky-300">Older changes</Link>
        ) : null}
      </nav>
    </div>
  );
}
