import type { Heading, List, Nodes, Paragraph, Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { applyLabel, emptyDraft, itemLines, lineOf, nestedLists, readTitle, textOf, type Draft, type Segment } from "@/lib/templates/markdown/draft";
import { repairEncoding } from "@/lib/templates/markdown/encoding";
import { noteFlattened, readItem } from "@/lib/templates/markdown/list-items";
import { buildPreview } from "@/lib/templates/markdown/phases";
import { addRole, readRoleList, roleFromSignoffTitle, signoffOf } from "@/lib/templates/markdown/signoffs";
import { readTable } from "@/lib/templates/markdown/tables";
import { IMPORT_LIMITS, ImportLimitError, type ImportPreview, type ImportWarning, type PreviewRole } from "@/lib/templates/markdown/types";
import {
  cleanTitle,
  isSignoffContext,
  isTaskContext,
  labelLine,
  leadingStatus,
  looksLikeRole,
} from "@/lib/templates/markdown/vocabulary";

// The Markdown importer (F4): a release plan in, a preview of the release it would create out.
// Pure and deterministic: the web preview, `npm run import:preview` and the import itself all
// call parseMarkdownPlan on the same text. The document is parsed with unified and remark-gfm;
// only the words inside text nodes are read with patterns.

type State = {
  headings: (Segment & { isTask: boolean })[];
  label: Segment | null;
  /** The item a "Task" heading (one with Priority/Owner lines) stands for, while in its section. */
  task: { draft: Draft; depth: number } | null;
  drafts: Draft[];
  roles: PreviewRole[];
  warnings: ImportWarning[];
};

function path(state: State): Segment[] {
  const segments: Segment[] = state.headings.filter((heading) => !heading.isTask).map(({ text, depth, line }) => ({ text, depth, line }));
  if (state.label) segments.push(state.label);
  return segments;
}

/** A paragraph that is only a bold phrase ("**Infrastructure Provisioning:**") names what follows. */
function boldLabel(paragraph: Paragraph): string | null {
  const children = paragraph.children.filter((child) => !(child.type === "text" && /^\s*:?\s*$/.test(child.value)));
  if (children.length !== 1 || children[0]!.type !== "strong") return null;
  const text = cleanTitle(textOf(children[0]!));
  return text && text.length <= 120 && !labelLine(`${text}:`)?.value ? text : null;
}

/** A heading directly followed by Priority/Owner lines ("**Priority:** 🔴 BLOCKING") is itself an item. */
function isTaskHeading(nodes: RootContent[], index: number): boolean {
  const next = nodes[index + 1];
  if (next?.type !== "paragraph") return false;
  return textOf(next)
    .split("\n")
    .map(labelLine)
    .some((label) => label?.label === "priority" || label?.label === "owner");
}

function hasTaskItems(list: List): boolean {
  return list.children.some((item) => item.checked === true || item.checked === false || nestedLists(item).some(hasTaskItems));
}

function readList(list: List, state: State) {
  if (!state.task && isSignoffContext(state.label?.text ?? state.headings.at(-1)?.text ?? "") && readRoleList(list, state)) return;
  if (state.task && isSignoffContext(state.label?.text ?? "") && readRoleList(list, state)) return;

  const depthWarning = { given: false };
  const emojiStatuses = list.children.map((item) => (item.checked === null || item.checked === undefined ? leadingStatus(itemLines(item).first) : null));
  // The document's title ("… Action Plan") says nothing about one list: only sections count.
  // A bold label right above the list speaks for it ("**Success Criteria:**"); without one, the
  // section headings do.
  const sections = state.label ? [state.label.text] : state.headings.filter((heading) => heading.depth > 1).map((heading) => heading.text);
  const isEmojiTaskList = emojiStatuses.some(Boolean) && sections.some(isTaskContext);
  if (emojiStatuses.some(Boolean) && !isEmojiTaskList && !hasTaskItems(list)) {
    state.warnings.push({
      line: lineOf(list),
      kind: "skipped",
      message: `A list marked with ✅/⏳ under “${cleanTitle(state.label?.text ?? state.headings.at(-1)?.text ?? "the document")}” was read as notes, not items: only task lists and lists under a Tasks or Steps heading become items.`,
    });
  }
  if (isEmojiTaskList) {
    state.warnings.push({ line: lineOf(list), kind: "guessed", message: `Read ${list.children.length} ${list.children.length === 1 ? "line" : "lines"} marked ✅/⏳ under “${cleanTitle(state.label?.text ?? state.headings.at(-1)?.text ?? "")}” as items with that status.` });
  }

  list.children.forEach((item, index) => {
    const isTask = item.checked === true || item.checked === false;
    const emoji = isEmojiTaskList ? (emojiStatuses[index] ?? { status: "TODO" as const, rest: itemLines(item).first }) : null;
    if (!isTask && !emoji) {
      // A plain entry whose nested list holds tasks names a group of them.
      const nested = nestedLists(item).filter(hasTaskItems);
      if (nested.length > 0) {
        const saved = state.label;
        const name = cleanTitle(itemLines(item).first);
        if (name) state.label = { text: name, depth: (state.headings.at(-1)?.depth ?? 0) + 0.5, line: lineOf(item) };
        for (const inner of nested) readList(inner, state);
        state.label = saved;
      } else if (state.task) {
        const { first, paragraph } = itemLines(item);
        if (!applyLabel(state.task.draft, first, paragraph, state.warnings) && first.trim() && /\b(?:steps?|tasks?)\b/i.test(state.label?.text ?? "")) {
          state.task.draft.details.push(`- ${first.trim()}`);
        }
      }
      return;
    }
    const signoff = isTask ? signoffOf(item) : { approvedByLine: false, evidence: [] };
    if (signoff.approvedByLine) {
      addRole(state, roleFromSignoffTitle(itemLines(item).first), signoff.evidence, lineOf(item));
      state.warnings.push({ line: lineOf(item), kind: "adjusted", message: `“${cleanTitle(itemLines(item).first)}” has an “Approved by” line: it became the required sign-off role “${roleFromSignoffTitle(itemLines(item).first)}”.` });
      return;
    }
    const draft = readItem(item, { path: path(state), warnings: state.warnings, depthWarning }, emoji ?? undefined);
    // "Obtain signatures … - Engineering Lead - Security Lead": the people who must sign.
    if (isSignoffContext(draft.title)) {
      const names = draft.details.filter((line) => line.startsWith("- ")).map((line) => cleanTitle(line.slice(2)));
      if (names.length > 0 && names.every(looksLikeRole)) {
        for (const name of names) addRole(state, name, [], draft.line);
        draft.details = draft.details.filter((line) => !line.startsWith("- "));
      }
    }
    if (state.task) {
      const { subItems: _ignored, ...sub } = draft;
      state.task.draft.subItems.push({ ...sub, subItems: [], path: state.task.draft.path });
      for (const deeper of draft.subItems) state.task.draft.subItems.push(deeper);
      if (draft.subItems.length > 0) noteFlattened({ path: draft.path, warnings: state.warnings, depthWarning }, draft.line);
    } else {
      state.drafts.push(draft);
    }
  });
}

function readParagraph(paragraph: Paragraph, state: State) {
  const label = boldLabel(paragraph);
  if (label) {
    state.label = { text: label, depth: (state.headings.at(-1)?.depth ?? 0) + 0.5, line: lineOf(paragraph) };
    return;
  }
  const lines = textOf(paragraph).split("\n");
  for (const line of lines) {
    const parsed = labelLine(line);
    if (parsed?.label === "approvedBy") {
      const role = roleFromSignoffTitle(state.label?.text ?? state.headings.at(-1)?.text ?? "");
      if (role && looksLikeRole(role)) addRole(state, role, [], lineOf(paragraph));
    } else if (state.task && parsed) {
      applyLabel(state.task.draft, line, paragraph, state.warnings);
    }
  }
}

function readHeading(heading: Heading, nodes: RootContent[], index: number, state: State) {
  while (state.headings.length > 0 && state.headings.at(-1)!.depth >= heading.depth) state.headings.pop();
  if (state.task && heading.depth <= state.task.depth) state.task = null;
  state.label = null;
  const text = cleanTitle(textOf(heading));
  const isTask = isTaskHeading(nodes, index) && Boolean(text);
  if (isTask) {
    const draft = emptyDraft("", lineOf(heading), path(state));
    readTitle(textOf(heading), draft);
    state.drafts.push(draft);
    state.task = { draft, depth: heading.depth };
  } else if (state.task) {
    // A plain sub-heading inside a task's section still belongs to the task.
    state.task = heading.depth > state.task.depth ? state.task : null;
  }
  state.headings.push({ text, depth: heading.depth, line: lineOf(heading), isTask });
}

function visit(nodes: RootContent[], state: State) {
  nodes.forEach((node, index) => {
    switch (node.type) {
      case "heading":
        readHeading(node, nodes, index, state);
        break;
      case "paragraph":
        readParagraph(node, state);
        break;
      case "list":
        readList(node, state);
        break;
      case "table":
        readTable(node as Table, state, { addRole: (name, line, review, approvals) => addRole(state, name, [review], line, approvals), path: () => path(state) });
        break;
      case "blockquote":
        visit(node.children, state);
        break;
      case "html":
        if (/\[[ xX]\]/.test(node.value)) {
          state.warnings.push({ line: lineOf(node), kind: "skipped", message: "Checkboxes inside an HTML comment or HTML block were skipped." });
        }
        break;
      case "code":
        if (/^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]/m.test(node.value)) {
          state.warnings.push({ line: lineOf(node), kind: "skipped", message: "Checkboxes inside a code block were skipped." });
        }
        break;
      default:
        break;
    }
  });
}

/** Parses a Markdown release plan into the preview of the release it would create. */
export function parseMarkdownPlan(source: string): ImportPreview {
  if (Buffer.byteLength(source, "utf8") > IMPORT_LIMITS.bytes) {
    throw new ImportLimitError(`The document is larger than 1 MB (${(Buffer.byteLength(source, "utf8") / 1_000_000).toFixed(1)} MB); split it and import the parts.`);
  }
  const { text, repairs } = repairEncoding(source.replace(/\r\n?/g, "\n"));
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const state: State = { headings: [], label: null, task: null, drafts: [], roles: [], warnings: [] };
  visit(tree.children, state);
  const topHeadings = tree.children.filter((node): node is Heading => node.type === "heading" && node.depth === 1);
  const title = topHeadings.length >= 1 ? cleanTitle(textOf(topHeadings[0]! as Nodes)) || null : null;
  return buildPreview({ title, drafts: state.drafts, roles: state.roles, warnings: state.warnings, repairs, text });
}
