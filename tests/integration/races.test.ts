import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { StaleVersionError } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import { updateItem } from "@/lib/checklist/item-mutations";
import { setItemStatus } from "@/lib/checklist/item-status";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { evaluateReadiness } from "@/lib/decisions/rules";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { createItem, createPhase, createRelease, createRole, createUser, testPassword } from "../support/factories";

// Races against the real PostgreSQL (F20): two writers released by one barrier, over and over.
// (Ten concurrent decisions and double-submitted sign-offs and decisions are raced in
// decisions.test.ts and signoffs.test.ts.)

let manager: Viewer;
let other: Viewer;
let approver: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  other = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER", { withPassword: true });
});

/** Starts every task at the same moment, once all of them are ready. */
async function race<T>(tasks: (() => Promise<T>)[]) {
  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  const running = tasks.map(async (task) => {
    await barrier;
    return task();
  });
  open();
  return Promise.allSettled(running);
}

const itemEdit = (id: string, version: number, title: string) => ({ id, version: String(version), title, details: "", priority: "RECOMMENDED", categoryId: "", ownerRole: "", assigneeId: "", dueDate: "", estimateMinutes: "" });

describe("races", () => {
  it("two edits of the same item version: exactly one wins, 50 times out of 50, and nothing is lost silently", async () => {
    const release = await createRelease(manager.id);
    const phase = await createPhase(release.id);
    for (let round = 0; round < 50; round += 1) {
      const item = await createItem(phase);
      const results = await race([() => updateItem(manager, itemEdit(item.id, item.version, `Mine ${round}`)), () => updateItem(other, itemEdit(item.id, item.version, `Theirs ${round}`))]);
      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(StaleVersionError);
      const saved = await db.item.findUniqueOrThrow({ where: { id: item.id }, select: { title: true, version: true } });
      expect(saved.version).toBe(item.version + 1);
      const winner = results[0]!.status === "fulfilled" ? `Mine ${round}` : `Theirs ${round}`;
      expect(saved.title).toBe(winner);
      expect(await db.auditEvent.count({ where: { entityId: item.id, action: "item.updated" } })).toBe(1);
    }
  });

  it("a sign-off racing a reopened blocking item is never counted for the new state, 20 times out of 20", async () => {
    for (let round = 0; round < 20; round += 1) {
      const release = await createRelease(manager.id);
      const phase = await createPhase(release.id);
      const blocking = await createItem(phase, { priority: "BLOCKING", status: "DONE", lastChangedById: manager.id });
      const role = await createRole(release.id, [approver]);
      const { blockingRevision } = await db.release.findUniqueOrThrow({ where: { id: release.id }, select: { blockingRevision: true } });
      await race<unknown>([
        () => recordSignoff(approver, { requiredSignoffId: role.id, verdict: "APPROVED", comment: "", evidenceReviewed: "", password: testPassword, basisRevision: String(blockingRevision), supersedesId: "", idempotencyKey: randomUUID() }),
        () => setItemStatus(manager, { id: blocking.id, version: String(blocking.version), status: "IN_PROGRESS" }),
      ]);
      const loaded = await loadReadinessInput(db, release.id);
      const [evaluation] = evaluateReadiness(loaded!.input, new Date()).roles;
      // The approval was given on the state before the reopen: it may be recorded, but only as stale.
      expect(evaluation!.state).not.toBe("APPROVED");
      expect(evaluation!.approvals).toBe(0);
    }
  });
});
