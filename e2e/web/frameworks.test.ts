import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

describe("web: frameworks", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await signedInContext(browser, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  it("lists the built-in Product Management ladder", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.url}/frameworks`);
    const row = page.getByRole("row", { name: /Product Management/ });
    await row.waitFor();

    const cells = await row.getByRole("cell").allInnerTexts();
    expect(cells).toEqual(["v1", expect.any(String), "8", "15", expect.stringMatching(/\d{4}/)]);
    expect(await row.getByText("Built-in").isVisible()).toBe(true);
    expect(await row.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await page.getByRole("status").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens the detail page with the eight levels and the competencies by area", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("link", { name: "Product Management" }).click();
    await page.waitForURL(`${server.url}/frameworks/product-management`);

    await page.getByRole("heading", { level: 1, name: "Product Management" }).waitFor();
    await expect.poll(() => page.title()).toBe("Product Management · Ascent");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");

    const levels = page.getByRole("table", { name: "Levels" });
    const levelRows = levels.locator("tbody tr");
    expect(await levelRows.count()).toBe(8);
    expect(await levelRows.first().getByRole("rowheader").innerText()).toContain("Product Manager");
    expect(await levelRows.last().getByRole("rowheader").innerText()).toContain("Chief Product Officer");
    expect(await levels.getByText("Individual contributor").count()).toBeGreaterThan(0);

    await page.getByRole("heading", { level: 2, name: "Competencies" }).waitFor();
    const areaHeadings = await page.getByRole("heading", { level: 3 }).allInnerTexts();
    expect(areaHeadings.length).toBeGreaterThan(1);
    expect(await page.locator(".competency-list dt").count()).toBe(15);
    expect(await page.getByRole("table", { name: "Version history" }).getByText("v1", { exact: true }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2, name: "Sources" }).count()).toBe(1);

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Frameworks" }).click();
    await page.getByRole("heading", { level: 1, name: "Frameworks" }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reports zero axe violations on the list and the detail page", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.goto(`${server.url}/frameworks/product-management`);
    await page.getByRole("table", { name: "Levels" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("explains what to do when there are no frameworks", async () => {
    const { page, errors } = await newPage();
    // Every server start seeds the built-in ladder, so the empty list is answered here instead.
    await page.route("**/api/frameworks", (route) => route.fulfill({ json: { frameworks: [] } }));
    await page.goto(`${server.url}/frameworks`);

    await page.getByRole("heading", { level: 2, name: "No frameworks yet" }).waitFor();
    expect(await page.getByText("npx ascent framework import <file>").isVisible()).toBe(true);
    expect(await page.getByText(/Restart the server to load the Product Management ladder/).isVisible()).toBe(true);
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the API's error message and recovers on Retry", async () => {
    const { page, errors } = await newPage();
    let isFailing = true;
    await page.route("**/api/frameworks", (route) =>
      isFailing
        ? route.fulfill({ status: 503, json: { error: "unavailable", message: "The database is starting up." } })
        : route.continue(),
    );
    await page.goto(`${server.url}/frameworks`);

    const alert = page.getByRole("alert");
    await alert.getByText("The database is starting up.").waitFor({ timeout: 15_000 });
    expect(await runAxe(page)).toEqual([]);

    isFailing = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    // The failed responses are logged by Chromium as console errors; nothing else may be.
    expect(errors.filter((e) => !e.includes("503"))).toEqual([]);
    await page.close();
  });

  it("shows a loading status while the list is on its way", async () => {
    const { page } = await newPage();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/frameworks", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${server.url}/frameworks`);
    // The status region first says the session is being checked, then that the list is loading.
    await page.getByRole("status").filter({ hasText: "Loading frameworks" }).waitFor();
    release();
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    await page.close();
  });

  it("says so when a framework does not exist", async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/frameworks/no-such-ladder`);
    await page.getByRole("heading", { level: 1, name: "Framework not found" }).waitFor();
    expect(await page.getByText("no-such-ladder").count()).toBeGreaterThan(0);
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});
