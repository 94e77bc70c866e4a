import type { Instrumentation } from "next";

// Runs once when a server instance starts, on the Node.js runtime only, never during the build:
// the structured logger takes over unexpected errors, the built-in templates are added to a
// database that lacks them, and the background job worker (e-mail, webhooks) starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { logError } = await import("@/lib/log");
  const { setUnexpectedErrorReporter } = await import("@/lib/form");
  setUnexpectedErrorReporter((error, reference) => logError(error, { where: "server action", reference }));
  const { ensureBuiltInTemplates } = await import("@/lib/templates/built-in");
  await ensureBuiltInTemplates().catch((error: unknown) => logError(error, { where: "built-in templates" }));
  // Ready before the first scrape: under scripts/serve.mjs the primary asks every process for its metrics.
  (await import("@/lib/metrics")).metrics();
  if (process.env.JOBS_WORKER === "off") return;
  const { startBackgroundWork } = await import("@/lib/jobs/background");
  startBackgroundWork();
}

/** Errors while rendering a page or running a route: logged with the request id and the digest the user sees. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logError } = await import("@/lib/log");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  logError(error, {
    where: `${context.routeType} ${context.routePath}`,
    requestId: typeof headers["x-request-id"] === "string" ? headers["x-request-id"] : null,
    digest: (error as { digest?: string }).digest ?? null,
    method: request.method,
    path: request.path.split("?")[0],
  });
};
