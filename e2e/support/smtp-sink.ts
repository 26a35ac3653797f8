import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

/**
 * A real SMTP server on this machine that keeps every mail it is given, parsed: the tests' mail sink.
 * `refuse` makes it answer every message with a permanent error, as a server that will not relay does.
 */
export class SmtpSink {
  readonly mails: CaughtMail[] = [];
  refuse = false;
  private readonly server: SMTPServer;

  private constructor(
    readonly port: number,
    server: SMTPServer,
  ) {
    this.server = server;
  }

  static async start(port = 0): Promise<SmtpSink> {
    // The sink exists once the server listens; messages arrive only after that.
    const made: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (made.sink?.refuse) {
            const error = Object.assign(new Error("Relay access denied"), { responseCode: 554 });
            callback(error);
            return;
          }
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            made.sink?.mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              headers: parsed.headers,
            });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    const address = server.server.address() as AddressInfo;
    made.sink = new SmtpSink(address.port, server);
    return made.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails sent to one address, oldest first. */
  to(address: string): CaughtMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
