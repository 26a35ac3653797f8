import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { SmtpSink } from "../support/smtp-sink.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughLoginPage, withoutSignedOutProbe } from "./web-session.ts";

const EMAIL = "rosa.reset@example.org";
const FIRST_PASSWORD = "rosa-first-password-for-tests";
const NEW_PASSWORD = "rosa-chose-a-brand-new-one-4412";

describe("web: a person resets a forgotten password through the mail it sends", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    [server, browser] = await Promise.all([
      startTestServer({ env: { SMTP_URL: sink.url, MAIL_FROM: "ascent@example.org" }, drainJobsByHand: true }),
      launchBrowser(),
    ]);
    // Rosa has an account with a password she has since forgotten.
    const admin = await signInAsFirstAdmin(server);
    const rosa = await admin.client.call(endpoints.people.create, { body: { name: "Rosa Reset", email: EMAIL } });
    const invite = await admin.client.call(endpoints.auth.createLink, {
      params: { id: rosa.id },
      body: { purpose: "invite" },
    });
    await new HttpSession(server.url).redeem(invite.path, FIRST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it("asks from the sign-in page, follows the mailed link, chooses a new password and is signed in", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login`);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const status = page.getByRole("status");
    await status.waitFor();
    expect(await status.innerText()).toContain("If that address belongs to an account");
    expect(await runAxe(page)).toEqual([]);

    await server.drainJobs();
    const [mail] = sink.to(EMAIL);
    expect(mail?.subject).toBe("Reset your Ascent password");
    const link = /https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]+/.exec(mail?.text ?? "")?.[0];
    expect(link).toBeDefined();
    expect(mail?.html).toContain(`href="${link}"`);

    await page.goto(link!);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByLabel("Type it again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/welcome"));
    await page.getByRole("button", { name: /Rosa Reset/ }).waitFor();
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();

    // The new password signs in; the forgotten one no longer does.
    const again = await newAppContext(browser);
    const fresh = await again.newPage();
    await fresh.goto(`${server.url}/login`);
    await signInThroughLoginPage(fresh, EMAIL, NEW_PASSWORD);
    await fresh.getByRole("button", { name: /Rosa Reset/ }).waitFor();
    await again.close();
    await expect(new HttpSession(server.url).login(EMAIL, FIRST_PASSWORD)).rejects.toThrow(/401/);
  });
});
