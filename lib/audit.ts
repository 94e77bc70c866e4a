import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { currentVia } from "@/lib/api/context";

export type AuditInput = {
  actorId: string | null;
  releaseId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

const toRow = (event: AuditInput) => ({
  actorId: event.actorId,
  releaseId: event.releaseId ?? null,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId,
  before: toJson(event.before),
  after: toJson(event.after),
  // Set when the change comes through the API: "API token “CI pipeline”".
  via: currentVia(),
});

/** The one place that writes audit events; always inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: toRow(event) });
}

/** Many audit events in one statement, for changes that create a whole plan at once. */
export async function recordAudits(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map(toRow) });
}

/** The fields of `after` whose values differ from `before`, for a compact audit record. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const keys = Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key as keyof T]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key as keyof T]])),
    isChanged: keys.length > 0,
  };
}
