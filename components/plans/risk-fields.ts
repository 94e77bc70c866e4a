import type { FieldSpec } from "@/components/ui/simple-form";
import { impactLabels, likelihoodLabels, riskStatusLabels, toOptions } from "@/lib/labels";

type Risk = { title: string; likelihood: string; impact: string; mitigation: string; contingency: string; status: string; owner: { id: string } | null };

/** The fields of a risk, empty or filled from one. */
export function riskFields(people: { value: string; label: string }[], risk?: Risk): FieldSpec[] {
  return [
    { name: "title", label: "Risk", required: true, maxLength: 200, initial: risk?.title, isWide: true },
    { name: "likelihood", label: "Likelihood", as: "select", options: toOptions(likelihoodLabels), initial: risk?.likelihood ?? "MEDIUM" },
    { name: "impact", label: "Impact", as: "select", options: toOptions(impactLabels), initial: risk?.impact ?? "MEDIUM" },
    { name: "mitigation", label: "Mitigation", as: "textarea", maxLength: 2000, initial: risk?.mitigation },
    { name: "contingency", label: "Contingency", as: "textarea", maxLength: 2000, initial: risk?.contingency },
    { name: "ownerId", label: "Owner", as: "select", options: [{ value: "", label: "Nobody yet" }, ...people], initial: risk?.owner?.id ?? "" },
    { name: "status", label: "Status", as: "select", options: toOptions(riskStatusLabels), initial: risk?.status ?? "OPEN" },
  ];
}
