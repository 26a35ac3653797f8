import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

/** The links the app shell promises; other features may add more. */
const PRIMARY_LINKS = [
  { label: "Frameworks", path: "/frameworks" },
  { label: "Ladder", path: "/ladder" },
  { label: "People", path: "/people" },
  { label: "My growth", path: "/growth" },
  { label: "About this ladder", path: "/about" },
];

describe("web: app shell", () => {
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

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  it("lands an admin on the setup checklist, then shows each page with its landmarks and title and no console errors", async () => {
    const { page, errors } = await open("/");
    await page.waitForURL(`${server.url}/setup`);
    await page.getByRole("heading", { level: 1, name: "Set up Ascent" }).waitFor();
    const checklist = page.getByRole("region", { name: /Checklist/ });
    await checklist.getByText("Import your people").waitFor();
    expect(await checklist.getByText(/1 of 6 done/).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/ascent-shots/setup-checklist.png", fullPage: true });
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("heading", { level: 1, name: "Frameworks" }).waitFor();
    await page.getByRole("link", { name: "Product Management" }).waitFor();

    expect(await page.title()).toBe("Frameworks · Ascent");
    expect(await page.getByRole("banner").getByText("Ascent", { exact: true }).isVisible()).toBe(true);
    const nav = page.getByRole("navigation", { name: "Primary" });
    for (const { label } of PRIMARY_LINKS) {
      expect(await nav.getByRole("link", { name: label, exact: true }).count()).toBe(1);
    }
    expect(await nav.getByRole("link", { name: "Frameworks", exact: true }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await page.getByRole("contentinfo").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has a skip link as the first Tab stop that moves focus to main", async () => {
    const { page, errors } = await open("/frameworks");
    await page.getByRole("link", { name: "Product Management" }).waitFor();

    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Skip to main content");
    expect(await page.getByRole("link", { name: "Skip to main content" }).isVisible()).toBe(true);

    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(page.url()).toBe(`${server.url}/frameworks`);

    // The next Tab continues from main rather than back at the header.
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement?.closest("main") !== null);
    expect(next).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("navigates between pages: title, aria-current and focus on the new page's heading", async () => {
    const { page, errors } = await open("/frameworks");
    await page.getByRole("link", { name: "Product Management" }).waitFor();

    const nav = page.getByRole("navigation", { name: "Primary" });
    for (const target of [...PRIMARY_LINKS.slice(1), PRIMARY_LINKS[0]!]) {
      await nav.getByRole("link", { name: target.label, exact: true }).click();
      await page.waitForURL(`${server.url}${target.path}`);
      const heading = page.getByRole("heading", { level: 1 });
      await heading.waitFor();
      await expect.poll(() => page.title()).toMatch(/ · Ascent$/);
      await expect
        .poll(() => nav.getByRole("link", { name: target.label, exact: true }).getAttribute("aria-current"))
        .toBe("page");
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(errors, `after opening ${target.path}`).toEqual([]);
    }
    await page.close();
  });

  it("loads every primary page directly, with one main heading and a page title", async () => {
    for (const target of PRIMARY_LINKS) {
      const { page, errors } = await open(target.path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      expect(await page.title()).toMatch(/^\S.* · Ascent$/);
      expect(
        await page
          .getByRole("navigation", { name: "Primary" })
          .getByRole("link", { name: target.label, exact: true })
          .getAttribute("aria-current"),
      ).toBe("page");
      expect(errors, `on ${target.path}`).toEqual([]);
      await page.close();
    }
  });

  it("shows a 404 page for unknown routes, with no axe violations", async () => {
    const { page, errors } = await open("/no-such-page");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.title()).toBe("Page not found · Ascent");
    expect(await page.getByText("/no-such-page").count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("link", { name: "Go to Frameworks" }).click();
    await page.getByRole("heading", { level: 1, name: "Frameworks" }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the admin's primary navigation on one line at 1280 px, each link named in full", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Primary" });
    const rowCount = await nav
      .getByRole("listitem")
      .evaluateAll((items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size);
    expect(rowCount).toBe(1);
    // "About" is all that shows; screen readers and voice control still get the page's full name.
    expect(await nav.getByRole("link", { name: "About this ladder", exact: true }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("stays usable on a phone-sized screen", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("link", { name: "Product Management" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(
      await page
        .getByRole("navigation", { name: "Primary" })
        .getByRole("link", { name: "About this ladder" })
        .isVisible(),
    ).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
