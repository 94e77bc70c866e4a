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
  OIDC_ISSUER: z.url("OIDC_ISSUER must be the provider's issuer URL, such as https://login.example.com/realms/acme").optional(),
  OIDC_CLIENT_ID: z.string().min(1, "OIDC_CLIENT_ID must not be empty").optional(),
  OIDC_CLIENT_SECRET: z.string().min(8, "OIDC_CLIENT_SECRET must be the client secret the provider gave").optional(),
  OIDC_NAME: z.string().min(1).max(40, "OIDC_NAME is the button's label: at most 40 characters").default("single sign-on"),
  OIDC_CREATE_USERS: z.enum(["true", "false"], { error: "OIDC_CREATE_USERS must be true or false" }).default("true").transform((value) => value === "true"),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as Release readiness <releases@example.com>").default("Release readiness <no-reply@localhost>"),
}).superRefine((value, context) => {
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const given = oidc.filter((name) => value[name] !== undefined);
  if (given.length > 0 && given.length < oidc.length) {
    for (const name of oidc.filter((name) => value[name] === undefined)) {
      context.addIssue({ code: "custom", path: [name], message: `${name} is required when ${given.join(" and ")} ${given.length === 1 ? "is" : "are"} set (single sign-on needs all three)` });
    }
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads configuration from `source`; the error names every bad variable. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}
