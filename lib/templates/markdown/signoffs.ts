import type { List, ListItem } from "mdast";
import { itemLines, lineOf, nestedLists, textOf } from "@/lib/templates/markdown/draft";
import type { PreviewRole } from "@/lib/templates/markdown/types";
import { cleanTitle, labelLine, looksLikeRole } from "@/lib/templates/markdown/vocabulary";

// Required sign-off roles in release plans: "Approved by" checkboxes, lists of required
// approvals, and the role lists of sign-off sections. Sign-off tables are in tables.ts. Pure.

/** Where the roles found so far are kept; a role is kept once, by name, whatever its case. */
export type RoleSink = { roles: PreviewRole[] };

export function roleFromSignoffTitle(title: string): string {
  return cleanTitle(
    title
      .replace(/\([^)]*\)/g, "")
      .replace(/\b(?:sign[- ]?offs?|approvals?|authori[sz]ations?|signatures?)\b.*$/i, "")
      .replace(/\s*[-–:]\s*$/, ""),
  ).slice(0, 80);
}

export function addRole(state: RoleSink, roleName: string, evidence: string[], line: number, requiredApprovals = 1) {
  const name = cleanTitle(roleName).replace(/^(?:the)\s+/i, "").slice(0, 80);
  if (!name || state.roles.some((role) => role.roleName.toLowerCase() === name.toLowerCase())) return;
  state.roles.push({ roleName: name, evidenceToReview: evidence.filter(Boolean).join("\n").slice(0, 5000), requiredApprovals: Math.min(20, Math.max(1, requiredApprovals)), line });
}

/** A checkbox item with an "Approved by: ___" line is a sign-off, not a task. */
export function signoffOf(item: ListItem): { approvedByLine: boolean; evidence: string[] } {
  let approvedByLine = false;
  const evidence: string[] = [];
  for (const list of nestedLists(item)) {
    for (const sub of list.children) {
      const { first } = itemLines(sub);
      const label = labelLine(first);
      if (label?.label === "approvedBy") approvedByLine = true;
      else if (!/^\s*(?:date|name|signature)\s*:/i.test(first) && first.trim()) evidence.push(cleanTitle(first));
    }
  }
  return { approvedByLine, evidence };
}

/** A list in a sign-off context whose entries name roles ("**QA Lead** - Testing complete"). */
export function readRoleList(list: List, state: RoleSink): boolean {
  // Checkboxes with "Approved by" lines are read one by one, so the tasks beside them stay tasks.
  if (list.children.some((item) => signoffOf(item).approvedByLine)) return false;
  const entries = list.children.map((item) => {
    const { first, paragraph } = itemLines(item);
    const strong = paragraph?.children.find((child) => child.type === "strong");
    const name = roleFromSignoffTitle(strong ? textOf(strong) : first.split(/\s[-–:]\s/)[0] ?? "");
    return { item, name };
  });
  if (entries.length === 0 || !entries.every((entry) => looksLikeRole(entry.name))) return false;
  for (const { item, name } of entries) {
    const evidence: string[] = [];
    const { first } = itemLines(item);
    const purpose = first.split(/\s[-–]\s/).slice(1).join(" - ").trim();
    if (purpose) evidence.push(purpose);
    for (const nested of nestedLists(item)) {
      for (const sub of nested.children) {
        const text = itemLines(sub).first;
        const label = labelLine(text);
        if (label?.label === "approvedBy" || /^\s*(?:date|name|signature)\s*:/i.test(text)) continue;
        evidence.push(label?.label === "evidence" ? `Evidence: ${label.value.replace(/\*\*/g, "")}` : cleanTitle(text));
      }
    }
    addRole(state, name, evidence, lineOf(item));
  }
  return true;
}
