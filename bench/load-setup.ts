// The parts of npm run bench:load that prepare a run: the app on its own database, signed-in
// people, and sign-off submissions encoded exactly as the browser's server action call sends them.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export { signIn, waitForReady } from "./app-server";

const require = createRequire(import.meta.url);
// React's own encoder of server action arguments, as the browser uses it.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as { encodeReply: (value: unknown) => Promise<FormData | string> };

export const benchPassword = "bench-signoff-password";

export function startApp(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOAD_DEMO_DATA: "1",
      NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      API_RATE_LIMIT_PER_MINUTE: "100000",
      JOBS_WORKER: "on",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

/** Passes the app's error output through, counting the exceptions nothing caught: each is a bug. */
export function countUncaught(app: ChildProcess): () => number {
  let count = 0;
  app.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    count += chunk.toString("utf8").match(/uncaughtException|unhandledRejection/g)?.length ?? 0;
  });
  return () => count;
}

/** The id Next gave a server action in this build. */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in this build.`);
  return entry[0];
}

export type Submission = { key: string; body: string; contentType: string };

/** One approval for one role, with a fresh idempotency key, as the sign-off form submits it. */
export async function encodeSignoff(requiredSignoffId: string, basisRevision: number): Promise<Submission> {
  const key = randomBytes(12).toString("hex");
  const form = new FormData();
  for (const [name, value] of Object.entries({ requiredSignoffId, verdict: "APPROVED", comment: "Checked under load.", evidenceReviewed: "", password: benchPassword, basisRevision: String(basisRevision), supersedesId: "", idempotencyKey: key })) {
    form.set(name, value);
  }
  const reply = await encodeReply([{ status: "idle" }, form]);
  const request = new Request("http://bench.invalid", { method: "POST", body: reply });
  return { key, body: await request.text(), contentType: request.headers.get("content-type") ?? "text/plain;charset=UTF-8" };
}

type Db = typeof import("@/lib/db").db;

/**
 * A release of its own for the sign-offs, with `lanes` roles each assigned to every approver
 * given: each (role, approver) pair takes one first sign-off, so writes never wait on each other.
 */
export async function prepareSignoffRoles(db: Db, ownerId: string, approverIds: string[], lanes: number) {
  const release = await db.release.create({
    data: { name: `Load bench ${new Date().toISOString()}`, versionName: "bench", targetDate: new Date(Date.now() + 7 * 86_400_000), ownerId, separationOfDuties: true },
    select: { id: true, blockingRevision: true },
  });
  const roles = await db.requiredSignoff.createManyAndReturn({
    data: Array.from({ length: lanes }, (_, position) => ({ releaseId: release.id, roleName: `Bench role ${position + 1}`, position })),
    select: { id: true },
  });
  await db.requiredSignoffAssignee.createMany({ data: roles.flatMap((role) => approverIds.map((userId) => ({ requiredSignoffId: role.id, userId }))) });
  return { releaseId: release.id, basisRevision: release.blockingRevision, roleIds: roles.map((role) => role.id) };
}
