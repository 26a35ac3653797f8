import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { endpoints, type TPerson } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { submitRatings } from "../support/growth-fixture.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * "Then versus now" in Chromium: a PM on My growth and their Director on the report's page overlay two
 * points of the readiness history on the radar and read what changed between them.
 */

const SHOTS = "/tmp/ascent-shots";
const PASSWORD = "then-now-web-password";

describe("web: then versus now on the readiness radar", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let pm: TPerson;
  let pmContext: BrowserContext;
  let directorContext: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await signInAsFirstAdmin(server);
    const create = (name: string, email: string, title: string, levelId: string, managerId: string | null) =>
      admin.client.call(endpoints.people.create, {
        body: { name, email, title, levelId, managerId, team: "Growth" },
      });
    const director = await create(
      "Dora Director",
      "dora@then-now.example.com",
      "Director of Product",
      "director",
      null,
    );
    pm = await create("Pim Member", "pim@then-now.example.com", "Product Manager", "pm", director.id);
    const invite = async (person: TPerson) => {
      const link = await admin.client.call(endpoints.auth.createLink, {
        params: { id: person.id },
        body: { purpose: "invite" },
      });
      return new HttpSession(server.url).redeem(link.path, PASSWORD);
    };
    const pmApi = await invite(pm);
    const directorApi = await invite(director);
    // Three moments: a modest self-assessment, the manager's view, then a stronger self-assessment.
    await submitRatings(pmApi, pm.id, "self", { "strategic-thinking": 2, communication: 2, "data-analysis": 3 });
    await submitRatings(directorApi, pm.id, "manager", { "strategic-thinking": 3, communication: 4 });
    await submitRatings(pmApi, pm.id, "self", { "strategic-thinking": 4, communication: 4, "data-analysis": 3 });

    for (const [person, assign] of [
      [pm, (c: BrowserContext) => (pmContext = c)],
      [director, (c: BrowserContext) => (directorContext = c)],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const response = await context.request.post(`${server.url}/api/auth/login`, {
        data: { email: person.email, password: PASSWORD },
      });
      expect(response.ok(), await response.text()).toBe(true);
      assign(context);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openThenNow(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { level: 2, name: "Then versus now" }).waitFor();
    await page.locator(".then-now .chart-figure__canvas canvas").waitFor();
    return { page, errors };
  }

  it("shows a PM the first and latest points overlaid, with what changed, and follows another choice", async () => {
    const { page, errors } = await openThenNow(pmContext, "/growth");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Then versus now" }) });
    const then = section.getByLabel("Then");
    const now = section.getByLabel("Now");
    expect(await then.locator("option").count()).toBe(3);
    expect(await then.inputValue()).toBe("0");
    expect(await now.inputValue()).toBe("2");

    const table = section.getByRole("table", { name: /What changed/ });
    // Strategic thinking: self 2 alone → (self 4 · 1 + manager 3 · 3) / 4 = 3.25.
    const strategic = table.getByRole("row", { name: /Strategic thinking/ });
    await expect.poll(() => strategic.innerText()).toMatch(/2\s*→\s*3\.25/);
    expect(await strategic.innerText()).toContain("+1.25");
    // Data analysis: self 3 both times, never rated by the manager, so it did not change.
    expect(await table.getByRole("row", { name: /Data analysis/ }).count()).toBe(0);
    expect(await section.innerText()).toMatch(/Verdict: .+ → .+\. Score: /);

    await page.screenshot({ path: `${SHOTS}/then-versus-now-pm.png`, fullPage: false, clip: await clipOf(section) });
    expect(await runAxe(page)).toEqual([]);

    // The manager's rating alone, as "now": strategic thinking is (2 · 1 + 3 · 3) / 4 = 2.75 there.
    await now.selectOption("1");
    await expect.poll(() => strategic.innerText()).toMatch(/2\s*→\s*2\.75/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the Director the same comparison on the report's page", async () => {
    const { page, errors } = await openThenNow(directorContext, `/team/${pm.id}`);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Then versus now" }) });
    const communication = section.getByRole("table", { name: /What changed/ }).getByRole("row", {
      name: /Communication/,
    });
    // Self 2 alone → (self 4 · 1 + manager 4 · 3) / 4 = 4.
    await expect.poll(() => communication.innerText()).toMatch(/2\s*→\s*4/);
    await page.screenshot({ path: `${SHOTS}/then-versus-now-manager.png`, clip: await clipOf(section) });
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function clipOf(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error("the section has no box to capture");
  return box;
}
