import type { Table } from "mdast";
import { emptyDraft, lineOf, readTitle, textOf, type Draft, type Segment } from "@/lib/templates/markdown/draft";
import type { ImportWarning } from "@/lib/templates/markdown/types";
import { cellStatus, cleanTitle, priorityIn, type Priority } from "@/lib/templates/markdown/vocabulary";

// Tables in release plans: checks tables (a column of check names with status or level columns)
// become items; sign-off tables (Role / Name / Signature / Date) become required roles; anything
// else (risks, schedules, contacts) is reported as skipped. Pure.

type Sink = { drafts: Draft[]; warnings: ImportWarning[] };
type Helpers = { addRole: (name: string, line: number, evidenceToReview: string, requiredApprovals: number) => void; path: () => Segment[] };

const titleHeader = /\b(?:checks?|items?|tasks?|requirements?|criteri(?:a|on)|controls?|tests?|steps?|activit(?:y|ies)|gates?|deliverables?)\b/i;
const statusHeader = /\b(?:status|done|result|state|complete[d]?|pass(?:ed)?|checked?|verified|✓|✔|✅)\b/iu;
const levelHeader = /\b(?:priority|level|severity|required|blocking|type)\b/i;
const scheduleHeader = /^(?:milestones?|phases?|dates?|days?|weeks?|time|period|when|version)$/i;
const roleHeader = /\b(?:role|approver|function|department|team)\b/i;
const signatureHeader = /\b(?:name|signature|signed|sign[- ]?off|date|approv\w*)\b/i;
const markedCell = /^(?:x|✓|✔|✅|☑|yes|y|required|\[x\])$/iu;

function cells(row: Table["children"][number]): string[] {
  return row.children.map((cell) => textOf(cell).trim());
}

export function readTable(table: Table, sink: Sink, helpers: Helpers) {
  const [headerRow, ...rows] = table.children;
  if (!headerRow || rows.length === 0) return;
  const headers = cells(headerRow).map((header) => cleanTitle(header));
  const line = lineOf(table);

  // Role | Name | Signature | Date: the people who must sign.
  const roleColumn = headers.findIndex((header) => roleHeader.test(header));
  if (roleColumn >= 0 && headers.some((header, index) => index !== roleColumn && signatureHeader.test(header)) && !headers.some((header) => /\bresponsib/i.test(header))) {
    const reviewColumn = headers.findIndex((header) => /\b(?:review|evidence)\b/i.test(header));
    const approvalsColumn = headers.findIndex((header) => /^(?:approvals?|required approvals?)$/i.test(header));
    for (const row of rows) {
      const values = cells(row);
      const name = cleanTitle(values[roleColumn] ?? "").replace(/^\[.*\]$/, "");
      const review = reviewColumn >= 0 ? (values[reviewColumn] ?? "").replace(/^—$/, "") : "";
      const approvals = approvalsColumn >= 0 ? Number(/^\s*(\d{1,2})\s*$/.exec(values[approvalsColumn] ?? "")?.[1] ?? 1) : 1;
      if (name) helpers.addRole(name, lineOf(row), review, approvals);
    }
    return;
  }

  if (scheduleHeader.test(headers[0] ?? "") || headers.some((header) => /\b(?:likelihood|impact|probability)\b/i.test(header))) {
    sink.warnings.push({ line, kind: "skipped", message: `The table “${headers.join(" | ")}” is a schedule or a risk table, not a checklist: skipped.` });
    return;
  }

  const titleColumn = Math.max(0, headers.findIndex((header) => titleHeader.test(header)));
  const statusColumn = headers.findIndex((header, index) => index !== titleColumn && statusHeader.test(header));
  const levelColumn = headers.findIndex((header, index) => index !== titleColumn && levelHeader.test(header));
  // Columns named after a priority ("Must", "Should", "L1"…) whose cells are marks.
  const markColumns = headers
    .map((header, index) => ({ index, priority: index === titleColumn ? null : priorityIn(header) }))
    .filter((column): column is { index: number; priority: Priority } => column.priority !== null && column.index !== levelColumn);
  const statusByCells = statusColumn < 0
    ? headers.findIndex((_, index) => index !== titleColumn && rows.filter((row) => cellStatus(cells(row)[index] ?? "")).length >= Math.ceil(rows.length / 2))
    : statusColumn;
  const isChecks = statusByCells >= 0 || levelColumn >= 0 || markColumns.length > 0 || titleHeader.test(headers[titleColumn] ?? "");
  if (!isChecks) {
    sink.warnings.push({ line, kind: "skipped", message: `The table “${headers.join(" | ")}” has no column of checks, status or priority: skipped.` });
    return;
  }
  for (const row of rows) {
    const values = cells(row);
    const draft = emptyDraft("", lineOf(row), helpers.path());
    readTitle(values[titleColumn] ?? "", draft);
    if (!draft.title || /^\*?\*?total\*?\*?$/i.test(draft.title)) continue;
    if (statusByCells >= 0) {
      const status = cellStatus(values[statusByCells] ?? "");
      if (status === "WAIVED") draft.details.push("Marked not applicable in the imported plan.");
      else if (status) draft.status = status;
    }
    if (levelColumn >= 0) draft.priority = priorityIn(values[levelColumn] ?? "") ?? draft.priority;
    const marked = markColumns.find((column) => markedCell.test((values[column.index] ?? "").trim()));
    if (marked) draft.priority = marked.priority;
    for (const [index, value] of values.entries()) {
      if (index === titleColumn || index === statusByCells || index === levelColumn || markColumns.some((column) => column.index === index) || !value) continue;
      if (/\b(?:owner|assignee|responsible|who)\b/i.test(headers[index] ?? "")) draft.ownerRole = cleanTitle(value).slice(0, 80);
      else draft.details.push(`${headers[index] || "Note"}: ${value}`);
    }
    sink.drafts.push(draft);
  }
}
