import { escapeMarkdownInline as text } from "@/lib/markdown/escape";
import type { Priority, Status } from "@/lib/templates/markdown/vocabulary";

// A release as Markdown (F4): a document a person would paste into a wiki, and one the importer
// reads back to the same phases, items, statuses, priorities and owners. Pure: the route loads
// the release and hands it over as plain data. Every piece of user text goes through the
// Markdown escape, so a title such as "<script>" or "[x](javascript:…)" reads back as typed.

export type ExportItem = {
  title: string;
  status: Status;
  priority: Priority;
  ownerRole: string;
  category: string | null;
  estimateMinutes: number | null;
  waiverReason?: string | null;
  evidence: { url: string; label: string }[];
  details: string;
};

export type ExportRelease = {
  name: string;
  versionName: string;
  targetDate: string;
  statusLabel: string;
  description: string;
  score: { display: number | null; threshold: number } | null;
  phases: { name: string; description: string; items: (ExportItem & { subItems: ExportItem[] })[] }[];
  signoffs: { roleName: string; evidenceToReview: string; required: number; approvals: number; stateLabel: string; signers: string[] }[];
  decision: { outcomeLabel: string; decidedBy: string; decidedAt: string; rationale: string } | null;
  risks: { title: string; likelihood: string; impact: string; status: string; mitigation: string }[];
  successCriteria: { title: string; level: string; isMet: boolean }[];
  rollbackSteps: string[];
  /** When the document was written, ISO 8601. */
  exportedAt: string;
};

const priorityMarker: Record<Priority, string> = { BLOCKING: "(blocking)", RECOMMENDED: "(recommended)", OPTIONAL: "(optional)" };
const statusLine: Partial<Record<Status, string>> = { IN_PROGRESS: "In progress", BLOCKED: "Blocked", WAIVED: "Waived" };

function duration(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? "hour" : "hours"}`;
  return `${minutes} minutes`;
}

/** An evidence link as Markdown; a URL with characters that would break the link is shown as text. */
function evidenceLink({ url, label }: { url: string; label: string }): string {
  const safe = /^https?:\/\/[^\s<>()\\]+$/i.test(url);
  if (!safe) return text(url);
  return label ? `[${text(label)}](${url})` : `<${url}>`;
}

function itemLines(item: ExportItem, indent: string, parentPriority?: Priority): string[] {
  const box = item.status === "DONE" ? "[x]" : "[ ]";
  const marker = parentPriority && item.priority === parentPriority ? "" : ` ${priorityMarker[item.priority]}`;
  const owner = item.ownerRole ? ` — Owner: ${text(item.ownerRole)}` : "";
  const lines = [`${indent}- ${box} ${text(item.title)}${marker}${owner}`];
  const sub = `${indent}  - `;
  const label = statusLine[item.status];
  if (label) lines.push(`${sub}Status: ${label}${item.waiverReason ? ` (${text(item.waiverReason)})` : ""}`);
  if (item.category && !parentPriority) lines.push(`${sub}Category: ${text(item.category)}`);
  if (item.estimateMinutes) lines.push(`${sub}Estimated Time: ${duration(item.estimateMinutes)}`);
  for (const evidence of item.evidence) lines.push(`${sub}Evidence: ${evidenceLink(evidence)}`);
  for (const line of item.details.split(/\r\n?|\n/)) if (line.trim()) lines.push(`${sub}${text(line.trim().replace(/^[-*+]\s+/, ""))}`);
  return lines;
}

function phaseSection(phase: ExportRelease["phases"][number]): string[] {
  const lines = [`## ${text(phase.name)}`, ""];
  if (phase.description.trim()) lines.push(text(phase.description), "");
  if (phase.items.length === 0) lines.push("_No items yet._", "");
  for (const item of phase.items) {
    lines.push(...itemLines(item, ""));
    for (const sub of item.subItems) lines.push(...itemLines(sub, "  ", item.priority));
  }
  if (phase.items.length > 0) lines.push("");
  return lines;
}

