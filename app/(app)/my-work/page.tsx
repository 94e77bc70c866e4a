import type { Metadata } from "next";
import { WorkList } from "@/components/work/work-list";
import { requireViewer } from "@/lib/auth";
import { getMyWork } from "@/lib/work/queries";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const viewer = await requireViewer();
  const work = await getMyWork(viewer);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My work</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">What waits for you across open releases, overdue first.</p>
      </div>
      <WorkList work={work} now={new Date()} />
    </div>
  );
}
