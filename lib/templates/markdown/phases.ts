import type { Draft, Segment } from "@/lib/templates/markdown/draft";
import type { Repair } from "@/lib/templates/markdown/encoding";
import { IMPORT_LIMITS, ImportLimitError, type ImportPreview, type ImportWarning, type PreviewItem, type PreviewPhase, type PreviewRole, type PreviewSubItem } from "@/lib/templates/markdown/types";
import { guessCategory, knownCategories, priorityIn, type Priority } from "@/lib/templates/markdown/vocabulary";

// From items with their heading paths to phases: the heading (or bold label) directly above an
// item is its phase, unless that makes more than MAX_PHASES phases, in which case deep outlines
// are folded up a level at a time and the folded section names are kept in each item's details.

export const MAX_PHASES = 12;

const sameSegment = (a: Segment, b: Segment) => a.line === b.line && a.text === b.text;

function commonPrefix(paths: Segment[][]): number {
  if (paths.length === 0) return 0;
  let length = 0;
  for (;;) {
    const segment = paths[0]![length];
    if (!segment || !paths.every((path) => path[length] && sameSegment(path[length]!, segment))) return length;
    length += 1;
  }
}

const keyOf = (path: Segment[]) => path.map((segment) => `${segment.line}:${segment.text}`).join("/");

function truncate(path: Segment[], depth: number) {
  return path.filter((segment) => segment.depth <= depth);
}

/** The deepest cut that leaves at most MAX_PHASES phases (or the shallowest there is). */
function chooseDepth(paths: Segment[][]): number {
  const depths = [...new Set(paths.flat().map((segment) => segment.depth))].sort((a, b) => b - a);
  for (const depth of depths) {
    if (new Set(paths.map((path) => keyOf(truncate(path, depth)))).size <= MAX_PHASES) return depth;
  }
  return depths.at(-1) ?? 0;
}

const withoutParentheses = (text: string) => text.replace(/\s*\([^)]*\)\s*/g, " ").trim();

function inheritedPriority(path: Segment[]): Priority | null {
  for (const segment of [...path].reverse()) {
    const priority = priorityIn(segment.text.replace(/\bcritical path\b/gi, ""));
    if (priority) return priority;
  }
  return null;
}

function repairWarnings(repairs: Repair[], text: string): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const codec of ["Windows-1252", "Mac Roman"] as const) {
    const found = repairs.filter((repair) => repair.codec === codec);
    if (found.length === 0) continue;
    const examples = [...new Map(found.map((repair) => [repair.from, repair])).values()].slice(0, 3);
    const lines = [...new Set(found.map((repair) => repair.line))];
    warnings.push({
      line: lines[0]!,
      kind: "repaired",
      message: `Repaired ${found.length} ${found.length === 1 ? "place" : "places"} damaged by a wrong encoding (UTF-8 read as ${codec}), such as ${examples.map((repair) => `“${repair.from}” → “${repair.to}”`).join(", ")}, on lines ${lines.slice(0, 12).join(", ")}${lines.length > 12 ? ` and ${lines.length - 12} more` : ""}.`,
    });
  }
  text.split("\n").forEach((lineText, index) => {
    if (/(?:[âðÃÂ][\u0080-\u00bf\u0152-\u2122]|[‚√][\u00c0-\u2122])/u.test(lineText)) {
      warnings.push({ line: index + 1, kind: "skipped", message: "This line still looks damaged by a wrong encoding and could not be repaired for certain; check its text." });
    }
  });
  return warnings;
}

type Input = { title: string | null; drafts: Draft[]; roles: PreviewRole[]; warnings: ImportWarning[]; repairs: Repair[]; text: string };

