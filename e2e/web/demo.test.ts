import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { TDemoStatus } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext } from "./web-session.ts";

const SCREENSHOTS = process.env.ASCENT_SCREENSHOTS;

/** A fresh start with the demo organisation, seen through the demo logins. */
describe("web: the demo organisation on a fresh start", () => {
  let server: TestServer;
  let browser: Browser;
  let demo: TDemoStatus;
  const contexts: BrowserContext[] = [];

  /** A browser context signed in as the demo login whose persona starts with `persona`. */
  async function signedInAs(persona: string): Promise<BrowserContext> {
    const login = demo.logins.find((l) => l.persona.startsWith(persona));
    if (!login || !demo.password) throw new Error(`no ${persona} demo login`);
    const context = await newAppContext(browser);
    contexts.push(context);
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: login.email, password: demo.password },
    });
    expect(response.status()).toBe(200);
    return context;
  }

  async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    const response = await fetch(`${server.url}/api/demo`);
    demo = (await response.json()) as TDemoStatus;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("lets a visitor sign in as any demo person from the sign-in page, not only the personas", async () => {
    const context = await newAppContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login`);
    const someone = demo.others[3];
    if (!someone) throw new Error("the demo lists nobody besides the personas");
    await page.getByText(`Sign in as someone else (${demo.others.length} more people)`).click();
    await page.getByLabel("Demo person").selectOption(someone.email);
    await page.getByRole("button", { name: "Use this login" }).click();
    expect(await page.getByLabel("Email").inputValue()).toBe(someone.email);
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "login-someone-else");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const session = await context.request.get(`${server.url}/api/auth/session`);
    expect(((await session.json()) as { person: { email: string } }).person.email).toBe(someone.email);
    expect(errors.filter((error) => !error.includes("status of 401"))).toEqual([]);
  });

  it("shows a manager a filled team heatmap and readiness list", async () => {
    const context = await signedInAs("Director");
    const { page, errors } = await open(context, "/team");
    const heatmap = page.getByRole("region", { name: /Observed minus expected/ });
    await heatmap.waitFor();
    const rows = heatmap.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const rated = heatmap.locator("td.heat:not(.heat--unknown)");
    expect(await rated.count()).toBeGreaterThan(30);
    // Everyone below the Director has a verdict, and not all the same one.
    const readiness = page.getByRole("region", { name: "Readiness for the next level" });
    const text = await readiness.innerText();
    const verdicts = ["Ready", "Almost", "Not yet"].filter((label) => new RegExp(`\\b${label}\\b`).test(text));
    expect(verdicts.length).toBeGreaterThanOrEqual(2);
    expect(await readiness.locator("tbody tr").count()).toBe(await rows.count());
    await screenshot(page, "team-director");
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a demo PM a filled radar, a verdict with its reasons and released peer comments on My growth", async () => {
    const context = await signedInAs("PM:");
    const { page, errors } = await open(context, "/growth");
    await page.getByRole("heading", { level: 1, name: "My growth" }).waitFor();
    expect(await page.locator(".verdict-card").innerText()).toMatch(/\b(Ready|Almost|Not yet)\b/);
    const radar = page.getByRole("img", { name: "Radar chart of observed against expected ratings" });
    await radar.locator("canvas").waitFor();
    expect(await page.locator("figcaption").first().innerText()).toMatch(/Radar chart of \d+ competencies/);
    // Non-empty: the chart's numbers hold observed ratings, not only the expected ones.
    await page.getByText("Show the chart’s numbers as a table").click();
    const numbers = page.getByRole("table", { name: "Observed and expected per competency" });
    expect(await numbers.locator("tbody tr").count()).toBeGreaterThan(5);
    const observed = await numbers.locator("tbody tr td:first-of-type").allInnerTexts();
    expect(observed.filter((text) => /\d/.test(text)).length).toBeGreaterThan(0);
    // The reasons: the table of why, with peers as an aggregate and their released comments, unsigned.
    const why = page.getByRole("region", { name: "Why this verdict" });
    expect(await why.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(5);
    expect(await why.getByText(/\d+ raters/).count()).toBeGreaterThan(0);
    const comments = why.getByText(/\d+ peer comments?, unsigned/).first();
    await comments.click();
    expect(
      (await why.locator(".released-comment").allInnerTexts()).filter((text) => text.trim()).length,
    ).toBeGreaterThan(0);
    await screenshot(page, "growth-pm");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a VP the bench strength behind the leadership roles below them", async () => {
    const context = await signedInAs("VP");
    const { page, errors } = await open(context, "/insights");
    const bench = page.getByRole("region", { name: "Bench strength" });
    await bench.waitFor();
    const candidates = bench.locator("td[data-label=Candidates]");
    await candidates.first().waitFor();
    const counts = (await candidates.allInnerTexts()).map((text) => Number(text)).filter(Number.isFinite);
    expect(counts.some((count) => count >= 3)).toBe(true);
    expect(await bench.getByText(/Ready|Almost/).count()).toBeGreaterThan(0);
    await screenshot(page, "insights-vp");
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a playbook page from the ladder's level comparison, and from there the other playbooks", async () => {
    const context = await signedInAs("PM");
    const { page, errors } = await open(context, "/ladder/compare?from=pm&to=director");
    const together = page.getByRole("region", { name: "Working together" });
    await together.waitFor();
    await screenshot(page, "level-compare");
    await together.getByRole("link", { name: /playbook$/ }).click();
    await page.waitForURL(/\/ladder\/playbooks\/pm-director$/);
    await page.getByRole("heading", { level: 1, name: "Product Manager and Director of Product" }).waitFor();
    const aspects = page.locator(".playbook-aspect");
    expect(await aspects.count()).toBe(7);
    expect(await aspects.first().getByText("The Product Manager brings").isVisible()).toBe(true);
    expect(await aspects.first().getByText("The Director of Product brings").isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 3, name: "Questions for the 1:1" }).count()).toBe(7);
    await screenshot(page, "playbook-pm-director");
    expect(await runAxe(page)).toEqual([]);

    const others = page.getByRole("navigation", { name: "Other playbooks" });
    await others.getByRole("link", { name: /VP of Product.*Chief Product Officer/ }).click();
    await page.getByRole("heading", { level: 1, name: "VP of Product and Chief Product Officer" }).waitFor();
    expect(await page.locator(".playbook-aspect").count()).toBe(7);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("tells a demo VP about the step to CPO, and a Director about the steps above Director", async () => {
    const vp = await signedInAs("VP");
    const { page, errors } = await open(vp, "/advisor");
    const steps = page.getByRole("list", { name: "Your next steps" });
    await steps.waitFor();
    expect(await steps.getByRole("heading", { level: 4 }).allInnerTexts()).toEqual([
      "Chief Product Officer",
      "Beyond the ladder: a CMO or CEO candidacy",
    ]);
    expect(await page.getByRole("list", { name: "Paths open to you" }).count()).toBe(0);
    const notes = page.getByRole("list", { name: "Worth knowing" });
    expect(await notes.getByRole("heading", { level: 4 }).allInnerTexts()).toEqual([
      "Neutral ground",
      "Rare, and the glue at the top",
    ]);
    expect(await notes.getByText(/Source: Rich Mironov/).count()).toBe(2);
    await screenshot(page, "advisor-vp");
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();

    const director = await signedInAs("Director");
    const seen = await open(director, "/advisor");
    const directorSteps = seen.page.getByRole("list", { name: "Your next steps" });
    await directorSteps.waitFor();
    expect(await directorSteps.getByRole("heading", { level: 4 }).allInnerTexts()).toEqual([
      "Senior Director of Product",
      "Head of Product",
      "VP of Product",
    ]);
    expect(
      await seen.page.getByRole("list", { name: "Paths open to you" }).getByRole("listitem").count(),
    ).toBeGreaterThan(0);
    expect(
      await seen.page.getByRole("list", { name: "Worth knowing" }).getByRole("heading", { level: 4 }).allInnerTexts(),
    ).toEqual([
      "Already doing the work",
      "A mentor from outside product",
      "Neutral ground",
      "Rare, and the glue at the top",
    ]);
    await screenshot(seen.page, "advisor-director");
    expect(seen.errors).toEqual([]);
    await seen.page.close();
  });

  it("shows the four Mironov points, and which descriptors are the project's, on the About page", async () => {
    const context = await signedInAs("PM");
    const { page, errors } = await open(context, "/about");
    const points = page.getByRole("region", { name: "Reaching and holding the VP role" });
    await points.waitFor();
    expect(await points.getByRole("heading", { level: 3 }).count()).toBe(4);
    const interpolated = page.getByRole("region", { name: "Which descriptors are interpolated" });
    expect(await interpolated.innerText()).toContain("domain knowledge for Director of Product");
    await screenshot(page, "about");
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
