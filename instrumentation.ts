// Runs once when a server instance starts, on the Node.js runtime only, never during the build:
// the built-in templates are added to a database that lacks them, and the background job
// worker (e-mail today) starts in every instance.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureBuiltInTemplates } = await import("@/lib/templates/built-in");
  await ensureBuiltInTemplates().catch((error: unknown) => console.error("Could not add the built-in templates:", error));
  if (process.env.JOBS_WORKER === "off") return;
  const { startBackgroundWork } = await import("@/lib/jobs/background");
  startBackgroundWork();
}