export function buildPreview({ title, drafts, roles, warnings, repairs, text }: Input): ImportPreview {
  const all = [...warnings, ...repairWarnings(repairs, text)];
  const kept = drafts.filter((draft) => {
    if (draft.title) return true;
    all.push({ line: draft.line, kind: "skipped", message: "A checklist item with no text was skipped." });
    return false;
  });
  const total = kept.reduce((sum, draft) => sum + 1 + draft.subItems.length, 0);
  if (total > IMPORT_LIMITS.items) {
    throw new ImportLimitError(`The document has ${total.toLocaleString("en")} checklist items; at most ${IMPORT_LIMITS.items.toLocaleString("en")} can be imported at once.`);
  }

  const prefix = commonPrefix(kept.map((draft) => draft.path));
  const paths = kept.map((draft) => draft.path.slice(prefix));
  const depth = chooseDepth(paths);
  const folded = paths.filter((path) => truncate(path, depth).length < path.length).length;
  if (folded > 0) {
    all.push({ line: 0, kind: "adjusted", message: `The outline is deep: sub-sections were folded into their parent headings to keep ${MAX_PHASES} phases or fewer; each item keeps its sub-section in its details.` });
  }

  const phases = new Map<string, PreviewPhase & { path: Segment[] }>();
  let defaulted = 0;
  let guessedCategories = 0;
  kept.forEach((draft, index) => {
    const full = paths[index]!;
    const phasePath = truncate(full, depth);
    const dropped = full.slice(phasePath.length).filter((segment) => !phasePath.includes(segment));
    const key = keyOf(phasePath);
    if (!phases.has(key)) {
      const last = phasePath.at(-1) ?? draft.path[prefix - 1];
      const previous = phasePath.at(-2) ?? (phasePath.length === 1 ? draft.path[prefix - 1] : undefined);
      const isLabel = last !== undefined && !Number.isInteger(last.depth);
      const name = last ? (isLabel && previous ? `${withoutParentheses(previous.text)}: ${last.text}` : last.text) : title ?? "Checklist";
      phases.set(key, { name: name || title || "Checklist", line: last?.line ?? draft.line, items: [], path: phasePath });
    }
    let priority = draft.priority;
    if (!priority && draft.unreadPriority) {
      all.push({ line: draft.line, kind: "guessed", message: `Priority “${draft.unreadPriority}” is not a priority this app knows: set to Recommended.` });
    } else if (!priority) {
      priority = inheritedPriority(draft.path);
      if (!priority) defaulted += 1;
    }
    const finalPriority: Priority = priority ?? "RECOMMENDED";
    const context = draft.path.map((segment) => segment.text);
    const named = draft.category ? knownCategories.find((known) => known.toLowerCase() === draft.category!.toLowerCase()) ?? null : null;
    if (draft.category && !named) {
      all.push({ line: draft.line, kind: "guessed", message: `Category “${draft.category}” is not one of ${knownCategories.join(", ")}: guessed from the item's words instead.` });
    }
    const category = named ?? guessCategory(draft.title, ...context.reverse());
    if (category && !named) guessedCategories += 1;
    const details = [...(dropped.length ? [`Section: ${dropped.map((segment) => segment.text).join(" › ")}`] : []), ...draft.details].join("\n").slice(0, 10_000);
    const toSub = (sub: Draft): PreviewSubItem => ({
      title: clip(sub.title, sub.line, all),
      line: sub.line,
      status: sub.status,
      priority: sub.priority ?? finalPriority,
      category,
      ownerRole: sub.ownerRole,
      estimateMinutes: sub.estimateMinutes,
      evidence: sub.evidence,
      details: sub.details.join("\n").slice(0, 10_000),
    });
    const item: PreviewItem = {
      ...toSub({ ...draft, priority: finalPriority, details: [] }),
      details,
      subItems: draft.subItems.filter((sub) => sub.title).map(toSub),
    };
    phases.get(key)!.items.push(item);
  });
  if (defaulted > 0) all.push({ line: 0, kind: "guessed", message: `${defaulted} ${defaulted === 1 ? "item has" : "items have"} no priority marker: set to Recommended.` });
  if (guessedCategories > 0) all.push({ line: 0, kind: "guessed", message: `Readiness categories of ${guessedCategories} items were guessed from their words; review them after the import.` });

  const phaseList = disambiguate([...phases.values()]);
  const items = phaseList.flatMap((phase) => phase.items);
  return {
    title,
    phases: phaseList.map(({ name, line, items: phaseItems }) => ({ name: name.slice(0, 120), line, items: phaseItems })),
    signoffRoles: roles,
    warnings: all.sort((a, b) => a.line - b.line),
    counts: {
      phases: phaseList.length,
      items: items.length,
      subItems: items.reduce((sum, item) => sum + item.subItems.length, 0),
      done: items.filter((item) => item.status === "DONE").length,
      blocking: items.filter((item) => item.priority === "BLOCKING").length,
      signoffRoles: roles.length,
    },
  };
}

function clip(title: string, line: number, warnings: ImportWarning[]): string {
  if (title.length <= 200) return title;
  warnings.push({ line, kind: "adjusted", message: "A title longer than 200 characters was shortened." });
  return `${title.slice(0, 199)}…`;
}

/** Phases with the same name get their parent heading in front: "Day 1 › Evening Tasks". */
function disambiguate<T extends { name: string; path: Segment[] }>(phases: T[]): T[] {
  const counts = new Map<string, number>();
  for (const phase of phases) counts.set(phase.name, (counts.get(phase.name) ?? 0) + 1);
  return phases.map((phase) => {
    if ((counts.get(phase.name) ?? 0) < 2 || phase.path.length < 2) return phase;
    return { ...phase, name: `${withoutParentheses(phase.path.at(-2)!.text)} › ${phase.name}` };
  });
}
