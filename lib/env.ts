import { z } from "zod";

// The one place that reads configuration. A bad value stops the app at start with a
// message that names the variable.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required: a random string of at least 32 characters" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as http://localhost:3000").optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number({ error: "SESSION_IDLE_MINUTES must be a number of minutes" }).int().min(5).max(24 * 60).default(30),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:password@mail.example.com:587 (or smtps:// for TLS from the start)")
    .optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: "API_RATE_LIMIT_PER_MINUTE must be a number" }).int().min(1).max(100_000).default(120),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number({ error: "WEBHOOK_RETRY_BASE_MS must be a number of milliseconds" }).int().min(100).max(3_600_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number({ error: "WEBHOOK_MAX_ATTEMPTS must be a number" }).int().min(1).max(20).default(8),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(["true", "false"], { error: "WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false" }).default("false").transform((value) => value === "true"),
  WEBHOOK_TIMEOUT_MS: z.coerce.number({ error: "WEBHOOK_TIMEOUT_MS must be a number of milliseconds" }).int().min(100).max(60_000).default(10_000),
  METRICS_TOKEN: z.string().min(24, "METRICS_TOKEN must be at least 24 characters (Prometheus sends it as a bearer token)").optional(),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as Release readiness <releases@example.com>").default("Release readiness <no-reply@localhost>"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
