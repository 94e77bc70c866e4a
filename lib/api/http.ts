import "server-only";
import { randomUUID } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { postgresLimiter } from "@/lib/rate-limits";
import { logError } from "@/lib/log";
import { measured } from "@/lib/metrics";
import type { z } from "zod";
import { runVia } from "@/lib/api/context";
import { authenticateToken, type TokenCaller } from "@/lib/api/tokens";
import type { TokenScope } from "@/lib/api/token-schemas";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { findNulCharacter, ValidationError } from "@/lib/form";

// The JSON API's plumbing (F22): bearer tokens, scopes, per-token rate limits, bodies of at
// most 1 MB parsed strictly with zod, and every error as application/problem+json (RFC 9457)
// with a plain message and no internals. Handlers call the same mutations and queries as the
// pages; the token's name is recorded on every audit event they write.

export const MAX_BODY_BYTES = 1_000_000;

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    detail: string,
    public readonly extra: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function json(data: unknown, status = 200) {
  return new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

const limiter = () => postgresLimiter("api", { points: env().API_RATE_LIMIT_PER_MINUTE, duration: 60 });

async function consumeRateLimit(tokenId: string) {
  try {
    await limiter().consume(tokenId);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new ApiError(429, "Too many requests", `This token may make ${env().API_RATE_LIMIT_PER_MINUTE} requests a minute; try again in ${seconds} s.`, {}, { "Retry-After": String(seconds) });
    }
    throw error;
  }
}

/** Reads a JSON body of at most 1 MB and parses it strictly: unknown fields are refused. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new ApiError(415, "Unsupported media type", "Send the body as JSON with Content-Type: application/json.");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new ApiError(413, "Body too large", "The body is larger than 1 MB.");
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) throw new ApiError(413, "Body too large", "The body is larger than 1 MB.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "Malformed JSON", "The body is not valid JSON.");
  }
  const nul = findNulCharacter(value);
  if (nul) throw new ApiError(400, "Invalid request", `${nul}: contains a character that cannot be stored (a NUL or a broken character).`, { errors: [{ field: nul, message: "contains a character that cannot be stored" }] });
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || null, message: issue.message }));
    throw new ApiError(400, "Invalid request", errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join(" "), { errors });
  }
  return parsed.data;
}

/** Cursor pagination: an opaque cursor naming the last row a page returned. */
export const encodeCursor = (value: string) => Buffer.from(value, "utf8").toString("base64url");
export function decodeCursor(cursor: string | null): string | null {
  if (!cursor) return null;
  const value = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[\w:.-]{1,100}$/.test(value)) throw new ApiError(400, "Invalid cursor", "The cursor is not one this API returned.");
  return value;
}

export function pageLimit(url: URL): number {
  const raw = url.searchParams.get("limit");
  if (raw === null) return 50;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ApiError(400, "Invalid limit", "limit must be a whole number from 1 to 200.");
  return limit;
}

/** The release a token may touch: a token bound to one release sees no other. */
export function requireReleaseAccess(caller: TokenCaller, releaseId: string) {
  if (caller.token.releaseId && caller.token.releaseId !== releaseId) throw new ApiError(404, "Not found", "That release does not exist.");
}

type Params = Record<string, string>;
type Handler<P extends Params> = (caller: TokenCaller, request: Request, params: P) => Promise<Response>;

/**
 * An API route: authenticate, check the scope, apply the rate limit, then run the handler
 * with the token's name on every audit event, mapping errors to problem responses.
 */
export function apiRoute<P extends Params = Params>(scope: TokenScope, handler: Handler<P>, route = "api") {
  return (request: Request, context?: { params: Promise<P> }) => measured(route, request.method, () => answer(request, context));
  async function answer(request: Request, context?: { params: Promise<P> }) {
    try {
      const caller = await authenticateToken(request.headers.get("authorization"));
      if (!caller) return problem(401, "Unauthorized", "Send a valid API token as Authorization: Bearer <token>.", {}, { "WWW-Authenticate": 'Bearer realm="release-readiness"' });
      if (!caller.token.scopes.includes(scope)) return problem(403, "Forbidden", `This token does not have the “${scope}” scope.`);
      await consumeRateLimit(caller.token.id);
      // Routes without dynamic segments get no params.
      const params = ((await context?.params) ?? {}) as P;
      if ("releaseId" in params) requireReleaseAccess(caller, params.releaseId!);
      return await runVia(`API token “${caller.token.name}”`, () => handler(caller, request, params));
    } catch (error) {
      return toProblem(error, request.headers.get("x-request-id"));
    }
  }
}

export function toProblem(error: unknown, incomingRequestId: string | null = null): Response {
  if (error instanceof ApiError) return problem(error.status, error.title, error.message, error.extra, error.headers);
  if (error instanceof ValidationError) {
    const errors = Object.entries(error.fieldErrors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
    return problem(400, "Invalid request", errors.map((entry) => `${entry.field}: ${entry.message}`).join(" ") || error.message, { errors });
  }
  if (error instanceof ForbiddenError) return problem(403, "Forbidden", error.message);
  if (error instanceof NotFoundError) return problem(404, "Not found", error.message);
  if (error instanceof StaleVersionError) return problem(409, "Conflict", "The item changed since the version you sent; read it again and retry.");
  const requestId = incomingRequestId ?? randomUUID();
  logError(error, { where: "API", requestId });
  return problem(500, "Internal error", `Something went wrong and nothing was saved. Quote request id ${requestId} when reporting it.`, { requestId });
}
