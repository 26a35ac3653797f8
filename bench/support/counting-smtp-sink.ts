// A real SMTP server on this machine that accepts every mail and only counts it: a sink for benchmarks,
// where parsing each message (as the tests' sink does) would take time from the server being measured.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CountingSmtpSink {
  url: string;
  /** How many mails it has accepted. */
  count(): number;
  stop(): Promise<void>;
}

export async function startCountingSmtpSink(): Promise<CountingSmtpSink> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Enough for every worker of every server to hold a pooled connection.
    maxClients: 100,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => accepted,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
