import type { ListItem } from "mdast";
import { applyLabel, emptyDraft, itemLines, lineOf, nestedLists, readTitle, textOf, type Draft, type Segment } from "@/lib/templates/markdown/draft";
import type { ImportWarning } from "@/lib/templates/markdown/types";
import type { leadingStatus } from "@/lib/templates/markdown/vocabulary";

// Checklist items written as list items: the item's own line, its label lines ("Owner:",
// "Evidence:"), its notes, and its nested task list as sub-items. Deeper task lists are kept as
// sub-items of the top item, with one note per list. Pure.

/** Where an item sits, where notes go, and whether this list already said it flattened nesting. */
export type ItemContext = { path: Segment[]; warnings: ImportWarning[]; depthWarning: { given: boolean } };

const MAX_NESTING_NOTE = "Checklist items nested more than one level deep were kept as sub-items of their top item.";

/** Notes, once per list, that items nested deeper than one level were flattened. */
export function noteFlattened(context: ItemContext, line: number) {
  if (context.depthWarning.given) return;
  context.warnings.push({ line, kind: "adjusted", message: MAX_NESTING_NOTE });
  context.depthWarning.given = true;
}

/** Reads one list item that carries a checkbox (or a status emoji in a task list) as a draft. */
export function readItem(item: ListItem, context: ItemContext, status?: ReturnType<typeof leadingStatus>): Draft {
  const { first, rest, paragraph } = itemLines(item);
  const draft = emptyDraft("", lineOf(item), context.path);
  if (item.checked === true) draft.status = "DONE";
  readTitle(status ? status.rest : first, draft);
  if (status) draft.status = status.status;
  for (const line of rest) if (!applyLabel(draft, line, paragraph, context.warnings) && line.trim()) draft.details.push(line.trim());
  for (const child of item.children) {
    if (child === paragraph) continue;
    if (child.type === "paragraph") {
      for (const line of textOf(child).split("\n")) if (!applyLabel(draft, line, child, context.warnings) && line.trim()) draft.details.push(line.trim());
    } else if (child.type === "list") {
      for (const sub of child.children) readSubItem(sub, draft, context);
    } else if (child.type === "code") {
      draft.details.push(child.value);
    }
  }
  return draft;
}

function readSubItem(sub: ListItem, parent: Draft, context: ItemContext) {
  const { first, paragraph } = itemLines(sub);
  if (sub.checked === null || sub.checked === undefined) {
    if (!applyLabel(parent, first, paragraph, context.warnings) && first.trim()) parent.details.push(`- ${first.trim()}`);
    for (const list of nestedLists(sub)) for (const deeper of list.children) readSubItem(deeper, parent, context);
    return;
  }
  const draft = emptyDraft("", lineOf(sub), parent.path);
  draft.status = sub.checked ? "DONE" : "TODO";
  readTitle(first, draft);
  parent.subItems.push(draft);
  for (const child of sub.children) {
    if (child.type !== "list") continue;
    for (const deeper of child.children) {
      if (deeper.checked === null || deeper.checked === undefined) {
        const { first: line, paragraph: inner } = itemLines(deeper);
        if (!applyLabel(draft, line, inner, context.warnings) && line.trim()) draft.details.push(`- ${line.trim()}`);
      } else {
        noteFlattened(context, lineOf(deeper));
        readSubItem(deeper, parent, context);
      }
    }
  }
}
