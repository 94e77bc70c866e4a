import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { setItemStatus } from "@/lib/checklist/item-status";
import { ensureListening, subscribeToRelease, type ReleaseEvent } from "@/lib/live/listener";
import { createItem, createPhase, createRelease, createUser } from "../support/factories";

let manager: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
});

function collect(releaseId: string) {
  const events: ReleaseEvent[] = [];
  const unsubscribe = subscribeToRelease(releaseId, (event) => events.push(event));
  return { events, unsubscribe };
}

async function waitFor(condition: () => boolean, timeoutMs = 2000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("live updates through LISTEN/NOTIFY", () => {
  it("announces a committed change to the release's subscribers only, within two seconds", async () => {
    const release = await createRelease(manager.id);
    const other = await createRelease(manager.id);
    const item = await createItem(await createPhase(release.id));
    const watching = collect(release.id);
    const elsewhere = collect(other.id);
    await ensureListening();
    await setItemStatus(manager, { id: item.id, version: String(item.version), status: "DONE" });
    await waitFor(() => watching.events.length > 0);
    expect(watching.events).toEqual([{ releaseId: release.id, action: "item.status_changed" }]);
    expect(elsewhere.events).toEqual([]);
    watching.unsubscribe();
    elsewhere.unsubscribe();
  });

  it("says nothing about a change that was rolled back", async () => {
    const release = await createRelease(manager.id);
    const watching = collect(release.id);
    await ensureListening();
    await db.$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { releaseId: release.id, action: "probe.rolled_back", entityType: "release", entityId: release.id } });
      throw new Error("roll back");
    }).catch(() => {});
    await db.auditEvent.create({ data: { releaseId: release.id, action: "probe.committed", entityType: "release", entityId: release.id } });
    await waitFor(() => watching.events.length > 0);
    expect(watching.events.map((event) => event.action)).toEqual(["probe.committed"]);
    watching.unsubscribe();
  });

  it("reconnects after the database drops its connection", async () => {
    const release = await createRelease(manager.id);
    const watching = collect(release.id);
    await ensureListening();
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'release-readiness-live'`;
    // Keep announcing until the listener is back: it retries with a short backoff.
    await waitFor(() => {
      // Prisma queries run only once awaited or given a handler.
      db.auditEvent.create({ data: { releaseId: release.id, action: "probe.after_drop", entityType: "release", entityId: release.id } }).catch(() => {});
      return watching.events.length > 0;
    }, 5000);
    expect(watching.events[0]!.action).toBe("probe.after_drop");
    watching.unsubscribe();
  });
});
