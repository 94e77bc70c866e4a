import { describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import { setItemStatus } from "@/lib/checklist/item-status";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { getReadinessHistory } from "@/lib/releases/history-queries";
import { createItem, createPhase, createRelease, createUser } from "../support/factories";

// The history chart's daily sums are kept between changes (lib/releases/history-queries.ts),
// under the release's latest audit event: a repeated read skips the sums, and any
// change is in the next read.

async function history(releaseId: string) {
  const { input } = (await loadReadinessInput(db, releaseId))!;
  let statements = 0;
  const stop = onQuery(() => (statements += 1));
  try {
    return { points: await getReadinessHistory(releaseId, input, new Date()), statements };
  } finally {
    stop();
  }
}

describe("kept daily sums of the history", () => {
  it("reads them once, and a change made since is in the next read", async () => {
    const manager = await createUser("RELEASE_MANAGER");
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    const categoryId = release.categories[0]!.id;
    const [first, second] = [await createItem(phase, { categoryId }), await createItem(phase, { categoryId })];
    await setItemStatus(manager, { id: first.id, version: "1", status: "DONE" });

    const before = await history(release.id);
    const again = await history(release.id);
    expect(again.points).toEqual(before.points);
    expect(again.statements).toBeLessThan(before.statements);

    await setItemStatus(manager, { id: second.id, version: "1", status: "DONE" });
    const after = await history(release.id);
    // Today has one more item done; the days before are replayed from today's counts minus
    // today's changes, so they stay as they were only if today's new change is in the sums.
    expect(after.points.at(-1)!.done).toBe(before.points.at(-1)!.done + 1);
    expect(after.points.slice(0, -1)).toEqual(before.points.slice(0, -1));
    expect(after.statements).toBe(before.statements);
  });
});
