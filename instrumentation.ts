// Runs once when a server instance starts: the background job worker (e-mail today) runs in
// every instance, on the Node.js runtime only, never during the build.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS_WORKER === "off") return;
  const { startBackgroundWork } = await import("@/lib/jobs/background");
  startBackgroundWork();
}
