import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { registry } from "../support/action-registry";
import { databaseChecksum } from "../support/database-checksum";
import { createItem, createPhase, createRelease, createRole, createUser } from "../support/factories";

// Hostile input for every action (F20): fast-check builds inputs from the field names the
// actions use, filled with hostile values (huge and empty strings, control characters,
// right-to-left marks, script and javascript: payloads, SQL fragments, wrong types, forged
// fields such as signerId or createdAt) and sometimes with real ids, so the deeper code runs.
// Whatever arrives, an action answers with a refusal a person can read (never an unexpected
// error, which would be a 500), and a refused action writes nothing at all.

const fieldNames = [
  "id", "releaseId", "phaseId", "itemId", "parentId", "categoryId", "assigneeId", "requiredSignoffId", "templateId", "deliveryId", "conditionId",
  "version", "title", "name", "versionName", "description", "details", "status", "priority", "url", "label", "body", "reason", "note",
  "targetDate", "dueDate", "waiverReason", "waiverExpiresAt", "verdict", "password", "basisRevision", "idempotencyKey", "outcome", "rationale",
  "signerId", "createdAt", "decidedById", "ownerId", "email", "role", "scopes", "events", "expiresInDays", "source", "previewHash", "plan",
];

const hostile = fc.oneof(
  fc.constantFrom(
    "", " ", "x".repeat(100_000), "\u0000\u0001\u0007\u001b[31m", "\u202e\u202dreversed", "<script>alert(1)</script>", "javascript:alert(1)",
    "'; DROP TABLE users; --", "1 OR 1=1", "../../etc/passwd", "%00", "NaN", "-1", "0", "99999999999999999999", "2030-02-30", "9999-12-31",
    "true", "null", "on", "DONE", "BLOCKING", "ADMIN", "https://evil.example/\u0000", "\ud800", "👩‍👩‍👧‍👦".repeat(50),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

let admin: Viewer;
let realIds: string[] = [];

beforeAll(async () => {
  admin = await createUser("ADMIN", { withPassword: true });
  const release = await createRelease(admin.id);
  const phase = await createPhase(release.id);
  const item = await createItem(phase, { priority: "BLOCKING" });
  const role = await createRole(release.id, [admin]);
  realIds = [release.id, phase.id, item.id, role.id, admin.id, release.categories[0]!.id];
});

/** Values that pass many fields' checks, so that generated inputs often reach the code behind the parse. */
const plausible = fc.constantFrom("1", "2", "2030-01-15", "2099-12-31", "TODO", "DONE", "BLOCKING", "APPROVED", "GO", "READ", "read", "Title", "https://ci.example.com/build/1", "on", "yes", "UTC", "MEDIUM", "P1", "MUST");

/**
 * Inputs with exactly the fields the action asks for (read from its refusal of an empty input),
 * each hostile, plausible or a real id, and sometimes a forged extra field.
 */
function inputFor(fields: string[]) {
  const value = fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: plausible }, { weight: 2, arbitrary: fc.constantFrom(...realIds) });
  const known = fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] });
  const forged = fc.option(fc.tuple(fc.constantFrom(...fieldNames), hostile), { nil: undefined });
  return fc.tuple(known, forged).map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

async function fieldsOf(mutation: (viewer: Viewer, raw: unknown) => unknown): Promise<string[]> {
  try {
    await mutation(admin, {});
  } catch (error) {
    if (error instanceof ValidationError) return Object.keys(error.fieldErrors).map((key) => key.split(".")[0]!).filter((key) => key !== "form");
  }
  return fieldNames;
}

const expectedRefusals = [ValidationError, ForbiddenError, NotFoundError, StaleVersionError];

describe("hostile input", () => {
  it.each(Object.entries(registry))("%s: never an unexpected error, never a partial write", async (_name, { mutation }) => {
    const fields = await fieldsOf(mutation);
    await fc.assert(
      fc.asyncProperty(fields.length > 0 ? inputFor(fields) : fc.dictionary(fc.constantFrom(...fieldNames), hostile, { maxKeys: 4 }), async (raw) => {
        const before = await databaseChecksum();
        try {
          await mutation(admin, raw);
        } catch (error) {
          const isExpected = expectedRefusals.some((kind) => error instanceof kind);
          if (!isExpected) throw new Error(`unexpected ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)} for ${JSON.stringify(raw).slice(0, 300)}`);
          expect(await databaseChecksum()).toBe(before);
        }
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 15) },
    );
  });
});
