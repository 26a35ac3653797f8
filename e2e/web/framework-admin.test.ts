import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { signInAsFirstAdmin, type HttpSession } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { ADMIN_EMAIL, ADMIN_PASSWORD, newAppContext } from "./web-session.ts";

// A spreadsheet as most companies keep their ladder: an area column, a competency column, one
// column per level. Delivery has no text for Head (row 3, column E), so the preview reports it.
const LADDER_CSV = [
  "Area,Competency,Associate,Lead,Head",
  "Craft,Discovery,Learns to run customer interviews,Runs discovery for a team,Sets the discovery practice",
  'Craft,Delivery,Ships small changes,"Owns a roadmap, end to end",',
  "People,Coaching,Asks for feedback,Coaches two product managers,Grows a team of leads",
].join("\n");

const DUPLICATE_ROWS_CSV = "Competency,PM,Director\nDelivery,Ships,Plans\nDelivery,Ships again,Plans again\n";

/** The error shown under a control, found through its aria-describedby as assistive technology would. */
async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    ids
      .split(" ")
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(" ");
}

// Each test starts from a ladder of its own, made over the API, and a page of its own: none relies on
// what another test did, so they pass alone, in any order, and on a busy machine.
describe("web: framework admin — import a spreadsheet, edit the draft, publish, compare versions", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: HttpSession;
  let folder: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "ascent-web-import-"));
    await writeFile(join(folder, "acme-ladder.csv"), LADDER_CSV);
    await writeFile(join(folder, "duplicates.csv"), DUPLICATE_ROWS_CSV);
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await signInAsFirstAdmin(server);
    context = await newAppContext(browser);
    const signIn = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(signIn.ok()).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterEach(async () => {
    await page?.close();
  });

  /** Imports the spreadsheet as a new framework named `name`: draft v1, with no version published. */
  async function importDraft(name: string, slug: string): Promise<void> {
    const query = new URLSearchParams({ fileName: "ladder.csv", name, slug });
    const response = await admin.fetch(`/api/frameworks/import?${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: LADDER_CSV,
    });
    expect(response.status).toBe(200);
  }

  /** Imports the spreadsheet and publishes it as v1. */
  async function publishedLadder(name: string, slug: string): Promise<void> {
    await importDraft(name, slug);
    await admin.client.call(endpoints.frameworkAdmin.publish, { params: { framework: slug }, body: { note: "v1" } });
  }

  async function frameworkCount(): Promise<number> {
    return (await admin.client.call(endpoints.frameworks.list)).frameworks.length;
  }

  it("names the row of a bad spreadsheet and writes nothing", async () => {
    const before = await frameworkCount();
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole("link", { name: "Import a ladder" }).click();
    await page.waitForURL(`${server.url}/frameworks/import`);
    await page.getByRole("heading", { level: 1, name: "Import a ladder" }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("button", { name: "Preview" }).click();
    expect(await describedBy(page, "Ladder file")).toContain("Choose a file to import.");

    await page.getByLabel("Ladder file").setInputFiles(join(folder, "duplicates.csv"));
    await page.getByRole("button", { name: "Preview" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "The file could not be imported" });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Row 3/);
    expect(await alert.getByText("Nothing was saved.").isVisible()).toBe(true);
    expect(await frameworkCount()).toBe(before);
    // The rejected file is answered 400 on purpose.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("previews a spreadsheet: levels, competencies, empty cells; then creates the draft", async () => {
    await page.goto(`${server.url}/frameworks/import`);
    await page.getByLabel("Ladder file").setInputFiles(join(folder, "acme-ladder.csv"));
    await page.getByLabel("Name (optional)").fill("Acme ladder");
    await page.getByRole("button", { name: "Preview" }).click();

    const preview = page.getByRole("region", { name: "Preview of acme-ladder.csv" });
    await preview.waitFor();
    // Focus moves to the preview on the next frame, which a busy machine may delay well past waitFor:
    // wait for it as long as for any element.
    await expect
      .poll(() => preview.evaluate((element) => element === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    expect(await preview.locator(".level-chain li").allInnerTexts()).toEqual(["1\nAssociate", "2\nLead", "3\nHead"]);
    const competencies = preview.getByRole("table", { name: /Competencies recognised/ });
    expect(await competencies.getByRole("rowheader").allInnerTexts()).toEqual(["Discovery", "Delivery", "Coaching"]);
    const empty = preview.getByRole("table", { name: /Empty cells/ });
    expect(await empty.getByRole("rowheader").allInnerTexts()).toEqual(["Row 3, column E"]);
    expect(await runAxe(page)).toEqual([]);

    await preview.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(`${server.url}/frameworks/acme-ladder`);
    await page.getByRole("status").filter({ hasText: "Imported “Acme ladder” as draft v1." }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Acme ladder" }).waitFor();
    expect(await page.getByRole("heading", { name: "Draft v1 is in progress" }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("shows the API's validation errors next to the draft's fields, then saves the fix", async () => {
    await importDraft("Fixes ladder", "fixes-ladder");
    await page.goto(`${server.url}/frameworks/fixes-ladder`);
    await page.getByRole("link", { name: "Edit draft" }).click();
    await page.waitForURL(`${server.url}/frameworks/fixes-ladder/draft`);
    const name = page.getByLabel("Name of level 1", { exact: true });
    await name.waitFor();
    expect(await runAxe(page)).toEqual([]);

    await name.fill("");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("alert").filter({ hasText: "The draft was not saved" }).waitFor();
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect((await describedBy(page, "Name of level 1")).length).toBeGreaterThan(0);
    expect(await page.getByRole("alert").getByRole("button", { name: "Level 1: name" }).count()).toBe(1);

    await name.fill("Associate PM");
    await page.getByLabel("Other titles of level 1, comma-separated").fill("APM, Junior PM");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Draft saved/ })
      .waitFor();
    expect(await name.getAttribute("aria-invalid")).toBeNull();
    const draft = await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "fixes-ladder", version: 1 },
    });
    expect(draft.document.levels[0]).toMatchObject({ name: "Associate PM", aliases: ["APM", "Junior PM"] });
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("adds, reorders and removes levels and competencies, checking the draft in place, then saves", async () => {
    await importDraft("Shape ladder", "shape-ladder");
    await page.goto(`${server.url}/frameworks/shape-ladder/draft`);
    await page.getByLabel("Name of level 1", { exact: true }).waitFor();
    // The spreadsheet left Delivery at Head without text, which the editor flags before any save.
    const checks = page.getByRole("status").filter({ hasText: "before this draft is valid" });
    await checks.filter({ hasText: '"Delivery" applies at Head' }).waitFor();

    await page.getByRole("button", { name: "Add a level" }).click();
    await checks.filter({ hasText: "the level needs a name" }).waitFor();
    await page.getByLabel("Name of level 4", { exact: true }).fill("Principal");
    await page.getByRole("button", { name: "Move level 4 (Principal) up" }).click();
    expect(await page.getByLabel("Name of level 3", { exact: true }).inputValue()).toBe("Principal");

    await page.getByRole("button", { name: "Add a competency" }).click();
    await page.getByLabel("Name of competency 4 (competency-4)", { exact: true }).fill("Writing");
    await page.getByRole("button", { name: "Remove competency 2 (Delivery)" }).click();
    await page.getByLabel("Label of scale point 5").fill("Sets the standard");
    expect(await checks.count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("button", { name: "Save draft" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Draft saved/ })
      .waitFor();
    const draft = await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "shape-ladder", version: 1 },
    });
    expect(draft.document.levels.map((level) => [level.name, level.rank])).toEqual([
      ["Associate", 1],
      ["Lead", 2],
      ["Principal", 3],
      ["Head", 4],
    ]);
    expect(draft.document.competencies.map((competency) => competency.name)).toEqual([
      "Discovery",
      "Coaching",
      "Writing",
    ]);
    expect(draft.document.scale.points.at(-1)?.label).toBe("Sets the standard");
    if (process.env.DRAFT_EDITOR_SCREENSHOT)
      await page.screenshot({ path: process.env.DRAFT_EDITOR_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("publishes the draft with a note; the framework then appears as published", async () => {
    await importDraft("Publishing ladder", "publishing-ladder");
    await page.goto(`${server.url}/frameworks/publishing-ladder`);
    await page.getByLabel("What changed in this version (optional)").fill("First version, from the spreadsheet");
    await page.getByRole("button", { name: "Publish v1" }).click();
    await page.getByRole("status").filter({ hasText: "Published v1." }).waitFor();
    await page.getByText("v1 published").waitFor();
    const history = page.getByRole("table", { name: "Version history" });
    expect(await history.getByText("First version, from the spreadsheet").isVisible()).toBe(true);

    await page.getByRole("link", { name: "Frameworks", exact: true }).first().click();
    const row = page.getByRole("row", { name: /Publishing ladder/ });
    await row.waitFor();
    expect(await row.getByRole("cell").first().innerText()).toBe("v1");
    expect(errors).toEqual([]);
  });

  it("edits an expectation in a new draft, publishes v2 and shows the diff between versions", async () => {
    await publishedLadder("Diff ladder", "diff-ladder");
    await page.goto(`${server.url}/frameworks/diff-ladder`);
    await page.getByRole("button", { name: "Start a draft" }).click();
    await page.waitForURL(`${server.url}/frameworks/diff-ladder/draft`);
    await page.getByLabel("Level", { exact: true }).selectOption({ label: "2. Lead" });
    const descriptor = page.getByLabel("Descriptor, Discovery at Lead", { exact: true });
    expect(await descriptor.inputValue()).toBe("Runs discovery for a team");
    await descriptor.fill("Runs discovery for a group of teams");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Draft saved/ })
      .waitFor();
    // Publishing shows what it changes first.
    const summary = page.locator(".publish-diff");
    await summary.getByText("What publishing changes from v1").waitFor();
    expect(await summary.getByRole("listitem").allInnerTexts()).toEqual(["Expectations: 1 changed"]);
    await page.getByRole("button", { name: "Publish v2" }).click();
    await page.waitForURL(`${server.url}/frameworks/diff-ladder`);
    await page.getByRole("status").filter({ hasText: "Published v2." }).waitFor();

    const compare = page.getByRole("form", { name: "Compare versions" });
    await compare.getByLabel("From version").selectOption("1");
    await compare.getByLabel("To version").selectOption("2");
    await compare.getByRole("button", { name: "Show the changes" }).click();
    await page.waitForURL(`${server.url}/frameworks/diff-ladder/compare?from=1&to=2`);
    const expectations = page.getByRole("region", { name: /^Expectations/ });
    await expectations.waitFor();
    const changed = expectations.getByRole("table");
    expect(await changed.getByRole("rowheader").allInnerTexts()).toEqual(["Discovery at Lead"]);
    expect(await changed.locator(".diff-before").innerText()).toBe("Runs discovery for a team");
    expect(await changed.locator(".diff-after").innerText()).toBe("Runs discovery for a group of teams");
    expect(
      await page
        .getByRole("region", { name: /^Levels/ })
        .getByText("No changes.")
        .isVisible(),
    ).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("offers each version as a download and discards a draft after asking", async () => {
    await publishedLadder("Downloads ladder", "downloads-ladder");
    const draft = await admin.client.call(endpoints.frameworkAdmin.startDraft, {
      params: { framework: "downloads-ladder" },
      body: {},
    });
    const [first, ...rest] = draft.document.levels;
    await admin.client.call(endpoints.frameworkAdmin.saveDraft, {
      params: { framework: "downloads-ladder" },
      body: { document: { ...draft.document, levels: [{ ...first!, name: "Associate PM" }, ...rest] } },
    });
    await admin.client.call(endpoints.frameworkAdmin.publish, {
      params: { framework: "downloads-ladder" },
      body: { note: "v2" },
    });

    await page.goto(`${server.url}/frameworks/downloads-ladder`);
    const history = page.getByRole("table", { name: "Version history" });
    await history.waitFor();
    const fileOf = async (name: string) => {
      const href = (await history.getByRole("link", { name }).getAttribute("href"))!;
      return { href, response: await context.request.get(`${server.url}${href}`) };
    };
    const v1 = await fileOf("YAML of v1");
    expect(v1.href).toBe("/api/frameworks/downloads-ladder/versions/1/export?format=yaml");
    expect(v1.response.status()).toBe(200);
    expect(v1.response.headers()["content-disposition"]).toContain("downloads-ladder-v1.yaml");
    expect(await v1.response.text()).not.toContain("Associate PM");
    expect(await (await fileOf("YAML of v2")).response.text()).toContain("Associate PM");
    for (const format of ["JSON", "CSV", "XLSX", "Markdown"]) {
      expect(await history.getByRole("link", { name: `${format} of v2` }).count()).toBe(1);
    }

    await page.getByRole("button", { name: "Start a draft" }).click();
    await page.waitForURL(`${server.url}/frameworks/downloads-ladder/draft`);
    await page.getByRole("link", { name: "Back to Downloads ladder" }).click();
    await page.getByRole("button", { name: "Discard draft" }).click();
    const dialog = page.getByRole("dialog", { name: "Discard draft v3?" });
    await dialog.waitFor();
    // The dialog moves focus to Cancel when it opens; like the preview's focus, that may take a frame.
    await page.waitForFunction(() => document.activeElement?.textContent === "Cancel", null, { timeout: 10_000 });
    await dialog.getByRole("button", { name: "Discard draft" }).click();
    await page.getByRole("status").filter({ hasText: "Draft v3 was discarded." }).waitFor();
    expect(await page.getByRole("button", { name: "Start a draft" }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
