import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { TFrameworkAbout, TFrameworkVersion, TTitleResolution } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughWelcome } from "./web-session.ts";

describe("web: ladder explorer, level pages, comparing levels, about and title lookup", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let ladder: TFrameworkVersion["document"];

  /** The API, called with the browser's own session cookie, as the truth the pages must show. */
  async function api<T>(path: string): Promise<T> {
    const response = await context.request.get(`${server.url}${path}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  }

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await newAppContext(browser);
    const page = await context.newPage();
    await signInThroughWelcome(page, server);
    await page.close();
    ladder = (await api<TFrameworkVersion>("/api/frameworks/product-management/versions/latest")).document;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the levels × competencies matrix: levels by rank, competencies grouped by area", async () => {
    const { page, errors } = await open("/ladder");
    const matrix = page.getByRole("table", { name: "Expected proficiency by competency and level" });
    await matrix.waitFor();
    const byRank = [...ladder.levels].sort((a, b) => a.rank - b.rank).map((level) => level.name);
    const headers = await matrix.locator("thead th").allInnerTexts();
    const areas = [...new Set(ladder.competencies.map((c) => c.area))];
    expect(headers.slice(1).map((text) => text.replace(/^\d+\s*/, "").replace(/\s+/g, " "))).toEqual(byRank);
    expect(await matrix.locator("th[scope=row]").allInnerTexts()).toEqual(
      areas.flatMap((area) => ladder.competencies.filter((c) => c.area === area).map((c) => c.name)),
    );
    expect(await matrix.locator("th[scope=rowgroup]").allInnerTexts()).toEqual(areas.map((a) => a.toUpperCase()));

    // Each cell shows the expected proficiency of its level and competency.
    const cell = matrix.getByRole("button", { name: /: Strategic thinking at Director of Product$/ });
    expect(await cell.locator(".matrix-cell__value").innerText()).toBe(
      String(ladder.expectations.director!["strategic-thinking"]!.expected),
    );
    expect(await matrix.getByRole("button").count()).toBe(ladder.levels.length * ladder.competencies.length);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a cell's descriptor with Enter and closes it with Escape, focus back on the cell", async () => {
    const { page, errors } = await open("/ladder");
    const senior = ladder.expectations["senior-pm"]!["strategic-thinking"]!;
    expect(senior.interpolated).toBe(true);
    const cell = page.getByRole("button", { name: /Strategic thinking at Senior Product Manager, interpolated$/ });
    await cell.focus();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Strategic thinking at Senior Product Manager" });
    await dialog.waitFor();
    expect(await dialog.getByText(senior.descriptor).isVisible()).toBe(true);
    expect(await dialog.getByText("Written between two sourced levels.").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cell-senior-pm-strategic-thinking");

    // A sourced descriptor carries no interpolation note.
    await page.getByRole("button", { name: /Strategic thinking at Product Manager$/ }).click();
    const sourced = page.getByRole("dialog", { name: "Strategic thinking at Product Manager" });
    await sourced.waitFor();
    expect(await sourced.getByText("Written between two sourced levels.").count()).toBe(0);
    await sourced.getByRole("button", { name: "Close" }).click();
    await sourced.waitFor({ state: "hidden" });

    // At a sourced level, a descriptor the sources leave out says the project wrote it, not that it sits between.
    await page.getByRole("button", { name: /Domain knowledge at Director of Product, interpolated$/ }).click();
    const unsourced = page.getByRole("dialog", { name: "Domain knowledge at Director of Product" });
    await unsourced.waitFor();
    expect(await unsourced.innerText()).toContain("Product Manager and at VP of Product");
    await unsourced.getByRole("button", { name: "Close" }).click();
    await page
      .getByRole("button", { name: /Strategic partnerships at Product Manager, interpolated, does not apply/ })
      .click();
    const partnerships = page.getByRole("dialog", { name: "Strategic partnerships at Product Manager" });
    await partnerships.waitFor();
    expect(await partnerships.getByText("Written by the project.").isVisible()).toBe(true);
    await partnerships.getByRole("button", { name: "Close" }).click();
    await partnerships.waitFor({ state: "hidden" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a level's scope, summary, other titles, track and every expectation", async () => {
    const { page, errors } = await open("/ladder");
    await page
      .getByRole("table", { name: "Expected proficiency by competency and level" })
      .getByRole("link", { name: "Director of Product", exact: true })
      .click();
    await page.waitForURL(`${server.url}/ladder/levels/director`);
    const director = ladder.levels.find((level) => level.id === "director")!;
    await page.getByRole("heading", { level: 1, name: director.name }).waitFor();
    expect(await page.getByText(director.scope).isVisible()).toBe(true);
    expect(await page.getByText(director.summary).isVisible()).toBe(true);
    for (const alias of director.aliases) expect(await page.getByText(alias, { exact: true }).count()).toBe(1);
    expect(await page.getByText("Manager", { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { level: 4 }).count()).toBe(ladder.competencies.length);
    const descriptor = ladder.expectations.director!.communication!.descriptor;
    expect(await page.getByText(descriptor).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("compares Product Manager with Director: a changed competency shows both descriptors", async () => {
    const { page, errors } = await open("/ladder/compare?from=pm&to=director");
    const table = page.getByRole("table", {
      name: "What changes from Product Manager to Director of Product, per competency",
    });
    await table.waitFor();
    const changed = ladder.competencies.find(
      (c) => ladder.expectations.pm![c.id]!.expected !== ladder.expectations.director![c.id]!.expected,
    )!;
    const before = ladder.expectations.pm![changed.id]!;
    const after = ladder.expectations.director![changed.id]!;
    const row = table.getByRole("row", { name: new RegExp(`^${changed.name}`) });
    expect(await row.getAttribute("class")).toContain("is-changed");
    expect(await row.getByText("Changes").isVisible()).toBe(true);
    expect(await row.getByText(before.descriptor).isVisible()).toBe(true);
    expect(await row.getByText(after.descriptor).isVisible()).toBe(true);
    // The arrow is decoration; assistive technology reads "2 to 4".
    expect((await row.getByRole("cell").first().innerText()).replace(/\s+/g, " ")).toContain(
      `${before.expected} → to ${after.expected}`,
    );
    expect(await runAxe(page)).toEqual([]);

    // "Only what changes" hides the competencies whose numbers stay put, on a pair that has some.
    const byRank = [...ladder.levels].sort((a, b) => a.rank - b.rank);
    const isSame = (from: string, to: string, id: string) =>
      ladder.expectations[from]![id]!.expected === ladder.expectations[to]![id]!.expected &&
      ladder.expectations[from]![id]!.weight === ladder.expectations[to]![id]!.weight;
    const pair = byRank
      .slice(1)
      .map((to, index) => ({ from: byRank[index]!, to }))
      .find(({ from, to }) => ladder.competencies.some((c) => isSame(from.id, to.id, c.id)))!;
    const unchanged = ladder.competencies.filter((c) => isSame(pair.from.id, pair.to.id, c.id));
    await page.getByLabel("From level").selectOption(pair.from.id);
    await page.getByLabel("To level").selectOption(pair.to.id);
    const pairTable = page.getByRole("table", { name: new RegExp(`from ${pair.from.name} to ${pair.to.name},`) });
    await pairTable.waitFor();
    const competencyRows = pairTable.locator("tbody tr:not(.compare-table__area)");
    expect(await competencyRows.count()).toBe(ladder.competencies.length);
    await page.getByLabel("Show only what changes").check();
    await expect.poll(() => competencyRows.count()).toBe(ladder.competencies.length - unchanged.length);
    expect(await pairTable.locator("tbody tr.is-changed").count()).toBe(await competencyRows.count());
    expect(await pairTable.getByRole("rowheader", { name: unchanged[0]!.name }).count()).toBe(0);

    // The pickers change the pair and the address.
    await page.getByLabel("From level").selectOption("pm");
    await page.getByLabel("To level").selectOption("vp");
    await page.waitForURL(`${server.url}/ladder/compare?from=pm&to=vp`);
    await page.getByRole("table", { name: /from Product Manager to VP of Product/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("explains where the ladder comes from on the About page", async () => {
    const about = await api<TFrameworkAbout>("/api/frameworks/product-management/about");
    const { page, errors } = await open("/about");
    await page.getByRole("heading", { level: 1, name: "About this ladder" }).waitFor();
    const sources = page.getByRole("region", { name: "Sources" });
    await sources.waitFor();
    for (const source of about.sources) {
      expect(await sources.getByText(source.title).isVisible()).toBe(true);
      expect(await sources.getByText(source.usedFor).isVisible()).toBe(true);
    }
    const levels = page.getByRole("region", { name: "The levels and their scope" });
    expect(await levels.getByRole("listitem").count()).toBe(about.levels.length);
    expect(await levels.getByText(about.levels[0]!.scope).isVisible()).toBe(true);
    const interpolated = page.getByRole("region", { name: "Which descriptors are interpolated" });
    expect(await interpolated.innerText()).toContain(`${about.descriptors.interpolated} of ${about.descriptors.total}`);
    for (const name of about.descriptors.interpolatedLevels) expect(await interpolated.innerText()).toContain(name);
    const steps = page.getByRole("region", { name: /Planning a career in 4 steps/ });
    expect(await steps.getByRole("heading", { level: 3 }).count()).toBe(4);
    expect(await page.getByRole("heading", { level: 2, name: "Titles are fluid" }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("resolves a company title in the lookup box: level, confidence as a percentage and a meter, reason", async () => {
    const { page, errors } = await open("/ladder");
    const title = "Sr. Product Manager II (EMEA)";
    const expected = await api<TTitleResolution>(`/api/titles/resolve?title=${encodeURIComponent(title)}`);
    expect(expected.levelName).not.toBeNull();

    const lookup = page.getByRole("search", { name: "Title lookup" });
    await lookup.getByLabel("Company job title").fill(title);
    await lookup.getByLabel("Company job title").press("Enter");
    const answer = page.locator(".title-answer");
    await answer.waitFor();
    expect(await answer.getByRole("link", { name: expected.levelName! }).isVisible()).toBe(true);
    const percent = `${Math.round(expected.confidence * 100)}%`;
    expect(await answer.getByText(`Confidence ${percent}`).isVisible()).toBe(true);
    const meter = answer.getByRole("meter", { name: `Confidence ${percent}` });
    expect(Number(await meter.getAttribute("value"))).toBeCloseTo(expected.confidence);
    expect(await answer.getByText(expected.reason).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    // A title outside product management is said to be off the ladder.
    await page.getByRole("button", { name: "Product Designer" }).click();
    await page.getByText("“Product Designer” is not on this ladder").waitFor();

    // The answer links to the level it names.
    await lookup.getByLabel("Company job title").fill(title);
    await lookup.getByRole("button", { name: "Look up" }).click();
    await answer.getByRole("link", { name: expected.levelName! }).click();
    await page.waitForURL(`${server.url}/ladder/levels/${expected.levelId}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
