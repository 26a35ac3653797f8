import nodemailer from "nodemailer";
import { AppError, type MailMessage, type MailTransport, type OutboxRepository } from "@ascent/core";

/** SMTP_URL as nodemailer takes it: smtp://user:pass@host:587 or smtps://… for TLS from the start. */
export function parseSmtpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is left out: it may hold the SMTP password, and this message reaches the terminal and logs.
    throw new AppError("validation_failed", "SMTP_URL is not a URL (expected smtp://user:password@host:port)");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new AppError(
      "validation_failed",
      `SMTP_URL must start with smtp:// or smtps:// (expected smtp://user:password@host:port), not "${url.protocol}"`,
    );
  }
  if (!url.hostname) throw new AppError("validation_failed", "SMTP_URL names no host");
  return url;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** MAIL_FROM: a bare address or `Name <address>`. */
export function parseMailFrom(value: string): string {
  const address = /<([^>]+)>\s*$/.exec(value)?.[1] ?? value.trim();
  if (!ADDRESS.test(address)) {
    throw new AppError("validation_failed", `MAIL_FROM is not an e-mail address: "${value}"`);
  }
  return value.trim();
}

/** Mail over SMTP with nodemailer; a refusal or a server that is down throws, and the job retries. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(parseSmtpUrl(smtpUrl).toString());
  return {
    name: "smtp",
    async send(message: MailMessage) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // The same key on a resent message lets a receiving system see the duplicate.
        headers: { "X-Ascent-Send-Key": message.sendKey },
      });
    },
  };
}

/** Without SMTP (the embedded default): the mail is kept in the database, where admins read it. */
export function outboxTransport(outbox: OutboxRepository, now: () => Date): MailTransport {
  return {
    name: "outbox",
    send: (message: MailMessage) => outbox.add(message, now()),
  };
}
