import { tallyOf, type ProgressItem, type ProgressTally } from "@/lib/checklist/rules";

// The readiness score (F6). Pure: pages, actions, the decision snapshot and the API all call it.
//
// Each weighted category scores the share of its applicable top-level items that are done
// (waived items are not applicable, as in progress). The release's score is the weighted mean
// over the categories that have applicable items; a category without any lends its weight to
// the others, and the breakdown says so. Items without a category do not count.

export type ScoreCategory = { id: string; name: string; weight: number };
export type ScoreItem = ProgressItem & { categoryId: string | null };

export type CategoryScore = ScoreCategory & {
  done: number;
  applicable: number;
  /** Share of applicable items done, 0..1; null when the category has no applicable items. */
  completion: number | null;
  /** Points this category adds to the score after re-weighting, 0..100. */
  points: number;
};

export type ScoreBreakdown = {
  /** 0..100 with full precision, or null when no category has an applicable item. */
  value: number | null;
  /** Rounded down, so a shown 90 always means the exact value reached 90. */
  display: number | null;
  threshold: number;
  meetsThreshold: boolean;
  categories: CategoryScore[];
  /** Top-level items with no category: they are not part of the score. */
  uncategorized: number;
};

export type CategoryCount = { done: number; applicable: number };

/** The score from each category's counts of done and applicable items. */
export function scoreFromCounts(
  categories: readonly ScoreCategory[],
  counts: ReadonlyMap<string, CategoryCount>,
  threshold: number,
  uncategorized = 0,
): ScoreBreakdown {
  const scored = categories.map((category) => {
    const { done, applicable } = counts.get(category.id) ?? { done: 0, applicable: 0 };
    return { ...category, done, applicable, completion: applicable === 0 ? null : done / applicable };
  });
  const weightInPlay = scored.reduce((sum, category) => (category.completion === null ? sum : sum + category.weight), 0);
  const withPoints = scored.map((category) => ({
    ...category,
    points: category.completion === null || weightInPlay === 0 ? 0 : (category.weight * category.completion * 100) / weightInPlay,
  }));
  const value = weightInPlay === 0 ? null : Math.min(100, withPoints.reduce((sum, category) => sum + category.points, 0));
  return {
    value,
    display: value === null ? null : Math.floor(value + 1e-9),
    threshold,
    meetsThreshold: value !== null && value + 1e-9 >= threshold,
    categories: withPoints,
    uncategorized,
  };
}

/** Top-level items counted alike, with the category they score in. */
export type ScoreTally = ProgressTally & { categoryId: string | null };

/** Done and applicable top-level items per category id ("" for none); waived items are not applicable. */
export function countByCategory(tallies: readonly ScoreTally[]): Map<string, CategoryCount> {
  const counts = new Map<string, CategoryCount>();
  for (const tally of tallies) {
    const key = tally.categoryId ?? "";
    const count = counts.get(key) ?? { done: 0, applicable: 0 };
    if (!tally.waived) {
      count.applicable += tally.count;
      if (tally.status === "DONE") count.done += tally.count;
    }
    counts.set(key, count);
  }
  return counts;
}

export function scoreFromTallies(tallies: readonly ScoreTally[], categories: readonly ScoreCategory[], threshold: number): ScoreBreakdown {
  const scored = new Set(categories.map((category) => category.id));
  // Items whose category is not one of the release's (or none) are not part of the score.
  const uncategorized = tallies.reduce((sum, tally) => (tally.categoryId && scored.has(tally.categoryId) ? sum : sum + tally.count), 0);
  return scoreFromCounts(categories, countByCategory(tallies), threshold, uncategorized);
}

export function computeScore(
  items: readonly ScoreItem[],
  categories: readonly ScoreCategory[],
  threshold: number,
  now: Date,
): ScoreBreakdown {
  const tallies = items.filter((item) => !item.parentId).map((item) => ({ ...tallyOf(item, now), categoryId: item.categoryId }));
  return scoreFromTallies(tallies, categories, threshold);
}

/** "84 of 100 (GO at 90)": the score in one line, for badges and screen readers. */
export function describeScore(score: ScoreBreakdown): string {
  if (score.display === null) return `No score yet (GO at ${score.threshold})`;
  return `${score.display} of 100 (GO at ${score.threshold})`;
}

/** Weights must be whole numbers that sum to exactly 100. */
export function weightsProblem(weights: readonly number[]): string | null {
  if (weights.length === 0) return "Add at least one category.";
  if (weights.some((weight) => !Number.isInteger(weight) || weight < 0 || weight > 100)) {
    return "Each weight must be a whole number from 0 to 100.";
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total === 100 ? null : `The weights add up to ${total}; they must add up to 100.`;
}
