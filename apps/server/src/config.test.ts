import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("mail settings from the environment", () => {
  it("reads SMTP_URL and MAIL_FROM, and keeps mail in the outbox without an SMTP URL", () => {
    const config = loadConfig({
      SMTP_URL: "smtp://user:secret@mail.example.org:587",
      MAIL_FROM: "Ascent <a@example.org>",
    });
    expect(config.mail).toEqual({ smtpUrl: "smtp://user:secret@mail.example.org:587", from: "Ascent <a@example.org>" });
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
  });

  it("refuses a bad SMTP_URL, MAIL_FROM or ASCENT_PUBLIC_URL at start, naming the variable", () => {
    expect(() => loadConfig({ SMTP_URL: "mail.example.org:25" })).toThrow(/SMTP_URL must start with smtp:\/\//);
    expect(() => loadConfig({ SMTP_URL: "not a url" })).toThrow(/SMTP_URL is not a URL/);
    expect(() => loadConfig({ MAIL_FROM: "Ascent" })).toThrow(/MAIL_FROM is not an e-mail address/);
    expect(() => loadConfig({ ASCENT_PUBLIC_URL: "ftp://x" })).toThrow(/ASCENT_PUBLIC_URL/);
  });
});

describe("the channel webhook's http switch", () => {
  it("accepts http:// webhooks only when ASCENT_WEBHOOK_ALLOW_HTTP is 1, and refuses any other value by name", () => {
    expect(loadConfig({}).webhookAllowHttp).toBe(false);
    expect(loadConfig({ ASCENT_WEBHOOK_ALLOW_HTTP: "0" }).webhookAllowHttp).toBe(false);
    expect(loadConfig({ ASCENT_WEBHOOK_ALLOW_HTTP: "1" }).webhookAllowHttp).toBe(true);
    expect(() => loadConfig({ ASCENT_WEBHOOK_ALLOW_HTTP: "yes" })).toThrow(/ASCENT_WEBHOOK_ALLOW_HTTP must be 1 or 0/);
  });
});
