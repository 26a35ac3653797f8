import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { WebhookReceiver } from "../support/webhook-receiver.ts";
import { newAppContext, signInThroughWelcome, withoutSignedOutProbe } from "./web-session.ts";

const SHOTS = "/tmp/ascent-shots";
const SECRET = "browserSecretWebhookPart9876";

describe("web: the Slack channel page", () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    [server, browser] = await Promise.all([
      startTestServer({ drainJobsByHand: true, env: { ASCENT_WEBHOOK_ALLOW_HTTP: "1" } }),
      launchBrowser(),
    ]);
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.stop();
  });

  it("tests and saves a webhook from the setup page, shows it masked, and removes it", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInThroughWelcome(page, server);
    await page.goto(`${server.url}/setup`);
    await page.getByRole("link", { name: "Slack channel" }).click();
    await page.getByRole("heading", { level: 1, name: "Slack channel" }).waitFor();
    await page.getByText("No webhook is set").waitFor();
    expect(await runAxe(page)).toEqual([]);

    // A receiver that answers 404: refused, with the reason beside the field.
    receiver.status = 404;
    const field = page.getByRole("textbox", { name: "Webhook address" });
    await field.fill(receiver.url(SECRET));
    await page.getByRole("button", { name: "Test and save" }).click();
    await page.getByText(/did not take the test message: the receiver answered 404/).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slack-channel-refused.png`, fullPage: true });

    expect(receiver.posts).toHaveLength(1);
    receiver.posts.length = 0;
    receiver.status = 200;
    await page.getByRole("button", { name: "Test and save" }).click();
    await page.getByRole("status").filter({ hasText: "the webhook is saved" }).waitFor();
    const masked = `${receiver.origin}/…9876`;
    await page.getByText(masked, { exact: true }).waitFor();
    expect(await page.content()).not.toContain(SECRET);
    expect(receiver.textsAt(receiver.url(SECRET))).toEqual([expect.stringContaining("Ascent will post here")]);

    await page.getByRole("button", { name: "Send a test message" }).click();
    await page.getByRole("status").filter({ hasText: "The channel took the test message." }).waitFor();
    expect(receiver.textsAt(receiver.url(SECRET))).toHaveLength(2);

    const released = page.getByRole("checkbox", { name: "A review cycle's results are released" });
    await released.uncheck();
    await page.getByRole("button", { name: "Save choices" }).click();
    await page.getByRole("status").filter({ hasText: "Your choices are saved." }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slack-channel.png`, fullPage: true });
    await page.reload();
    await page.getByText(masked, { exact: true }).waitFor();
    expect(await released.isChecked()).toBe(false);

    await page.getByRole("button", { name: "Remove the webhook" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the webhook?" });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await page.getByText("No webhook is set").waitFor();
    // The one refusal above is the browser's only complaint.
    expect(withoutSignedOutProbe(errors)).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await context.close();
  });
});
