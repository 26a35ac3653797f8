import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One post a receiver was given. */
export interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/**
 * A real HTTP server on this machine standing in for Slack's incoming webhooks: it keeps every post it
 * is given, and answers with the status the test sets (200 "ok" by default), as Slack does.
 */
export class WebhookReceiver {
  readonly posts: ReceivedPost[] = [];
  /** The status of the next answers; anything but 200 answers with Slack's kind of error word. */
  status = 200;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on("request", (req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      req.on("end", () => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // Kept as text: the test sees what arrived.
        }
        receiver.posts.push({ path: req.url ?? "", contentType: req.headers["content-type"], body });
        res.statusCode = receiver.status;
        res.end(receiver.status === 200 ? "ok" : receiver.status === 404 ? "no_service" : "internal_error");
      });
    });
    return receiver;
  }

  /** A webhook address on this receiver, with a made-up secret path. */
  url(secret: string): string {
    return `${this.origin}/services/T0TEST/B0TEST/${secret}`;
  }

  /** The texts of the posts made to one address's path. */
  textsAt(url: string): string[] {
    const path = new URL(url).pathname;
    return this.posts.filter((post) => post.path === path).map((post) => (post.body as { text?: string }).text ?? "");
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(done));
  }
}
