import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecisionBanner } from "@/components/decisions/decision-banner";
import { DecisionForm } from "@/components/decisions/decision-form";
import { DecisionList } from "@/components/decisions/decision-list";
import { CriteriaPanel } from "@/components/readiness/criteria-panel";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth";
import { getReleaseReadiness, listDecisions } from "@/lib/decisions/queries";
import { can } from "@/lib/permissions";
import { getRelease } from "@/lib/releases/queries";
import { closedStatuses } from "@/lib/signoffs/guards";

export const metadata: Metadata = { title: "Go/no-go" };

type Props = { params: Promise<{ id: string }> };

export default async function DecisionPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, status, decisions] = await Promise.all([getRelease(id), getReleaseReadiness(id), listDecisions(id)]);
  if (!release || !status) notFound();
  const { readiness, latestDecision } = status;
  const canDecide = can(viewer, "decision:record") && !release.archivedAt && !closedStatuses.includes(release.status);
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={readiness.progress} current="decision" canEdit={can(viewer, "release:edit")} />
      <DecisionBanner decision={latestDecision} isReady={readiness.isReady} releaseId={id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Criteria, live" id="criteria">
          <CriteriaPanel readiness={readiness} releaseId={id} />
        </Card>
        {canDecide ? (
          <Card title="Record a decision" id="record">
            <DecisionForm
              releaseId={id}
              previousDecisionId={latestDecision?.id ?? null}
              idempotencyKey={randomUUID()}
              isReady={readiness.isReady}
              failing={readiness.criteria.filter((criterion) => !criterion.isMet).map((criterion) => criterion.label.toLowerCase())}
            />
          </Card>
        ) : null}
      </div>
      <Card title="Decisions" id="decisions">
        <DecisionList releaseId={id} decisions={decisions} />
      </Card>
    </div>
  );
}
