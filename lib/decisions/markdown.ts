import { decisionLabels } from "@/lib/labels";
import { escapeMarkdownBlock, escapeMarkdownInline as text, fenceFor } from "@/lib/markdown/escape";
import { canonicalContent, type DecisionContent, type DecisionSnapshot } from "@/lib/decisions/record";

// A go/no-go decision as a Markdown record to keep with the release's paperwork. It carries the
// canonical JSON its hash covers, so a reader can recompute the SHA-256 and compare.

export type DecisionForExport = DecisionContent & { id: string; contentHash: string };

const check = (isMet: boolean) => (isMet ? "[x]" : "[ ]");

export function decisionToMarkdown(decision: DecisionForExport): string {
  const snapshot = decision.snapshot as DecisionSnapshot;
  const isOverride = decision.overrideReason !== null;
  const title = `${decisionLabels[decision.outcome]}${isOverride ? " (override)" : ""}`;
  const lines = [
    `# Go/no-go decision: ${text(snapshot.release.name)} ${text(snapshot.release.version)}`,
    "",
    `**Decision:** ${title}  `,
    `**Decided by:** ${text(decision.decidedBy.name)}  `,
    `**Decided at:** ${decision.decidedAt.toISOString()}  `,
    `**Target date at the time:** ${snapshot.release.targetDate}`,
    "",
    "## Rationale",
    "",
    escapeMarkdownBlock(decision.rationale),
  ];
  if (decision.outcome === "NO_GO") {
    lines.push("", "## Blocking reasons", "", escapeMarkdownBlock(decision.blockingReasons));
    lines.push("", "## Remediation plan", "", escapeMarkdownBlock(decision.remediationPlan));
    if (decision.newTargetDate) lines.push("", `**New target date:** ${decision.newTargetDate.toISOString().slice(0, 10)}`);
  }
  if (isOverride) {
    lines.push("", "## Override", "", "GO was recorded while these criteria were not met. Reason given:", "", escapeMarkdownBlock(decision.overrideReason ?? ""));
  }
  lines.push("", "## Criteria at the time of the decision", "");
  for (const criterion of snapshot.criteria) lines.push(`- ${check(criterion.isMet)} ${text(criterion.label)}: ${text(criterion.summary)}`);
  if (snapshot.blockingWaived.length > 0) {
    lines.push("", "Blocking items passed by waiver:", "");
    for (const item of snapshot.blockingWaived) lines.push(`- ${text(item.title)}: ${text(item.reason)}${item.expiresAt ? ` (until ${item.expiresAt})` : ""}`);
  }
  if (snapshot.blockingOpen.length > 0) {
    lines.push("", "Blocking items open:", "");
    for (const item of snapshot.blockingOpen) lines.push(`- ${text(item.title)}`);
  }
  lines.push("", "## Readiness score", "", `Score ${snapshot.score.display ?? "none"} of 100, GO at ${snapshot.score.threshold}.`, "");
  lines.push("| Category | Weight | Done | Points |", "| --- | ---: | ---: | ---: |");
  for (const category of snapshot.score.categories) {
    lines.push(`| ${text(category.name)} | ${category.weight}% | ${category.done}/${category.applicable} | ${category.points} |`);
  }
  lines.push("", "## Sign-offs", "");
  if (snapshot.signoffs.length === 0) lines.push("No sign-offs were required.");
  for (const role of snapshot.signoffs) {
    lines.push(`- **${text(role.role)}**: ${role.state.toLowerCase()} (${role.approvals} of ${role.required})`);
    for (const signer of role.signers) {
      lines.push(`  - ${text(signer.name)}: ${text(signer.standingLabel)}${signer.signedAt ? `, signed ${signer.signedAt}` : ""}`);
    }
  }
  const { id: _id, contentHash: _hash, ...content } = decision;
  const json = canonicalContent(content);
  const fence = fenceFor(json);
  lines.push(
    "",
    "## Integrity",
    "",
    `Content hash (SHA-256 of the canonical JSON below, RFC 8785): \`${decision.contentHash}\``,
    "",
    `${fence}json`,
    json,
    fence,
    "",
  );
  return lines.join("\n");
}
