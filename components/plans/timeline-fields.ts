import type { FieldSpec } from "@/components/ui/simple-form";
import { criterionLevelLabels, milestoneStatusLabels, severityLabels, toOptions } from "@/lib/labels";

type Option = { value: string; label: string };

export function milestoneFields(people: Option[], milestone?: { title: string; dueAt: string; status: string; owner: { id: string } | null }): FieldSpec[] {
  return [
    { name: "title", label: "Milestone", required: true, maxLength: 200, initial: milestone?.title },
    { name: "dueAt", label: "Date", type: "date", required: true, initial: milestone?.dueAt },
    { name: "ownerId", label: "Owner", as: "select", options: [{ value: "", label: "Nobody yet" }, ...people], initial: milestone?.owner?.id ?? "" },
    { name: "status", label: "Status", as: "select", options: toOptions(milestoneStatusLabels), initial: milestone?.status ?? "PLANNED" },
  ];
}

export function stepFields(zone: string, step?: { title: string; ownerRole: string; startsAt: string; endsAt: string }): FieldSpec[] {
  return [
    { name: "title", label: "Step", required: true, maxLength: 200, initial: step?.title, isWide: true },
    { name: "startsAt", label: `Starts (${zone})`, type: "datetime-local", required: true, initial: step?.startsAt },
    { name: "endsAt", label: `Ends (${zone})`, type: "datetime-local", required: true, initial: step?.endsAt },
    { name: "ownerRole", label: "Owner", maxLength: 80, initial: step?.ownerRole },
  ];
}

export function incidentFields(zone: string, incident?: { title: string; severity: string; description: string; openedAt: string; resolvedAt: string }): FieldSpec[] {
  return [
    { name: "title", label: "Incident", required: true, maxLength: 200, initial: incident?.title, isWide: true },
    { name: "severity", label: "Severity", as: "select", options: toOptions(severityLabels), initial: incident?.severity ?? "P2" },
    { name: "openedAt", label: `Opened (${zone})`, type: "datetime-local", required: true, initial: incident?.openedAt },
    { name: "resolvedAt", label: `Resolved (${zone})`, type: "datetime-local", initial: incident?.resolvedAt, hint: "Leave empty while it is open." },
    { name: "description", label: "What happened", as: "textarea", maxLength: 5000, initial: incident?.description, isWide: true },
  ];
}

export const criterionFields: FieldSpec[] = [
  { name: "title", label: "Success criterion", required: true, maxLength: 300, hint: "For example: 0 P0 incidents in the first 7 days." },
  { name: "level", label: "Level", as: "select", options: toOptions(criterionLevelLabels), initial: "MUST" },
];
