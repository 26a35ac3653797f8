import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

describe("web: an admin runs a review cycle", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await signedInContext(browser, server);
    // Two people in the Core team and one elsewhere, added through the API as the admin.
    const session = (await (await context.request.get(`${server.url}/api/auth/session`)).json()) as {
      csrfToken: string;
    };
    for (const [name, team] of [
      ["Cora Core", "Core"],
      ["Cole Core", "Core"],
      ["Gina Growth", "Growth"],
    ] as const) {
      const response = await context.request.post(`${server.url}/api/people`, {
        headers: { "x-csrf-token": session.csrfToken },
        data: { name, email: `${name.split(" ")[0]?.toLowerCase()}@web.example.com`, team, levelId: "pm" },
      });
      expect(response.status()).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("previews the population, creates the cycle and follows its progress, axe-clean", async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/cycles`);
    await page.getByRole("heading", { level: 1, name: "Review cycles" }).waitFor();
    await page.getByText("No review cycles yet").waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("textbox", { name: "Name" }).fill("Core spring review");
    await page.getByRole("textbox", { name: /^Teams/ }).fill("Core");
    await page.getByRole("button", { name: "Preview who is in" }).click();
    await page.getByText("2 people in this cycle: Cole Core, Cora Core").waitFor();

    await page.getByRole("textbox", { name: /^Teams/ }).fill("Nowhere");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await page.getByRole("alert").filter({ hasText: "population is empty" }).waitFor();

    await page.getByRole("textbox", { name: /^Teams/ }).fill("Core");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await page.getByText("Created “Core spring review”.").waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("link", { name: "Core spring review" }).click();
    await page.getByRole("heading", { level: 1, name: "Core spring review" }).waitFor();
    const rows = page.getByRole("table", { name: "Each person's progress per phase" }).getByRole("row");
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await expect
      .poll(async () => (await rows.nth(1).innerText()).replace(/\s+/g, " "))
      .toContain("Cole Core Core — Not started");
    expect(await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href")).toMatch(
      /^\/api\/cycles\/[0-9a-f-]+\/progress\.csv$/,
    );
    expect(await runAxe(page)).toEqual([]);

    await page.goto(`${server.url}/tasks`);
    await page.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
    await page.getByText("Nothing to do in a review cycle right now.").waitFor();
    expect(await runAxe(page)).toEqual([]);
    // The only console error is the browser's note of the refused empty population.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await page.close();
  });
});