const cell = (value: string) => text(value).replace(/\|/g, "\\|") || "—";

function signoffSection(signoffs: ExportRelease["signoffs"]): string[] {
  if (signoffs.length === 0) return [];
  const lines = ["## Sign-offs", "", "| Role | Approvals | State | Signers | What to review |", "| --- | --- | --- | --- | --- |"];
  for (const role of signoffs) {
    lines.push(`| ${cell(role.roleName)} | ${role.approvals} of ${role.required} | ${cell(role.stateLabel)} | ${cell(role.signers.join("; "))} | ${cell(role.evidenceToReview)} |`);
  }
  return [...lines, ""];
}

function decisionSection(decision: ExportRelease["decision"]): string[] {
  if (!decision) return ["## Go/no-go decision", "", "No decision has been recorded yet.", ""];
  return [
    "## Go/no-go decision",
    "",
    `**${text(decision.outcomeLabel)}**, recorded by ${text(decision.decidedBy)} on ${decision.decidedAt}.`,
    "",
    text(decision.rationale),
    "",
  ];
}

function riskSection(risks: ExportRelease["risks"]): string[] {
  if (risks.length === 0) return [];
  const lines = ["## Risks", "", "| Risk | Likelihood | Impact | Status | Mitigation |", "| --- | --- | --- | --- | --- |"];
  for (const risk of risks) lines.push(`| ${cell(risk.title)} | ${risk.likelihood} | ${risk.impact} | ${risk.status} | ${cell(risk.mitigation)} |`);
  return [...lines, ""];
}

function afterSections(release: ExportRelease): string[] {
  const lines: string[] = [];
  if (release.rollbackSteps.length > 0) {
    lines.push("## Rollback steps", "");
    release.rollbackSteps.forEach((step, index) => lines.push(`${index + 1}. ${text(step)}`));
    lines.push("");
  }
  if (release.successCriteria.length > 0) {
    lines.push("## Success criteria", "", "| Criterion | Level | Met |", "| --- | --- | --- |");
    for (const criterion of release.successCriteria) lines.push(`| ${text(criterion.title).replace(/\|/g, "\\|")} | ${criterion.level} | ${criterion.isMet ? "Yes" : "No"} |`);
    lines.push("");
  }
  return lines;
}

export function releaseToMarkdown(release: ExportRelease): string {
  const score = release.score?.display === null || !release.score ? "not scored yet" : `${release.score.display} of 100 (GO at ${release.score.threshold})`;
  const lines = [
    `# ${text(release.name)} ${text(release.versionName)}`,
    "",
    `**Target date:** ${release.targetDate}  `,
    `**Status:** ${text(release.statusLabel)}  `,
    `**Readiness score:** ${score}`,
    "",
  ];
  if (release.description.trim()) lines.push(text(release.description), "");
  for (const phase of release.phases) lines.push(...phaseSection(phase));
  lines.push(...signoffSection(release.signoffs), ...decisionSection(release.decision), ...riskSection(release.risks), ...afterSections(release));
  lines.push("---", "", `_Exported from the release readiness dashboard on ${release.exportedAt}._`, "");
  return lines.join("\n");
}

/** A template's plan as Markdown, for admins to edit: the same sections an export has. */
export function blueprintToMarkdown(name: string, plan: { phases: ExportRelease["phases"]; signoffRoles: { roleName: string; evidenceToReview: string; requiredApprovals: number }[] }): string {
  const lines = [`# ${text(name)}`, ""];
  for (const phase of plan.phases) lines.push(...phaseSection(phase));
  if (plan.signoffRoles.length > 0) {
    lines.push("## Sign-offs", "", "| Role | Approvals | What to review |", "| --- | --- | --- |");
    for (const role of plan.signoffRoles) lines.push(`| ${cell(role.roleName)} | ${role.requiredApprovals} | ${cell(role.evidenceToReview)} |`);
    lines.push("");
  }
  return lines.join("\n");
}
