import { AppError } from "../errors/app-error.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { PeopleRepository } from "../people/ports.ts";
import { normalizeEmail } from "../people/person.ts";
import { composeMail } from "../notifications/compose-mail.ts";
import type { JobQueue } from "../notifications/ports.ts";
import type { AccountService, ClientInfo } from "./account-service.ts";
import type { RateLimitRepository } from "./ports.ts";

export interface PasswordResetLimits {
  /** Requests per address in a window. */
  perAddress: number;
  /** Requests per client address in a window. */
  perClient: number;
  windowMinutes: number;
  /** How long a mailed link works. */
  linkMinutes: number;
}

/**
 * "Forgot password?": a person asks for a reset link by address. The request only checks the rate
 * limits and enqueues a job, so the reply and its time are the same whether the address exists or
 * not; the job looks the address up and mails a single-use, short-lived link to it alone.
 */
export class PasswordResetService {
  constructor(
    private readonly ports: {
      people: Pick<PeopleRepository, "findByEmail">;
      accounts: Pick<AccountService, "createEmailedResetLink">;
      /** Which way mail leaves: a link in the outbox is readable by admins, and so seals when used. */
      transport: () => "smtp" | "outbox";
      rateLimits: RateLimitRepository;
      jobs: JobQueue;
      audit: AuditRepository;
      publicUrl: () => string;
      limits: PasswordResetLimits;
      now: () => Date;
    },
  ) {}

  private async hit(key: string, limit: number): Promise<void> {
    const { limits, now } = this.ports;
    const windowMs = limits.windowMinutes * 60_000;
    const state = await this.ports.rateLimits.hit(key, windowMs, now());
    if (state.count > limit) {
      const error = new AppError("rate_limited", "Too many password-reset requests; try again later");
      error.retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt.getTime() - now().getTime()) / 1000));
      throw error;
    }
  }

  async request(emailInput: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailInput);
    await this.hit(`reset:client:${client.ip}`, this.ports.limits.perClient);
    await this.hit(`reset:address:${email}`, this.ports.limits.perAddress);
    await this.ports.jobs.enqueue("password-reset.send", { email });
  }

  /** The job's half: makes the link and enqueues its mail; an address that names nobody gets nothing. */
  async sendLink(email: string): Promise<"sent" | "no-account"> {
    const { limits, now } = this.ports;
    const isPrivate = this.ports.transport() === "smtp";
    const made = await this.ports.accounts.createEmailedResetLink(email, limits.linkMinutes * 60_000, isPrivate);
    if (!made) return "no-account";
    const { token, person } = made;
    const url = `${this.ports.publicUrl()}/welcome/${token}`;
    await this.ports.jobs.enqueue(
      "mail.send",
      composeMail({
        sendKey: `password-reset:${person.id}:${now().toISOString()}`,
        to: person.email,
        subject: "Reset your Ascent password",
        greeting: `Hello ${person.name},`,
        paragraphs: [
          "Someone, hopefully you, asked to reset the password of your Ascent account.",
          `The link below works once, for the next ${limits.linkMinutes} minutes.`,
        ],
        action: { label: "Choose a new password", url },
        footer: "If you did not ask for this, ignore this mail: your password stays as it is.",
      }),
    );
    await this.ports.audit.record({
      kind: "write",
      actorId: null,
      action: "account.reset_link_mailed",
      subjectId: person.id,
    });
    return "sent";
  }
}
