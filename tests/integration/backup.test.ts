import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRelease } from "@/lib/releases/mutations";
import { createUser } from "../support/factories";

// npm run db:backup and db:restore, run as an operator would, on this test's own database:
// the restore goes into a new database, every table checksum matches, the chain verifies.

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } });

describe("backup and restore", () => {
  it("round-trips the database with matching checksums and an intact audit chain", async () => {
    const manager = await createUser("RELEASE_MANAGER");
    for (const name of ["Payments", "Search", "Checkout"]) await createRelease(manager, { name, versionName: "v1", description: "", targetDate: "2030-02-01" });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "rr-backup-")), "backup.dump");

    const backedUp = run("scripts/db-backup.mjs", file);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/Backed up \d+ tables/);
    const manifest = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    expect(manifest.tables.releases.rows).toBe(3);

    const restored = run("scripts/db-restore.mjs", file);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("every checksum matches the backup");
    expect(restored.stdout).toMatch(/The audit trail verifies: \d+ events/);

    // A backup whose contents do not match its checksums is reported, not trusted.
    manifest.tables.releases.checksum = "0".repeat(32);
    writeFileSync(`${file}.json`, JSON.stringify(manifest));
    const mismatched = run("scripts/db-restore.mjs", file);
    expect(mismatched.status).toBe(1);
    expect(mismatched.stderr).toContain("releases: 3 rows backed up, 3 restored, contents differ");
  });
});
