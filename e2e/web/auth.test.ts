import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  newAppContext,
  signInThroughLoginPage,
  signInThroughWelcome,
  withoutSignedOutProbe,
} from "./web-session.ts";

/** The error tied to a control through aria-describedby, as a screen reader would announce it. */
async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    ids
      .split(" ")
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(" ");
}

describe("web: sign-in, the welcome page and the account page", () => {
  let server: TestServer;
  let demoServer: TestServer;
  let browser: Browser;
  const ownServers: TestServer[] = [];

  beforeAll(async () => {
    [server, demoServer, browser] = await Promise.all([
      startTestServer(),
      startTestServer({ demo: true }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), demoServer?.stop(), ...ownServers.map((s) => s.stop())]);
  });

  /**
   * A server of the test's own whose admin has a password (set over the API), and a browser signed in
   * as that admin through the login page: sessions, tokens and passwords start the same whatever ran before.
   */
  async function signedInAdmin(): Promise<{ server: TestServer; context: BrowserContext; page: Page }> {
    const own = await startTestServer();
    ownServers.push(own);
    // Sets the password; that API session then ends, so the browser's is the admin's only one.
    const api = await signInAsFirstAdmin(own);
    expect((await api.fetch("/api/auth/logout", { method: "POST" })).status).toBe(204);
    const ownContext = await newAppContext(browser);
    const page = await ownContext.newPage();
    await page.goto(`${own.url}/login`);
    await signInThroughLoginPage(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    return { server: own, context: ownContext, page };
  }

  it("sends a signed-out visitor to sign in, with an accessible form", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/ladder/compare?from=pm&to=director`);
    await page.waitForURL(`${server.url}/login?next=${encodeURIComponent("/ladder/compare?from=pm&to=director")}`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.title()).toBe("Sign in · Ascent");
    // Signed out, the header shows neither the navigation nor an account menu.
    expect(await page.getByRole("navigation", { name: "Primary" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Demo logins" }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });

  it("lets the first admin choose a password on the /welcome page, then signs them in", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.firstAdminLink!);
    await page.getByRole("heading", { level: 1, name: "Welcome to Ascent" }).waitFor();
    expect(await page.getByText(ADMIN_EMAIL).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    // Too short: refused in place, the message tied to the field and focus on it.
    await page.getByLabel("New password").fill("short");
    await page.getByLabel("Type it again").fill("short");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    expect(await page.getByLabel("New password").getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(page, "New password")).toContain("Use at least 10 characters.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("password");
    expect(page.url()).toBe(server.firstAdminLink);

    await signInThroughWelcome(page, server);
    const account = page.getByRole("button", { name: "Administrator" });
    expect(await account.getAttribute("aria-expanded")).toBe("false");
    expect(
      await page
        .getByRole("navigation", { name: "Primary" })
        .getByRole("link", { name: "Ladder", exact: true })
        .count(),
    ).toBe(1);

    // The link works once: a second visit says so instead of offering the form again.
    await page.goto(server.firstAdminLink!);
    await page.getByRole("heading", { level: 1, name: "This link cannot be used" }).waitFor();
    expect(await page.getByRole("alert").innerText()).toMatch(/already used|unknown|expired/);
    // The link lookup that failed is answered 404 on purpose.
    expect(withoutSignedOutProbe(errors).filter((e) => !e.includes("status of 404"))).toEqual([]);
    await context.close();
  });

  it("opens the account menu, signs out, reports a wrong password and signs back in to the page asked for", async () => {
    const { server, context, page } = await signedInAdmin();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/frameworks`);
    const account = page.getByRole("button", { name: "Administrator" });
    await account.click();
    expect(await account.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByText(`Signed in as ${ADMIN_EMAIL}`).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await account.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Administrator");

    await account.click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByRole("status").filter({ hasText: "You have signed out." }).waitFor();

    // A page behind the guard sends us back here, remembering where we were going.
    await page.goto(`${server.url}/ladder`);
    await page.waitForURL(`${server.url}/login?next=%2Fladder`);

    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    expect(await describedBy(page, "Email")).toContain("Enter your email address.");
    expect(await page.getByLabel("Email", { exact: true }).getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Sign-in failed" });
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Wrong email or password");
    expect(await runAxe(page)).toEqual([]);

    await signInThroughLoginPage(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(page.url()).toBe(`${server.url}/ladder`);
    await page.getByRole("heading", { level: 1, name: "Ladder" }).waitFor();
    // 401s: the wrong password and the signed-out session checks; nothing else.
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });

  it("creates an API token, shows its secret once with a copy button, and revokes it", async () => {
    const { server, context, page } = await signedInAdmin();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();
    await page.getByText("You have no API tokens yet.").waitFor();

    await page.getByRole("button", { name: "Create token" }).click();
    expect(await describedBy(page, "Token name")).toContain("Name the token");

    await page.getByLabel("Token name").fill("Nightly HR sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const secretBox = page.getByLabel("Token secret");
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await page.getByText("Copy it now: it will not be shown again.").isVisible()).toBe(true);
    // The secret is focused and selected, ready to copy.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.selectionEnd)).toBe(
      secret.length,
    );
    await page.getByRole("button", { name: "Copy token" }).click();
    await page.getByText(/Copied to the clipboard|Copying is blocked here/).waitFor();
    expect(await runAxe(page)).toEqual([]);

    // The secret is real: it works as a bearer token.
    const asScript = await fetch(`${server.url}/api/frameworks`, { headers: { authorization: `Bearer ${secret}` } });
    expect(asScript.status).toBe(200);

    // Shown once: after "I have copied it", or a reload, it is gone; the token stays listed.
    await page.getByRole("button", { name: "I have copied it" }).click();
    expect(await page.getByLabel("Token secret").count()).toBe(0);
    await page.reload();
    const row = page.getByRole("row", { name: /Nightly HR sync/ });
    await row.waitFor();
    expect(await row.getByText("Active").isVisible()).toBe(true);
    expect(await page.content()).not.toContain(secret);

    await row.getByRole("button", { name: "Revoke Nightly HR sync" }).click();
    await page.getByRole("button", { name: "Yes, revoke Nightly HR sync" }).click();
    await row.getByText(/Revoked/).waitFor();
    const revoked = await fetch(`${server.url}/api/frameworks`, { headers: { authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lists sessions with this browser marked, changes the password and signs out everywhere", async () => {
    const { server, context, page } = await signedInAdmin();
    const other = await newAppContext(browser);
    const otherPage = await other.newPage();
    await otherPage.goto(`${server.url}/login`);
    await signInThroughLoginPage(otherPage, ADMIN_EMAIL, ADMIN_PASSWORD);

    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/account`);
    const sessions = page.getByRole("table", { name: /Your active sessions/ });
    await sessions.waitFor();
    expect(await sessions.locator("tbody tr").count()).toBe(2);
    expect(await sessions.getByText("This browser", { exact: true }).count()).toBe(1);
    for (const device of await sessions.locator("tbody th").allInnerTexts())
      expect(device).toContain("Chrome on Linux");

    // End the other browser's session from here.
    await sessions
      .locator("tbody tr", { hasNotText: "This browser" })
      .getByRole("button", { name: /Sign out/ })
      .click();
    await expect.poll(() => sessions.locator("tbody tr").count()).toBe(1);
    // The other browser learns it on its next call: a 401 sends it to sign in, then back.
    await otherPage
      .getByRole("navigation", { name: "Primary" })
      .getByRole("link", { name: "About this ladder" })
      .click();
    await otherPage.waitForURL(`${server.url}/login?next=%2Fabout`);
    await signInThroughLoginPage(otherPage, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(otherPage.url()).toBe(`${server.url}/about`);

    await page.getByLabel("Current password").fill("wrong-password-123");
    await page.getByLabel("New password").fill("a-brand-new-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").filter({ hasText: "The current password is wrong" }).waitFor();
    expect(await describedBy(page, "Current password")).toContain("does not match");
    expect(await page.getByLabel("Current password").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Current password").fill(ADMIN_PASSWORD);
    await page.getByLabel("New password").fill("a-brand-new-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Password changed." }).waitFor();

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL(`${server.url}/login`);
    await signInThroughLoginPage(page, ADMIN_EMAIL, "a-brand-new-password");
    // An admin lands on the setup checklist.
    await page.waitForURL(`${server.url}/setup`);
    // The wrong current password is answered 400, and nothing else failed.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    expect(errors).toHaveLength(1);
    await other.close();
    await context.close();
  });

  it("shows the demo logins, labelled as demo data, and hides admin controls from a demo member", async () => {
    const demoContext = await newAppContext(browser);
    const page = await demoContext.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${demoServer.url}/login`);
    const panel = page.getByRole("region", { name: "Demo logins" });
    await panel.waitFor();
    expect(await panel.getByText("Demo data").isVisible()).toBe(true);
    expect(await panel.getByText("Anyone can sign in with these accounts.").isVisible()).toBe(true);
    const demo = (await (await fetch(`${demoServer.url}/api/demo`)).json()) as {
      logins: { email: string; name: string; persona: string }[];
      password: string;
    };
    expect(await panel.getByRole("listitem").count()).toBe(demo.logins.length);
    expect(await panel.getByText(demo.password).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    const pm = demo.logins.find((login) => login.persona.startsWith("PM:"));
    if (!pm) throw new Error("the demo has no PM login");
    await panel.getByRole("button", { name: `Use the login of ${pm.name}` }).click();
    expect(await page.getByLabel("Email").inputValue()).toBe(pm.email);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Sign in");
    await page.keyboard.press("Enter");
    // A PM with nobody reporting to them lands on their growth.
    await page.waitForURL(`${demoServer.url}/growth`);
    await page.getByRole("button", { name: pm.name }).waitFor();
    await page.goto(`${demoServer.url}/frameworks`);

    // A member reads the frameworks but gets none of the admin controls.
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    expect(await page.getByRole("link", { name: "Import a ladder" }).count()).toBe(0);
    await page.getByRole("link", { name: "Product Management" }).click();
    await page.getByRole("table", { name: "Levels" }).waitFor();
    expect(await page.getByRole("button", { name: "Start a draft" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /YAML/ }).count()).toBe(0);
    await page.goto(`${demoServer.url}/frameworks/import`);
    await page.getByRole("heading", { level: 1, name: "Administrators only" }).waitFor();
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await demoContext.close();
  });
});
