import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { createShareLink, revokeShareLink } from "@/lib/share/mutations";
import { resolveShareToken } from "@/lib/share/queries";
import { hashShareToken } from "@/lib/share/tokens";
import { countRows, createRelease, createUser } from "../support/factories";

let manager: Viewer;
let approver: Viewer;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  approver = await createUser("APPROVER");
});

describe("share links", () => {
  it("stores only a hash of the token, opens the release and counts views", async () => {
    const release = await createRelease(manager.id);
    const { id, token } = await createShareLink(manager, { releaseId: release.id, label: "Steering committee", expiresInDays: "14" });
    const row = await db.shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await resolveShareToken(token)).toBe(release.id);
    expect(await resolveShareToken(token)).toBe(release.id);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id } })).viewCount).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(audit.action).toBe("share_link.created");
    expect(JSON.stringify(audit.after)).not.toContain(token);
  });

  it("refuses guessed, tampered and malformed tokens", async () => {
    const release = await createRelease(manager.id);
    const { token } = await createShareLink(manager, { releaseId: release.id, label: "Board", expiresInDays: "1" });
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const guess of [tampered, "", "x", `${token}x`, "../../etc/passwd", "A".repeat(43)]) {
      expect(await resolveShareToken(guess)).toBeNull();
    }
  });

  it("stops working once expired or revoked, and when the release is archived", async () => {
    const release = await createRelease(manager.id);
    const expiring = await createShareLink(manager, { releaseId: release.id, label: "Expiring", expiresInDays: "1" });
    await db.shareLink.update({ where: { id: expiring.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000), expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveShareToken(expiring.token)).toBeNull();

    const revoked = await createShareLink(manager, { releaseId: release.id, label: "Revoked", expiresInDays: "30" });
    await revokeShareLink(manager, { id: revoked.id });
    expect(await resolveShareToken(revoked.token)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: revoked.id, action: "share_link.revoked" } })).toBe(1);

    const open = await createShareLink(manager, { releaseId: release.id, label: "Open", expiresInDays: "30" });
    await db.release.update({ where: { id: release.id }, data: { archivedAt: new Date() } });
    expect(await resolveShareToken(open.token)).toBeNull();
  });

  it("refuses approvers, expiries past 90 days and empty labels, changing nothing", async () => {
    const release = await createRelease(manager.id);
    const before = await countRows();
    await expect(createShareLink(approver, { releaseId: release.id, label: "x", expiresInDays: "7" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createShareLink(manager, { releaseId: release.id, label: "x", expiresInDays: "91" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createShareLink(manager, { releaseId: release.id, label: "", expiresInDays: "7" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createShareLink(manager, { releaseId: release.id, label: "x", expiresInDays: "7", tokenHash: "0".repeat(64) })).rejects.toBeInstanceOf(ValidationError);
    expect(await countRows()).toEqual(before);
  });
});
