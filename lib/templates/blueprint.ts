import { z } from "zod";
import type { ImportPreview, PreviewSubItem } from "@/lib/templates/markdown/types";

// A plan without a release (F3, F4): the phases, items and sign-off roles a new release is
// created with. An import produces one from its preview; a template stores one as its body;
// "save as template" reads one off a release. Pure, and validated with zod wherever it is read
// from the database, so a hand-edited template body cannot create a broken release.

const priority = z.enum(["BLOCKING", "RECOMMENDED", "OPTIONAL"]);
const status = z.enum(["TODO", "IN_PROGRESS", "DONE", "BLOCKED", "WAIVED"]);

const blueprintSubItem = z.strictObject({
  title: z.string().trim().min(1).max(200),
  details: z.string().max(10_000).default(""),
  priority,
  status: status.default("TODO"),
  category: z.string().max(60).nullable().default(null),
  ownerRole: z.string().max(80).default(""),
  estimateMinutes: z.number().int().min(1).max(100_000).nullable().default(null),
  /** Days from the release's target date (negative: before it); the due date of a new release. */
  dueOffsetDays: z.number().int().min(-3650).max(3650).nullable().default(null),
  evidence: z.array(z.strictObject({ url: z.string().url().max(2000), label: z.string().max(200) })).max(20).default([]),
});

const blueprintItem = blueprintSubItem.extend({ subItems: z.array(blueprintSubItem).max(200).default([]) });

export const blueprintSchema = z.strictObject({
  phases: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(120), description: z.string().max(5000).default(""), items: z.array(blueprintItem).max(5000) }))
    .min(1, "A plan needs at least one phase.")
    .max(60),
  signoffRoles: z
    .array(z.strictObject({ roleName: z.string().trim().min(1).max(80), evidenceToReview: z.string().max(5000).default(""), requiredApprovals: z.number().int().min(1).max(20).default(1) }))
    .max(30)
    .default([]),
});

export type Blueprint = z.infer<typeof blueprintSchema>;
export type BlueprintItem = z.infer<typeof blueprintItem>;
export type BlueprintSubItem = z.infer<typeof blueprintSubItem>;

const DAY = 24 * 60 * 60 * 1000;

function fromPreviewItem(item: PreviewSubItem): BlueprintSubItem {
  return {
    title: item.title,
    details: item.details,
    priority: item.priority,
    status: item.status,
    category: item.category,
    ownerRole: item.ownerRole,
    estimateMinutes: item.estimateMinutes,
    dueOffsetDays: null,
    evidence: item.evidence,
  };
}

/** What an import creates: the preview, as it was shown. */
export function blueprintFromPreview(preview: ImportPreview): Blueprint {
  return {
    phases: preview.phases.map((phase) => ({
      name: phase.name,
      description: "",
      items: phase.items.map((item) => ({ ...fromPreviewItem(item), subItems: item.subItems.map(fromPreviewItem) })),
    })),
    signoffRoles: preview.signoffRoles.map((role) => ({ roleName: role.roleName, evidenceToReview: role.evidenceToReview, requiredApprovals: role.requiredApprovals })),
  };
}

/**
 * A template made from an import of a plan written for one particular week: phases named
 * "Day N" or "Week N" are placed relative to the last day or week, which is the target date.
 * Everything starts again at To do, without evidence.
 */
export function templateFromPreview(preview: ImportPreview): Blueprint {
  const blueprint = blueprintFromPreview(preview);
  // "Day 3", "Week 2", "Days 4-5" (the last day of a range counts).
  const numbered = (unit: "day" | "week") =>
    blueprint.phases.map((phase) => {
      const match = new RegExp(`\\b${unit}s?\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\b`, "i").exec(phase.name);
      return Number(match?.[2] ?? match?.[1] ?? NaN);
    });
  const days = numbered("day");
  const weeks = numbered("week");
  const lastDay = Math.max(...days.filter(Number.isFinite));
  const lastWeek = Math.max(...weeks.filter(Number.isFinite));
  return {
    ...blueprint,
    phases: blueprint.phases.map((phase, index) => {
      const offset = Number.isFinite(days[index]!) ? days[index]! - lastDay : Number.isFinite(weeks[index]!) ? (weeks[index]! - lastWeek) * 7 : null;
      const reset = (item: BlueprintSubItem): BlueprintSubItem => ({ ...item, status: "TODO", evidence: [], dueOffsetDays: offset });
      return { ...phase, items: phase.items.map((item) => ({ ...reset(item), subItems: item.subItems.map(reset) })) };
    }),
  };
}

type ReleaseItemRow = {
  title: string;
  details: string;
  priority: BlueprintItem["priority"];
  ownerRole: string;
  estimateMinutes: number | null;
  dueDate: Date | null;
  category: { name: string } | null;
};

/** A release's plan as a template: the same phases, items and roles, due dates kept relative to the target date. */
export function blueprintFromRelease(release: {
  targetDate: Date;
  phases: { name: string; description: string; items: (ReleaseItemRow & { subItems: ReleaseItemRow[] })[] }[];
  requiredSignoffs: { roleName: string; evidenceToReview: string; requiredApprovals: number }[];
}): Blueprint {
  const toItem = (item: ReleaseItemRow): BlueprintSubItem => ({
    title: item.title,
    details: item.details,
    priority: item.priority,
    status: "TODO",
    category: item.category?.name ?? null,
    ownerRole: item.ownerRole,
    estimateMinutes: item.estimateMinutes,
    dueOffsetDays: item.dueDate ? Math.round((item.dueDate.getTime() - release.targetDate.getTime()) / DAY) : null,
    evidence: [],
  });
  return {
    phases: release.phases.map((phase) => ({ name: phase.name, description: phase.description, items: phase.items.map((item) => ({ ...toItem(item), subItems: item.subItems.map(toItem) })) })),
    signoffRoles: release.requiredSignoffs.map(({ roleName, evidenceToReview, requiredApprovals }) => ({ roleName, evidenceToReview, requiredApprovals })),
  };
}

/** The due date of an item of a new release: its offset from the new target date. */
export function dueDateFor(targetDate: Date, offsetDays: number | null): Date | null {
  return offsetDays === null ? null : new Date(targetDate.getTime() + offsetDays * DAY);
}

export function countBlueprint(blueprint: Blueprint) {
  const items = blueprint.phases.flatMap((phase) => phase.items);
  return { phases: blueprint.phases.length, items: items.length, subItems: items.reduce((sum, item) => sum + item.subItems.length, 0), signoffRoles: blueprint.signoffRoles.length };
}
