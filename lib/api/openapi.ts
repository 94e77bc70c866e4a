import { z } from "zod";
import {
  addEvidenceBodySchema,
  auditListSchema,
  itemListSchema,
  itemSchema,
  problemSchema,
  releaseListSchema,
  releaseStatusSchema,
  setItemStatusBodySchema,
} from "@/lib/api/schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse with
// and answer in. `apiOperations` is the list of every operation; a test checks it against the
// route files, so a route cannot exist without being documented.

type Schema = z.ZodType;

export type ApiOperation = {
  method: "get" | "post" | "patch";
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  scope: "read" | "items:write" | "evidence:write";
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
  body?: Schema;
  responses: Record<number, { description: string; schema?: Schema }>;
};

const cursorParameters = [
  { name: "cursor", description: "The nextCursor of the previous page.", schema: { type: "string" } },
  { name: "limit", description: "Rows per page, 1 to 200 (default 50).", schema: { type: "integer", minimum: 1, maximum: 200 } },
];

const refusals = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: {
          400: "Malformed JSON, unknown fields, wrong types, or an invalid cursor.",
          401: "Missing, unknown, expired or revoked token.",
          403: "The token lacks the scope, or its creator's role may not do this.",
          404: "No such release or item (or not one this token may see).",
          409: "The item changed since expectedVersion.",
          413: "The body is larger than 1 MB.",
          415: "The body is not JSON.",
          429: "Too many requests for this token; see Retry-After.",
        }[status]!,
        schema: problemSchema,
      },
    ]),
  );

export const apiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/releases",
    operationId: "listReleases",
    summary: "List releases",
    scope: "read",
    query: cursorParameters,
    responses: { 200: { description: "A page of releases, oldest first.", schema: releaseListSchema }, ...refusals(400, 401, 403, 429) },
  },
  {
    method: "get",
    path: "/api/v1/releases/{releaseId}",
    operationId: "getReleaseStatus",
    summary: "Read a release's status",
    description: "Go/no-go criteria and the latest decision, the readiness score with its breakdown, progress, open blocking items and sign-offs.",
    scope: "read",
    responses: { 200: { description: "The release's status.", schema: releaseStatusSchema }, ...refusals(401, 403, 404, 429) },
  },
  {
    method: "get",
    path: "/api/v1/releases/{releaseId}/items",
    operationId: "listItems",
    summary: "List a release's items",
    scope: "read",
    query: [{ name: "key", description: "Only the item with this automation key.", schema: { type: "string" } }, ...cursorParameters],
    responses: { 200: { description: "A page of items.", schema: itemListSchema }, ...refusals(400, 401, 403, 404, 429) },
  },
  {
    method: "get",
    path: "/api/v1/releases/{releaseId}/items/{itemRef}",
    operationId: "getItem",
    summary: "Find an item by id or automation key",
    scope: "read",
    responses: { 200: { description: "The item.", schema: itemSchema }, ...refusals(401, 403, 404, 429) },
  },
  {
    method: "patch",
    path: "/api/v1/releases/{releaseId}/items/{itemRef}",
    operationId: "setItemStatus",
    summary: "Set an item's status, with evidence and a note",
    description:
      "Records the status as reported by automation, under the same rules as a change in the UI: sign-offs go stale when a blocking item changes, webhooks fire, and the audit trail names the token. The item becomes automated; a later change by hand is shown as an override.",
    scope: "items:write",
    body: setItemStatusBodySchema,
    responses: { 200: { description: "The item after the change.", schema: itemSchema }, ...refusals(400, 401, 403, 404, 409, 413, 415, 429) },
  },
  {
    method: "post",
    path: "/api/v1/releases/{releaseId}/items/{itemRef}/evidence",
    operationId: "addEvidence",
    summary: "Attach an evidence link to an item",
    scope: "evidence:write",
    body: addEvidenceBodySchema,
    responses: { 201: { description: "The item with the new link.", schema: itemSchema }, ...refusals(400, 401, 403, 404, 413, 415, 429) },
  },
  {
    method: "get",
    path: "/api/v1/releases/{releaseId}/audit",
    operationId: "listAuditEvents",
    summary: "Read a release's audit history",
    scope: "read",
    query: cursorParameters,
    responses: { 200: { description: "A page of audit events, oldest first.", schema: auditListSchema }, ...refusals(400, 401, 403, 404, 429) },
  },
];

function components() {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, id: _meta, ...schema }]) => [id, schema]));
}

const refOf = (schema: Schema) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Every API schema needs a .meta({ id })");
  return { $ref: `#/components/schemas/${id}` };
};

let cached: ReturnType<typeof buildDocument> | undefined;

/** The document; built once, as it depends only on the code. */
export function openApiDocument() {
  cached ??= buildDocument("/");
  return cached;
}

function buildDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of apiOperations) {
    const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      description: name === "itemRef" ? "The item's id, or its automation key." : "The release's id.",
      schema: { type: "string" },
    }));
    (paths[operation.path] ??= {})[operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.path.includes("/items") ? "Items" : operation.path.endsWith("/audit") ? "Audit" : "Releases"],
      security: [{ bearerToken: [] }],
      "x-required-scope": operation.scope,
      parameters: [...pathParameters, ...(operation.query ?? []).map((query) => ({ ...query, in: "query", required: false }))],
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: refOf(operation.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema ? { content: { [Number(status) >= 400 ? "application/problem+json" : "application/json"]: { schema: refOf(response.schema) } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Release readiness automation API",
      version: "1.0.0",
      description:
        "Lets CI push the facts a readiness checklist asks for (tests passing, scans clean) instead of someone retyping them. Authenticate with an API token (Integrations page) as Authorization: Bearer <token>. Errors are application/problem+json.",
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "An API token, shown once when it is created." } }, schemas: components() },
    paths,
  };
}
