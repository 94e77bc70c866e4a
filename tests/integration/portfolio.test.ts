import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { listReleases } from "@/lib/releases/queries";
import { portfolioQuerySchema } from "@/lib/releases/schemas";
import { createRelease, createUser } from "../support/factories";

let ana: Viewer;
let ben: Viewer;

beforeAll(async () => {
  ana = await createUser("RELEASE_MANAGER");
  ben = await createUser("RELEASE_MANAGER");
  for (let index = 0; index < 30; index += 1) {
    const release = await createRelease(index % 2 ? ben.id : ana.id, { name: `Checkout ${String(index).padStart(2, "0")}` });
    await db.release.update({
      where: { id: release.id },
      data: { targetDate: new Date(Date.UTC(2030, 0, 1 + index)), status: index % 3 === 0 ? "IN_PROGRESS" : "PLANNING", archivedAt: index === 29 ? new Date() : null },
    });
  }
});

const list = (raw: Record<string, string> = {}) => listReleases(portfolioQuerySchema.parse(raw));

describe("the releases page", () => {
  it("pages 25 at a time, hides archived releases unless asked, and counts them all", async () => {
    const first = await list();
    expect(first.total).toBe(29);
    expect(first.pageCount).toBe(2);
    expect(first.releases).toHaveLength(25);
    expect(first.releases[0]!.name).toBe("Checkout 00");
    const second = await list({ page: "2" });
    expect(second.releases.map((release) => release.name)).toEqual(["Checkout 25", "Checkout 26", "Checkout 27", "Checkout 28"]);
    expect((await list({ archived: "1" })).total).toBe(30);
  });

  it("searches, filters by status and owner, and sorts both ways", async () => {
    expect((await list({ q: "checkout 1" })).releases.map((release) => release.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Checkout 1${index}`),
    );
    const inProgress = await list({ status: "IN_PROGRESS" });
    expect(inProgress.releases.every((release) => release.status === "IN_PROGRESS")).toBe(true);
    expect(inProgress.total).toBe(10);
    const bens = await list({ owner: ben.id });
    expect(bens.releases.every((release) => release.owner.name === ben.name)).toBe(true);
    expect((await list({ sort: "name", dir: "desc" })).releases[0]!.name).toBe("Checkout 28");
    expect((await list({ sort: "target", dir: "desc" })).releases[0]!.name).toBe("Checkout 28");
  });

  it("evaluates each listed release by the readiness rules", async () => {
    const [release] = (await list({ q: "Checkout 03" })).releases;
    expect(release).toMatchObject({ isReady: false, signoffs: { approved: 0, total: 0 }, latestDecision: null });
    expect(release!.score.display).toBeNull();
  });
});
