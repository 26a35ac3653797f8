import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

/** Where screenshots go when SCREENSHOT_DIR is set (for a person to look at); none otherwise. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

describe("web: downloading your own data from the account page", () => {
  let server: TestServer;
  let browser: Browser;
  // The first admin's link is used once: both tests share the signed-in browser context.
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await signedInContext(browser, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("downloads a zip of the signed-in person's data from 'Download my data'", async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { level: 2, name: "Your data" }).waitFor();
    const link = page.getByRole("link", { name: "Download my data" });
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/account-data-export.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^ascent-data-.*\.zip$/);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await readFile(path));
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["README.txt", "profile.json", "profile.csv"]));
    const profile = JSON.parse((await zip.file("profile.json")?.async("string")) ?? "[]") as { email: string }[];
    expect(profile.map((p) => p.email)).toEqual(["admin@ascent.local"]);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets an admin export a person's data from the person page", async () => {
    const session = (await (await context.request.get(`${server.url}/api/auth/session`)).json()) as {
      person: { id: string };
    };
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/people/${session.person.id}`);
    const link = page.getByRole("link", { name: "Export their data" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const profile = JSON.parse((await zip.file("profile.json")?.async("string")) ?? "[]") as { id: string }[];
    expect(profile.map((p) => p.id)).toEqual([session.person.id]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
