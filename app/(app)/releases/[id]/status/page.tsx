import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseHeader } from "@/components/releases/release-header";
import { ShareLinkForm } from "@/components/share/share-link-form";
import { ShareLinkList } from "@/components/share/share-link-list";
import { StakeholderView } from "@/components/stakeholder/stakeholder-view";
import { Card } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";
import { getStakeholderView, listShareLinks } from "@/lib/share/queries";

export const metadata: Metadata = { title: "Stakeholder view" };

type Props = { params: Promise<{ id: string }> };

export default async function StakeholderPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const canShare = can(viewer, "share:manage");
  const [release, view, links] = await Promise.all([getRelease(id), getStakeholderView(id), canShare ? listShareLinks(id) : []]);
  if (!release || !view) notFound();
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <ReleaseHeader release={release} progress={view.readiness.progress} current="status" canEdit={can(viewer, "release:edit")} />
      </div>
      <div className="flex justify-end print:hidden"><PrintButton label="Print this view" /></div>
      <StakeholderView view={view} headingLevel="h2" titleShown="print" />
      {canShare ? (
        <div className="print:hidden"><Card title="Share links" id="share-links">
          <div className="space-y-4">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              A share link opens this read-only view without an account. It expires, can be revoked, and is shown only once.
            </p>
            {!release.archivedAt ? <ShareLinkForm releaseId={id} /> : null}
            <ShareLinkList links={links} now={view.now} canManage={canShare} />
          </div>
        </Card></div>
      ) : null}
    </div>
  );
}
