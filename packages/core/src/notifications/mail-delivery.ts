import type { MailMessage, MailSendLog, MailTransport } from "./ports.ts";

/**
 * Hands one mail to its transport, once. The key is claimed before sending and given back when the
 * transport fails, so the job's retry tries again; a retry of a job whose mail went (the process died
 * before the queue heard so) finds the key claimed and sends nothing. Runs in a job, never in a request.
 */
export class MailDelivery {
  constructor(private readonly ports: { transport: MailTransport; sends: MailSendLog; now: () => Date }) {}

  /** "sent", or "skipped" when this key was handed over before; throws when the transport fails. */
  async deliver(message: MailMessage): Promise<"sent" | "skipped"> {
    if (!(await this.ports.sends.claim(message.sendKey, this.ports.now()))) return "skipped";
    try {
      await this.ports.transport.send(message);
    } catch (error) {
      await this.ports.sends.release(message.sendKey);
      throw error;
    }
    await this.ports.sends.markSent(message.sendKey, this.ports.now());
    return "sent";
  }
}
