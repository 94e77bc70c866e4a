import { z } from "zod";

// The automation API's request and response shapes (F22). The handlers parse requests with
// these schemas, the OpenAPI document is generated from them, and the contract tests check
// every response against them: one definition, three uses.

const isoDateTime = z.string().describe("ISO 8601 date and time, UTC");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("Calendar day, YYYY-MM-DD");

export const releaseStatusValues = ["PLANNING", "IN_PROGRESS", "GO", "NO_GO", "RELEASED", "ROLLED_BACK", "CANCELLED"] as const;
export const itemStatusValues = ["TODO", "IN_PROGRESS", "DONE", "BLOCKED", "WAIVED"] as const;
export const itemPriorityValues = ["BLOCKING", "RECOMMENDED", "OPTIONAL"] as const;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string().nullable(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: "Problem", description: "An error, as application/problem+json (RFC 9457)." });

export const decisionSummarySchema = z
  .object({ outcome: z.enum(["GO", "NO_GO"]), isOverride: z.boolean(), decidedBy: z.string(), decidedAt: isoDateTime, rationale: z.string() })
  .meta({ id: "DecisionSummary" });

export const releaseSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    targetDate: isoDay,
    status: z.enum(releaseStatusValues),
    archived: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: "ReleaseSummary" });

export const releaseListSchema = z
  .object({ data: z.array(releaseSummarySchema), nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page.") })
  .meta({ id: "ReleaseList" });

export const releaseStatusSchema = z
  .object({
    release: releaseSummarySchema,
    goNoGo: z.object({
      isReady: z.boolean().describe("Every go/no-go criterion is met."),
      criteria: z.array(z.object({ key: z.string(), label: z.string(), isMet: z.boolean(), summary: z.string() })),
      leftToGo: z.array(z.string()),
      latestDecision: decisionSummarySchema.nullable(),
    }),
    score: z.object({
      value: z.number().int().nullable().describe("0 to 100, rounded down; null when nothing is scored yet."),
      threshold: z.number().int(),
      categories: z.array(z.object({ name: z.string(), weight: z.number().int(), done: z.number().int(), applicable: z.number().int(), points: z.number() })),
    }),
    progress: z.object({ total: z.number().int(), applicable: z.number().int(), done: z.number().int(), waived: z.number().int(), percent: z.number().int().nullable(), blockingOpen: z.number().int(), overdue: z.number().int() }),
    blockingOpen: z.array(z.object({ id: z.string(), title: z.string() })),
    signoffs: z.array(z.object({ role: z.string(), state: z.enum(["APPROVED", "PENDING", "REJECTED"]), approvals: z.number().int(), required: z.number().int() })),
  })
  .meta({ id: "ReleaseStatus" });

export const itemSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable().describe("The stable key automation finds the item by."),
    title: z.string(),
    status: z.enum(itemStatusValues),
    priority: z.enum(itemPriorityValues),
    phase: z.object({ id: z.string(), name: z.string() }),
    parentId: z.string().nullable(),
    ownerRole: z.string(),
    dueDate: isoDateTime.nullable(),
    isAutomated: z.boolean(),
    automatedBy: z.string().nullable().describe("The API token that last set the status."),
    automatedAt: isoDateTime.nullable(),
    overriddenAt: isoDateTime.nullable().describe("When a person last changed an automated item's status by hand."),
    version: z.number().int().describe("Send as expectedVersion to refuse the update if the item changed meanwhile."),
    evidence: z.array(z.object({ url: z.string(), label: z.string() })),
    updatedAt: isoDateTime,
  })
  .meta({ id: "Item" });

export const itemListSchema = z.object({ data: z.array(itemSchema), nextCursor: z.string().nullable() }).meta({ id: "ItemList" });

export const auditEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    actor: z.string().nullable(),
    via: z.string().nullable(),
    createdAt: isoDateTime,
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEvent" });

export const auditListSchema = z.object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() }).meta({ id: "AuditList" });

const webLink = z
  .string()
  .trim()
  .max(2000, "must be at most 2,000 characters")
  .url("must be a full web address such as https://ci.example.com/build/42")
  .refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://");

export const setItemStatusBodySchema = z
  .strictObject({
    status: z.enum(["TODO", "IN_PROGRESS", "DONE", "BLOCKED"], { error: "must be one of TODO, IN_PROGRESS, DONE, BLOCKED" }),
    evidenceUrl: webLink.optional().describe("A link to what proves the status, such as the CI build."),
    evidenceLabel: z.string().trim().max(200, "must be at most 200 characters").optional(),
    note: z.string().trim().min(1, "must not be empty").max(5000, "must be at most 5,000 characters").optional(),
    expectedVersion: z.number().int().min(1).optional().describe("Refuse with 409 if the item's version differs."),
  })
  .meta({ id: "SetItemStatus" });

export const addEvidenceBodySchema = z
  .strictObject({ url: webLink, label: z.string().trim().max(200, "must be at most 200 characters").optional() })
  .meta({ id: "AddEvidence" });

export type ApiItem = z.infer<typeof itemSchema>;
