import type { Browser, BrowserContext, Page } from "playwright-core";
import { ADMIN_PASSWORD } from "../support/http-session.ts";
import type { TestServer } from "../support/test-server.ts";

export const ADMIN_EMAIL = "admin@ascent.local";
export { ADMIN_PASSWORD };

/** A browser context for the app, with the server's real Content-Security-Policy in force. */
export async function newAppContext(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  // Well under the test timeout, so a missing element fails with the locator's own message.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Redeems the server's first-admin link through the /welcome page, as a new admin would. */
export async function signInThroughWelcome(page: Page, server: TestServer): Promise<void> {
  if (!server.firstAdminLink) throw new Error("the server was not started on an empty database");
  await page.goto(server.firstAdminLink);
  await page.getByRole("heading", { level: 1, name: "Welcome to Ascent" }).waitFor();
  await page.getByLabel("New password").fill(ADMIN_PASSWORD);
  await page.getByLabel("Type it again").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  // An admin lands on the setup checklist.
  await page.waitForURL(`${server.url}/setup`);
  await page.getByRole("button", { name: /Administrator/ }).waitFor();
}

/** Signs in on the /login page and waits until the app has left it. */
export async function signInThroughLoginPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * Chromium logs every 4xx response as a console error. Signed out, the app's one question "who is
 * signed in?" is answered 401 by design; that line, and only that, is expected.
 */
export function withoutSignedOutProbe(errors: string[]): string[] {
  return errors.filter((error) => !error.includes("status of 401 (Unauthorized)"));
}
