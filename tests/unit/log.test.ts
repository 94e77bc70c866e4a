import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";

describe("structured logs", () => {
  it("are JSON lines with the request id, and never carry passwords, tokens, secrets or cookies", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger(sink);
    log.error(
      {
        requestId: "req-123",
        password: "hunter2-hunter2",
        input: { password: "correct horse", token: "rr_secretsecretsecret", secret: "whsec_abc" },
        headers: { authorization: "Bearer rr_abcdefabcdefabcdef", cookie: "next-auth.session-token=eyJ" },
      },
      "it failed",
    );
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "error", requestId: "req-123", msg: "it failed", service: "release-readiness" });
    for (const secret of ["hunter2", "correct horse", "rr_secret", "whsec_abc", "rr_abcdef", "eyJ"]) expect(lines[0]).not.toContain(secret);
  });
});
