import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { riskFields } from "@/components/plans/risk-fields";
import { RiskHeatMap } from "@/components/plans/risk-heat-map";
import { ReleaseHeader } from "@/components/releases/release-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { InlineAction } from "@/components/ui/inline-action";
import { SimpleForm } from "@/components/ui/simple-form";
import { requireViewer } from "@/lib/auth";
import { getReleaseProgress, listAssignees } from "@/lib/checklist/queries";
import { impactLabels, likelihoodLabels, riskStatusLabels } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { createRiskAction, deleteRiskAction, updateRiskAction } from "@/lib/plans/actions";
import { getRiskRegister } from "@/lib/plans/queries";
import { impacts, likelihoods } from "@/lib/plans/schemas";
import { getRelease } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "Risks" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ likelihood?: string; impact?: string }> };

export default async function RisksPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const query = await searchParams;
  const filter = {
    likelihood: likelihoods.find((value) => value === query.likelihood),
    impact: impacts.find((value) => value === query.impact),
  };
  const [release, register, progress, users] = await Promise.all([getRelease(id), getRiskRegister(id, filter), getReleaseProgress(id), listAssignees()]);
  if (!release) notFound();
  const canEdit = can(viewer, "plan:edit") && !release.archivedAt;
  const people = users.map((user) => ({ value: user.id, label: user.name }));
  const isFiltered = Boolean(filter.likelihood || filter.impact);
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={progress} current="risks" canEdit={can(viewer, "release:edit")} />
      <Card title="Heat map" id="heat-map">
        <RiskHeatMap grid={register.heatMap} hrefFor={(cell) => `/releases/${id}/risks?likelihood=${cell.likelihood}&impact=${cell.impact}#risks`} />
      </Card>
      <Card title={isFiltered ? `Risks with ${filter.likelihood ? `${likelihoodLabels[filter.likelihood].toLowerCase()} likelihood` : "any likelihood"} and ${filter.impact ? `${impactLabels[filter.impact].toLowerCase()} impact` : "any impact"}` : `Risks (${register.total})`} id="risks">
        {isFiltered ? <Link href={`/releases/${id}/risks`} className="mb-3 inline-block text-sm text-sky-800 underline dark:text-sky-300">Show all risks</Link> : null}
        {register.risks.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No risks {isFiltered ? "in this cell" : "recorded yet"}.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {register.risks.map((risk) => (
              <li key={risk.id} className="space-y-2 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{risk.title}</span>
                  {risk.isCritical ? <Badge tone="danger" symbol="!">Critical: fails go/no-go</Badge> : null}
                  <Badge tone={risk.status === "OPEN" ? "warning" : "muted"}>{riskStatusLabels[risk.status]}</Badge>
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Likelihood {likelihoodLabels[risk.likelihood]} · impact {impactLabels[risk.impact]} · owner {risk.owner?.name ?? "nobody yet"}
                </p>
                {risk.mitigation ? <p><span className="font-medium">Mitigation:</span> {risk.mitigation}</p> : null}
                {risk.contingency ? <p><span className="font-medium">Contingency:</span> {risk.contingency}</p> : null}
                {canEdit ? (
                  <Disclosure summary={`Edit “${risk.title}”`}>
                    <div className="mt-3 space-y-3">
                      <SimpleForm action={updateRiskAction} hidden={{ id: risk.id, version: risk.version }} fields={riskFields(people, risk)} submitLabel="Save risk" />
                      <InlineAction action={deleteRiskAction} fields={{ id: risk.id, version: risk.version }} label="Delete risk" variant="danger" confirm={`Delete the risk “${risk.title}”?`} />
                    </div>
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canEdit ? (
        <Card title="Add a risk" id="add-risk">
          <SimpleForm action={createRiskAction} hidden={{ releaseId: id }} fields={riskFields(people)} submitLabel="Add risk" />
        </Card>
      ) : null}
    </div>
  );
}
