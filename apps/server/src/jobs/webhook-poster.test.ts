import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookPostError } from "@ascent/core";
import { fetchWebhookPoster } from "./webhook-poster.ts";

let server: Server | null = null;

async function receiver(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => answer(req, res, body));
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T1/B2/secret-part`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = null;
});

async function failureOf(promise: Promise<unknown>): Promise<WebhookPostError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookPostError);
  return error as WebhookPostError;
}

describe("posting to an incoming webhook over fetch", () => {
  it("posts Slack's JSON payload", async () => {
    const got: { method?: string; type?: string; body?: string } = {};
    const url = await receiver((req, res, body) => {
      Object.assign(got, { method: req.method, type: req.headers["content-type"], body });
      res.end("ok");
    });
    await fetchWebhookPoster().post(url, { text: "hello" });
    expect(got).toEqual({ method: "POST", type: "application/json", body: JSON.stringify({ text: "hello" }) });
  });

  it("names a refusal by its status and Slack's error word, without the address or anything more", async () => {
    const url = await receiver((_req, res) => {
      res.statusCode = 404;
      res.end(`no_service for ${url}`);
    });
    const error = await failureOf(fetchWebhookPoster().post(url, { text: "x" }));
    expect(error.failure).toEqual({ kind: "status", status: 404, body: "no_service" });
    expect(error.message).not.toContain("secret-part");
  });

  it("keeps nothing of a refusal that is not a Slack error word, such as another service's page", async () => {
    const url = await receiver((_req, res) => {
      res.statusCode = 500;
      res.end("<html>Internal admin console: db-password=hunter2</html>");
    });
    const error = await failureOf(fetchWebhookPoster().post(url, { text: "x" }));
    expect(error.failure).toEqual({ kind: "status", status: 500, body: "" });
    expect(error.message).toBe("The webhook did not take the post: the receiver answered 500");
  });

  it("counts a redirect as a refusal rather than following it", async () => {
    const url = await receiver((_req, res) => {
      res.statusCode = 302;
      res.setHeader("location", "http://127.0.0.1:9/elsewhere");
      res.end();
    });
    expect((await failureOf(fetchWebhookPoster().post(url, { text: "x" }))).failure).toMatchObject({ status: 302 });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const url = await receiver(() => undefined);
    const error = await failureOf(fetchWebhookPoster({ timeoutMs: 50 }).post(url, { text: "x" }));
    expect(error.failure).toEqual({ kind: "timeout", seconds: 0.05 });
  });

  it("names a receiver nobody listens at", async () => {
    const url = await receiver((_req, res) => res.end());
    server!.close();
    server = null;
    const error = await failureOf(fetchWebhookPoster().post(url, { text: "x" }));
    expect(error.failure).toEqual({ kind: "unreachable", cause: "ECONNREFUSED" });
  });
});
