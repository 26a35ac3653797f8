import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { seedSyntheticOrganisation } from "@ascent/synthetic";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * My team in Chromium for the CPO of a synthetic organisation: the first page and the aggregate
 * heatmap, a sort by score on the server, and a drill-down into one team. The size is a parameter;
 * CI uses 2,000 people.
 */
const PEOPLE = Number(process.env.ASCENT_E2E_SYNTHETIC_PEOPLE ?? 2_000);
const SHOTS = "/tmp/ascent-shots";
const PASSWORD = "team-at-scale-web-password";

describe("web: My team on a large organisation", { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const seeded = await seedSyntheticOrganisation(server.database, { people: PEOPLE, force: true }, server.services);
    const [cpo] = await server.services.people.findByEmailsWithManager([seeded.root.email]);
    if (!cpo) throw new Error("no CPO in the synthetic organisation");
    await server.services.accounts.setPasswordDirectly(cpo.id, PASSWORD);
    await server.app.readinessWarmer?.idle();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: seeded.root.email, password: PASSWORD },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the first page and team aggregates, sorts by score and drills into a team", async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/team`);
    await page.getByRole("heading", { level: 1, name: "My team" }).waitFor();
    await page.getByLabel("Everyone below you").check();
    const teams = page.getByRole("table", { name: /per team and competency/ });
    await teams.waitFor();
    await page.getByText(`Showing 50 of ${(PEOPLE - 1).toLocaleString()}`).waitFor();
    expect(await teams.locator("tbody tr").count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/team-at-scale-aggregate.png`, fullPage: false });

    // Sorted by score, highest first, to begin with; one click asks the server for lowest first.
    const list = page.getByRole("table", { name: /Readiness for the next level/ });
    await list.locator('th[aria-sort="descending"]', { hasText: "Score" }).waitFor();
    await list.getByRole("button", { name: "Score" }).click();
    await list.locator('th[aria-sort="ascending"]', { hasText: "Score" }).waitFor();
    await page.getByText(`Showing 50 of ${(PEOPLE - 1).toLocaleString()}`).waitFor();
    const scores = (await list.locator('td[data-label="Score"]').allTextContents()).map((t) => Number.parseFloat(t));
    expect(scores.length).toBe(50);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    // Open a team: its people, page by page.
    const firstTeam = teams.locator("tbody tr th button").first();
    const teamName = (await firstTeam.textContent())?.replace(": show its people", "") ?? "";
    await firstTeam.click();
    await page.getByRole("button", { name: "Back to all teams" }).waitFor();
    await page.getByText(`Team ${teamName}:`).waitFor();
    const people = page.getByRole("table", { name: /at each person’s level/ });
    expect(await people.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/team-at-scale-drilldown.png`, fullPage: false });
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
