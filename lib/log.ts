import "server-only";
import pino from "pino";

// Structured JSON logs (F23), one line per event on stdout, each with the request id when
// there is one. Secrets never reach the log: fields that can carry them are redacted wherever
// they appear, and errors are logged by message and stack, not by their arguments.

/** The logger, writing to `destination` (stdout unless a test passes a stream). */
export function createLogger(destination?: pino.DestinationStream) {
  return pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "release-readiness" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
      "cookie",
      "*.cookie",
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
    ],
    censor: "[redacted]",
  },
  formatters: { level: (label) => ({ level: label }) },
}, destination);
}

export const log = createLogger();

/** An unexpected error, with what identifies the request; never the request's body. */
export function logError(error: unknown, context: { requestId?: string | null; where: string; [key: string]: unknown }) {
  const details = error instanceof Error ? { message: error.message, name: error.name, stack: error.stack } : { message: String(error) };
  log.error({ ...context, err: details }, `${context.where}: ${details.message}`);
}
