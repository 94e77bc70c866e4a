// The item status change as the checklist's status control sends it: a server action POSTed to
// the checklist page with the Next-Action header, its id read from the build's manifest.
import { readFileSync, writeFileSync } from "node:fs";
import { db } from "@/lib/db";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The id of `setItemStatusAction` in the production build. */
export function findActionId(manifestFile = ".next/server/server-reference-manifest.json", exportedName = "setItemStatusAction"): string {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName && action.filename === "lib/checklist/actions.ts");
  if (!found) throw new Error(`${exportedName} is not in ${manifestFile}: is the build current?`);
  return found[0];
}

/** The items the action changes (top-level, not waived, not managed), with their current versions. */
export async function writeItemsFile(releaseId: string, file: string): Promise<number> {
  const items = await db.item.findMany({
    where: { releaseId, parentId: null, managedBy: null, status: { not: "WAIVED" } },
    orderBy: { id: "asc" },
    select: { id: true, version: true, status: true },
  });
  writeFileSync(file, items.map((item) => `${item.id} ${item.version} ${item.status}\n`).join(""));
  return items.length;
}

/** The body React's client sends for `useActionState(action)` with these form fields. */
export function actionBody(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return form;
}

/** Sends one status change with fetch and checks the item really changed in the database. */
export async function checkActionOnce(base: string, page: string, actionId: string, cookie: string, releaseId: string) {
  const item = await db.item.findFirstOrThrow({ where: { releaseId, parentId: null, managedBy: null, status: { not: "DONE" } }, select: { id: true, version: true } });
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, origin: base, accept: "text/x-component", "next-action": actionId },
    body: actionBody({ id: item.id, version: String(item.version), status: "DONE" }),
  });
  const text = await response.text();
  const after = await db.item.findUniqueOrThrow({ where: { id: item.id }, select: { version: true, status: true } });
  if (!response.ok || !text.includes('"status":"success"') || after.version !== item.version + 1 || after.status !== "DONE") {
    throw new Error(`The item status action did not change the item (HTTP ${response.status}, version ${item.version} -> ${after.version}): ${text.slice(0, 300)}`);
  }
}

/** The newest audit event id: status changes recorded after it are the benchmark's. */
export async function lastAuditId(): Promise<bigint> {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** Status changes the bench user recorded after `afterId`. */
export async function countStatusChanges(actorEmail: string, afterId: bigint): Promise<number> {
  return db.auditEvent.count({ where: { id: { gt: afterId }, action: "item.status_changed", actor: { email: actorEmail } } });
}
