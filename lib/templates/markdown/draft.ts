import type { Link, List, ListItem, Nodes, Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import type { ImportWarning, PreviewEvidence } from "@/lib/templates/markdown/types";
import {
  cleanTitle,
  labelLine,
  leadingStatus,
  parseDuration,
  priorityIn,
  statusWords,
  titlePriority,
  type Priority,
  type Status,
} from "@/lib/templates/markdown/vocabulary";

// An item as read from the document, before it is placed in a phase. Pure.

export type Segment = { text: string; depth: number; line: number };

export type Draft = {
  title: string;
  line: number;
  status: Status;
  priority: Priority | null;
  /** A "Priority:" line said something that is not a priority. */
  unreadPriority: string | null;
  ownerRole: string;
  /** A category the document names ("Category: Security"); otherwise the preview guesses one. */
  category: string | null;
  estimateMinutes: number | null;
  evidence: PreviewEvidence[];
  details: string[];
  subItems: Draft[];
  /** The headings and labels the item sits under, outermost first. */
  path: Segment[];
};

/** Plain text of a node; hard line breaks become new lines, inline HTML (comments) is dropped. */
export function textOf(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    case "html":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(textOf).join("") : "";
  }
}

export const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 0;

export function emptyDraft(title: string, line: number, path: Segment[]): Draft {
  return { title, line, status: "TODO", priority: null, unreadPriority: null, ownerRole: "", category: null, estimateMinutes: null, evidence: [], details: [], subItems: [], path };
}

function links(node: Nodes): Link[] {
  const found: Link[] = [];
  const walk = (current: Nodes) => {
    if (current.type === "link") found.push(current);
    if ("children" in current) for (const child of current.children) walk(child as Nodes);
  };
  walk(node);
  return found;
}

const urlPattern = /\bhttps?:\/\/[^\s)>\]]+/gi;

/** Records the evidence a line names: web links as evidence, anything else as text in the details. */
function addEvidence(draft: Draft, value: string, node: Nodes | null, warnings: ImportWarning[]) {
  const found = node ? links(node).map((link) => ({ url: link.url, label: toString(link) })) : [];
  for (const url of value.match(urlPattern) ?? []) if (!found.some((link) => link.url === url)) found.push({ url, label: "" });
  let kept = false;
  for (const link of found) {
    if (/^https?:\/\//i.test(link.url) && link.url.length <= 2000) {
      draft.evidence.push({ url: link.url, label: link.label === link.url ? "" : link.label.slice(0, 200) });
    } else {
      kept = true;
    }
  }
  if (found.length === 0 || kept) {
    draft.details.push(`Evidence: ${value}`);
    if (kept) warnings.push({ line: draft.line, kind: "adjusted", message: `Evidence “${value}” is not a web link: kept as text in the details.` });
  }
}

/** Applies a "Label: value" line (owner, priority, estimate, evidence, status) to the draft. */
export function applyLabel(draft: Draft, text: string, node: Nodes | null, warnings: ImportWarning[]): boolean {
  const label = labelLine(text);
  if (!label || label.label === "approvedBy") return false;
  const value = label.value.replace(/\*\*|__/g, "").trim();
  switch (label.label) {
    case "owner":
      draft.ownerRole = cleanTitle(value).slice(0, 80);
      break;
    case "priority": {
      const priority = priorityIn(value);
      if (priority) draft.priority = priority;
      else draft.unreadPriority = value;
      break;
    }
    case "estimate":
      draft.estimateMinutes = parseDuration(value) ?? draft.estimateMinutes;
      if (draft.estimateMinutes === null) draft.details.push(`Estimate: ${value}`);
      break;
    case "evidence":
      addEvidence(draft, value, node, warnings);
      break;
    case "category":
      draft.category = cleanTitle(value).slice(0, 60) || null;
      break;
    case "status": {
      const waived = /^(?:waived|n\/a|not applicable)\b/i.test(value) ? "WAIVED" : null;
      const status = waived ?? leadingStatus(value)?.status ?? statusWords(value) ?? (/\b(?:done|complete|met|passed)\b/i.test(value) ? "DONE" : null);
      if (status) draft.status = status;
      break;
    }
  }
  return true;
}

/** Reads an item's own line: its title, inline markers, owner and estimate. */
export function readTitle(raw: string, draft: Draft) {
  let text = raw;
  const owner = /\(\s*owner\s*:\s*([^)]+)\)|\s[-–—|]\s*owner\s*:\s*(.+)$|(?:^|\s)@([\w.-]+)\b/i.exec(text);
  if (owner) {
    draft.ownerRole = cleanTitle(owner[1] ?? owner[2] ?? `@${owner[3]}`).slice(0, 80);
    text = text.replace(owner[0], " ");
  }
  const estimate = /\s*\(\s*((?:~|about\s+)?\d[^()]*?(?:min|minutes?|hours?|hrs?|h|days?|d)\b[^()]*)\)\s*$/i.exec(text);
  if (estimate) {
    const minutes = parseDuration(estimate[1]!);
    if (minutes !== null) {
      draft.estimateMinutes = minutes;
      text = text.replace(estimate[0], "");
    }
  }
  const status = statusWords(text);
  if (status && draft.status === "TODO") draft.status = status;
  const { title, priority } = titlePriority(text);
  if (priority) draft.priority = priority;
  draft.title = title;
}

/** The first line of a list item, and the rest of its first paragraph. */
export function itemLines(item: ListItem): { first: string; rest: string[]; paragraph: Paragraph | null } {
  const paragraph = item.children.find((child): child is Paragraph => child.type === "paragraph") ?? null;
  const lines = paragraph ? textOf(paragraph).split("\n") : [""];
  return { first: lines[0] ?? "", rest: lines.slice(1), paragraph };
}

export const nestedLists = (item: ListItem) => item.children.filter((child): child is List => child.type === "list");
