import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints, type TPerson } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughLoginPage } from "./web-session.ts";

/** Set SCREENSHOT_DIR to keep a picture of each page checked here. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;
const PASSWORD = "tracks-web-password";
const SCORES: Record<string, number> = {
  "strategic-thinking": 4,
  leadership: 3,
  "scope-management": 4,
  "collaboration-influence": 4,
  "vision-innovation": 4,
  "team-management": 2,
  "decision-making": 4,
  communication: 4,
  "customer-focus": 4,
  "adaptability-resilience": 3,
  "data-analysis": 4,
  "business-acumen": 3,
  "domain-knowledge": 4,
  "strategic-partnerships": 3,
  "continuous-learning": 3,
};

describe("web: the ladder's tracks and readiness for two levels side by side", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let senior: TPerson;

  async function invite(admin: HttpSession, person: TPerson): Promise<HttpSession> {
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: person.id },
      body: { purpose: "invite" },
    });
    return new HttpSession(server.url).redeem(link.path, PASSWORD);
  }

  async function assess(rater: HttpSession, relation: "self" | "manager") {
    const draft = await rater.client.call(endpoints.assessments.start, { body: { subjectId: senior.id, relation } });
    await rater.client.call(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: { ratings: Object.entries(SCORES).map(([competencyId, score]) => ({ competencyId, score })) },
    });
    await rater.client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  }

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await signInAsFirstAdmin(server);
    const lead = await admin.client.call(endpoints.people.create, {
      body: {
        name: "Lena Lead",
        email: "lena@tracks.example.com",
        title: "Director",
        levelId: "director",
        team: "core",
      },
    });
    senior = await admin.client.call(endpoints.people.create, {
      body: {
        name: "Sam Senior",
        email: "sam@tracks.example.com",
        title: "Senior PM",
        levelId: "senior-pm",
        managerId: lead.id,
        team: "core",
      },
    });
    await assess(await invite(admin, senior), "self");
    await assess(await invite(admin, lead), "manager");
    context = await newAppContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await signInThroughLoginPage(page, "sam@tracks.example.com", PASSWORD);
    await page.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the ladder as tracks, with Senior PM leading to Principal PM or to Director", async () => {
    const { page, errors } = await open("/ladder");
    const grid = page.locator("table.tracks-grid");
    await grid.waitFor();
    expect(await grid.locator("thead th").allInnerTexts()).toEqual([
      "Rank",
      "Individual contributor",
      "Manager",
      "Executive",
    ]);
    const rankThree = grid.locator("tbody tr").nth(2);
    expect(await rankThree.locator("td").allInnerTexts()).toEqual([
      expect.stringContaining("Principal Product Manager"),
      expect.stringContaining("Director of Product"),
      "",
    ]);
    const seniorCell = grid.locator("tbody tr").nth(1).locator("td").first();
    expect(await seniorCell.innerText()).toContain("→ Principal Product Manager or Director of Product");
    expect(await runAxe(page)).toEqual([]);
    if (SCREENSHOT_DIR) await grid.screenshot({ path: `${SCREENSHOT_DIR}/tracks-grid.png` });
    await seniorCell.getByRole("link", { name: "(compare my readiness)" }).click();
    await page.waitForURL(/\/growth\/compare-targets\?a=principal-pm&b=director$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("compares one person's readiness for Principal PM and for Director side by side", async () => {
    const { page, errors } = await open("/growth/compare-targets?a=principal-pm&b=director");
    const table = page.locator("table.compare-targets");
    await table.waitFor();
    expect(await table.locator("caption").innerText()).toMatch(
      /^Principal Product Manager: Ready, score 100% · Director of Product: (Almost|Not yet), score \d+(\.\d+)?%$/,
    );
    const teamRow = table.locator("tbody tr", { has: page.getByRole("rowheader", { name: "Team management" }) });
    const cells = (await teamRow.locator("td").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
    expect(cells).toEqual(["2", "Does not apply", "Below expects 3"]);
    expect(await runAxe(page)).toEqual([]);
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-targets.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("explains on About this ladder that Principal PM is the project's own addition", async () => {
    const { page, errors } = await open("/about");
    const section = page.getByRole("region", { name: "Parallel tracks" });
    await section.waitFor();
    const text = (await section.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(
      "At rank 3: Principal Product Manager (individual contributor) and Director of Product (manager).",
    );
    expect(text).toContain("Principal Product Manager is the project’s own addition");
    expect(await runAxe(page)).toEqual([]);
    if (SCREENSHOT_DIR) await section.screenshot({ path: `${SCREENSHOT_DIR}/about-tracks.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
