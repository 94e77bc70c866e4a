import net from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real SMTP server on loopback, started by the test. SMTP_URL must be set before the app's
// configuration is first read.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(free));
  });
});
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.MAIL_FROM = "Release readiness <releases@example.test>";

const { db } = await import("@/lib/db");
const { runDueJobs } = await import("@/lib/jobs/worker");
const { jobHandlers } = await import("@/lib/jobs/handlers");
const { createRequiredSignoff } = await import("@/lib/signoffs/role-mutations");
const { createRelease, createUser } = await import("../support/factories");

type Received = { to: string[]; body: string };
let received: Received[] = [];
let rejectNext = 0;
let server: SMTPServer | undefined;

function startSmtp() {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        body = body.replace(/=\r?\n/g, ""); // undo quoted-printable soft line breaks
        if (rejectNext > 0) {
          rejectNext -= 1;
          const error = new Error("Mailbox busy, try again later") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), body });
        callback();
      });
    },
  });
  return new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
}

const stopSmtp = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

/** Retries are scheduled seconds ahead: bring them forward instead of waiting. */
const makeRetriesDue = () => db.job.updateMany({ where: { status: "PENDING" }, data: { runAt: new Date(Date.now() - 1000) } });

async function requestSignoff(roleName = "QA Lead", releaseName?: string) {
  const manager = await createUser("RELEASE_MANAGER");
  const approver = await createUser("APPROVER");
  const release = await createRelease(manager.id, { name: releaseName });
  await createRequiredSignoff(manager, { releaseId: release.id, roleName, evidenceToReview: "", requiredApprovals: "1", assigneeIds: [approver.id] });
  return approver;
}

beforeAll(startSmtp);
afterAll(stopSmtp);

describe("the mail queue", () => {
  it("delivers a notification's e-mail exactly once, with the text and a link back", async () => {
    received = [];
    const approver = await requestSignoff();
    expect(received).toEqual([]); // nothing is sent during the user's action
    await runDueJobs(jobHandlers);
    await runDueJobs(jobHandlers);
    expect(received.map((mail) => mail.to)).toEqual([[approver.email]]);
    expect(received[0]!.body).toContain("Subject: Your sign-off is requested: QA Lead");
    expect(received[0]!.body).toMatch(/http:\/\/localhost:\d+\/releases\/\w+\/signoffs#role-\w+/);
    expect(await db.job.count({ where: { status: "DONE" } })).toBeGreaterThanOrEqual(1);
  });

  it("sends stored text as plain text only, so markup in it is never rendered", async () => {
    received = [];
    const markup = `<img src=x onerror="alert(1)"><a href="javascript:alert(2)">QA</a>`;
    await requestSignoff(markup, `<script>alert(3)</script> Launch`);
    await runDueJobs(jobHandlers);
    const [mail] = received;
    expect(mail!.body).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    expect(mail!.body).not.toMatch(/text\/html/i);
    expect(mail!.body).toContain("<script>alert(3)</script> Launch");
  });

  it("retries after the server refuses, and delivers once it accepts", async () => {
    received = [];
    rejectNext = 1;
    const approver = await requestSignoff();
    await runDueJobs(jobHandlers);
    const job = await db.job.findFirstOrThrow({ where: { kind: "email.send", status: { not: "DONE" } } });
    expect(job).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(job.lastError).toMatch(/Mailbox busy/);
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    await makeRetriesDue();
    await runDueJobs(jobHandlers);
    expect(received.map((mail) => mail.to)).toEqual([[approver.email]]);
  });

  it("loses nothing while the server is down, and sends each message once when two workers race", async () => {
    received = [];
    await stopSmtp();
    const approver = await requestSignoff();
    await runDueJobs(jobHandlers);
    expect(await db.job.count({ where: { status: "PENDING", attempts: 1 } })).toBe(1);
    await startSmtp();
    await makeRetriesDue();
    await Promise.all([runDueJobs(jobHandlers), runDueJobs(jobHandlers), runDueJobs(jobHandlers)]);
    expect(received.map((mail) => mail.to)).toEqual([[approver.email]]);
  });

  it("gives up after the last attempt and keeps the job, marked failed, with its error", async () => {
    received = [];
    await requestSignoff();
    await db.job.updateMany({ where: { status: "PENDING" }, data: { maxAttempts: 2 } });
    rejectNext = 2;
    await runDueJobs(jobHandlers);
    await makeRetriesDue();
    await runDueJobs(jobHandlers);
    const failed = await db.job.findFirstOrThrow({ where: { status: "FAILED" } });
    expect(failed).toMatchObject({ attempts: 2, kind: "email.send" });
    expect(received).toEqual([]);
  });
});
