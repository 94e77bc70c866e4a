import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { env } from "@/lib/env";

// E-mail through the SMTP server named by SMTP_URL; off when it is unset. Mail is sent only by
// the job worker, never during a user's request, so a slow or broken server delays mail and
// never fails an action.

export const emailPayloadSchema = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().max(20_000),
  /** Stable per notification, so a repeated delivery is recognisable as the same message. */
  messageId: z.string().min(1),
});

export type EmailPayload = z.infer<typeof emailPayloadSchema>;

let transport: Transporter | undefined;

export function isMailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

function getTransport(): Transporter {
  transport ??= nodemailer.createTransport(env().SMTP_URL!, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transport;
}

/** The job handler for kind "email.send". Throws on any failure so that the job is retried. */
export async function sendEmail(payload: unknown) {
  const mail = emailPayloadSchema.parse(payload);
  await getTransport().sendMail({
    from: env().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
  });
}
