import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughWelcome, withoutSignedOutProbe } from "./web-session.ts";

describe("web: the readiness settings", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets an admin change k and turn on the leniency correction from the setup page, and refuses k below 2", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInThroughWelcome(page, server);
    await page.getByRole("link", { name: "Readiness settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Readiness settings" }).waitFor();
    const k = page.getByRole("spinbutton", { name: /Raters needed before/ });
    const correction = page.getByRole("checkbox", { name: "Correct manager ratings for leniency" });
    expect(await k.inputValue()).toBe("3");
    expect(await correction.isChecked()).toBe(false);
    expect(await runAxe(page)).toEqual([]);

    await k.fill("1");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("alert").filter({ hasText: "Enter a whole number from 2" }).waitFor();
    expect(await k.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("number");
    expect(await runAxe(page)).toEqual([]);
    expect((await server.services.readiness.settings()).k).toBe(3);

    await k.fill("4");
    await correction.check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Readiness settings" }).waitFor();
    expect(await k.inputValue()).toBe("4");
    expect(await correction.isChecked()).toBe(true);
    const stored = await server.services.readiness.settings();
    expect(stored).toMatchObject({ k: 4, correctManagerLeniency: true });
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });
});
