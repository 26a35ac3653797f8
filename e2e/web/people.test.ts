import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints, type TDemoStatus } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { ADMIN_PASSWORD, HttpSession } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

const SHOTS = "/tmp/ascent-shots";

/** An HRIS export with one title that title mapping cannot place. */
const UNPLACEABLE_TITLE = "Chief Vibes Curator";
function importCsv(managerEmail: string): string {
  return [
    "Full Name,Work Email,Job Title,Manager Email,Department",
    `Quinn Importado,quinn.importado@example.com,Product Manager,${managerEmail},Growth`,
    `Rowan Importado,rowan.importado@example.com,${UNPLACEABLE_TITLE},${managerEmail},Growth`,
  ].join("\n");
}

describe("web: people, org chart, import and access", () => {
  let server: TestServer;
  let browser: Browser;
  let admin: BrowserContext;
  let adminApi: HttpSession;
  let demo: TDemoStatus;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    admin = await signedInContext(browser, server, { viewport: { width: 1280, height: 900 } });
    adminApi = await new HttpSession(server.url).login("admin@ascent.local", ADMIN_PASSWORD);
    demo = await (await fetch(`${server.url}/api/demo`)).json();
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  async function signedInAs(email: string): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email, password: demo.password },
    });
    expect(response.ok()).toBe(true);
    return context;
  }

  function login(personaPrefix: string) {
    const found = demo.logins.find((l) => l.persona.startsWith(personaPrefix));
    if (!found) throw new Error(`no demo login for ${personaPrefix}`);
    return found;
  }

  async function personId(email: string): Promise<string> {
    const { people } = await adminApi.client.call(endpoints.people.list, { query: { search: email } });
    const person = people.find((p) => p.email === email);
    if (!person) throw new Error(`no person ${email}`);
    return person.id;
  }

  it("lets an admin search the directory, open a person and see their reporting chain", async () => {
    const { page, errors } = await open(admin, "/people");
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.title()).toBe("People · Ascent");
    const { total } = await adminApi.client.call(endpoints.people.list, { query: { status: "active" } });
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Showing" }).innerText())
      .toBe(`Showing 1–25 of ${total} people`);
    expect(await page.getByRole("button", { name: "Add person" }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-directory.png`, fullPage: true });

    const director = login("Director");
    await page.getByRole("searchbox", { name: "Search" }).fill(director.name.split(" ")[0] ?? "");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await page.getByRole("link", { name: director.name }).click();
    await page.getByRole("heading", { level: 1, name: director.name }).waitFor();
    await expect.poll(() => page.title()).toBe(`${director.name} · Ascent`);

    const id = await personId(director.email);
    const { chain } = await adminApi.client.call(endpoints.people.chain, { params: { id } });
    expect(chain.length).toBeGreaterThan(1);
    const crumbs = page.getByRole("navigation", { name: "Reporting chain" });
    expect(await crumbs.getByRole("link").allInnerTexts()).toEqual(["People", ...chain.map((m) => m.name).reverse()]);
    const chainSection = page.locator("section", { has: page.getByRole("heading", { name: "Reporting chain" }) });
    expect(await chainSection.getByRole("listitem").count()).toBe(chain.length);

    const person = await adminApi.client.call(endpoints.people.get, { params: { id } });
    const levelLink = page.getByRole("link", { name: person.level?.name ?? "?" }).first();
    expect(await levelLink.getAttribute("href")).toBe(`/ladder/levels/${person.level?.id}`);
    const reports = page.getByRole("table", { name: /Direct reports/ });
    expect(await reports.locator("tbody tr").count()).toBe(person.directReportCount);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-person.png`, fullPage: true });

    // Up the chain through the breadcrumb.
    const manager = chain[0];
    await crumbs.getByRole("link", { name: manager?.name ?? "?" }).click();
    await page.getByRole("heading", { level: 1, name: manager?.name ?? "?" }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("imports a CSV: preview, map the unmapped title there, commit, then see the people and the audit entry", async () => {
    const director = login("Director");
    const { page, errors } = await open(admin, "/people/import");
    await page.getByRole("heading", { level: 1, name: "Import people" }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    // Previewing without a file says what is missing, next to the field.
    await page.getByRole("button", { name: "Preview import" }).click();
    const fileInput = page.getByLabel("HRIS export (CSV)");
    await page.getByRole("alert").filter({ hasText: "Choose a CSV file first." }).waitFor();
    expect(await fileInput.getAttribute("aria-invalid")).toBe("true");

    await fileInput.setInputFiles({
      name: "hris-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(importCsv(director.email)),
    });
    await page.getByRole("button", { name: "Preview import" }).click();
    await page.getByRole("heading", { name: "2. Check the preview" }).waitFor();
    const fact = (name: string) => page.locator(".import-facts > div", { hasText: name }).locator("dd").innerText();
    expect(await fact("New people")).toBe("2");
    expect(await fact("Unmapped titles")).toBe("1");
    expect(await fact("Errors")).toBe("0");
    const unmapped = page.getByRole("table", { name: /Unmapped titles/ });
    expect(await unmapped.getByRole("rowheader").allInnerTexts()).toEqual([UNPLACEABLE_TITLE]);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-import-preview.png`, fullPage: true });

    // Map it from the preview: the override is saved and the preview re-runs without it.
    await page.getByLabel(`Level for “${UNPLACEABLE_TITLE}”`).selectOption("senior-pm");
    await page.getByRole("button", { name: `Map this title “${UNPLACEABLE_TITLE}”` }).click();
    await page.getByText(`“${UNPLACEABLE_TITLE}” now maps to Senior Product Manager`).waitFor();
    await expect.poll(() => fact("Unmapped titles")).toBe("0");
    expect(await page.getByRole("table", { name: /Unmapped titles/ }).count()).toBe(0);
    const newRows = page.getByRole("table", { name: /New people/ });
    expect(await newRows.getByRole("row", { name: /Rowan Importado/ }).innerText()).toContain("Senior Product Manager");
    const { overrides } = await adminApi.client.call(endpoints.peopleImport.listTitleOverrides);
    expect(overrides).toContainEqual(expect.objectContaining({ title: UNPLACEABLE_TITLE, levelId: "senior-pm" }));
    // Nothing is written by previewing.
    const before = await adminApi.client.call(endpoints.people.list, { query: { search: "Importado" } });
    expect(before.total).toBe(0);

    await page.getByRole("button", { name: "Import 2 people" }).click();
    await page.getByRole("heading", { name: "Import complete" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "added" }).innerText()).toContain(
      "2 people added, 0 updated",
    );
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-import-done.png`, fullPage: true });

    await page.getByRole("link", { name: "See them in People" }).click();
    await page.getByRole("searchbox", { name: "Search" }).fill("Importado");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    const rowan = page.getByRole("row", { name: /Rowan Importado/ });
    expect(await rowan.innerText()).toContain("Senior Product Manager");
    await expect.poll(() => rowan.innerText()).toContain(director.name);

    await page.goto(`${server.url}/audit`);
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const firstEvent = page.locator("tbody tr").first();
    await firstEvent.waitFor();
    expect(await firstEvent.innerText()).toContain("Imported people");
    expect(await firstEvent.innerText()).toContain("hris-export.csv: 2 added, 0 updated");
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/audit/export.csv");
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-audit.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists title mappings with a live preview of where a title lands", async () => {
    // A mapping of this test's own (the import test makes another, in whatever order they run).
    const title = "Principal Vibes Curator";
    await adminApi.client.call(endpoints.peopleImport.setTitleOverride, { body: { title, levelId: "senior-pm" } });
    const { page, errors } = await open(admin, "/titles/mapping");
    await page.getByRole("heading", { level: 1, name: "Title mapping" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.innerText()).toContain("Senior Product Manager");

    await page.getByLabel("Company title").fill("Director of Product");
    await page.getByRole("status").filter({ hasText: "lands on Director of Product" }).waitFor();
    // Saving without a level explains what is missing, tied to the field.
    await page.getByRole("button", { name: "Save mapping" }).click();
    const level = page.getByLabel("Ladder level");
    await expect.poll(() => level.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").filter({ hasText: "Choose the level" }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-title-mapping.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("edits a person in a dialog that traps focus, closes on Escape and returns focus to its opener", async () => {
    const { id } = await adminApi.client.call(endpoints.people.create, {
      body: { name: "Ezra Editable", email: "ezra.editable@example.com", team: "Growth" },
    });
    const { page, errors } = await open(admin, `/people/${id}`);
    await page.getByRole("heading", { level: 1, name: "Ezra Editable" }).waitFor();
    const opener = page.getByRole("button", { name: "Edit details" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Edit Ezra Editable" });
    await dialog.getByLabel("Name").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Edit details");

    await opener.click();
    await dialog.getByLabel("Team").fill("Growth Lab");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator(".person-facts").getByText("Growth Lab").waitFor();
    const saved = await adminApi.client.call(endpoints.people.get, { params: { id } });
    expect(saved.team).toBe("Growth Lab");
    const history = page.getByRole("region", { name: "Level history" });
    await history.getByText("No level change is recorded for Ezra Editable yet.").waitFor();

    // Moving the level asks why, and the page's level history shows the change with that reason.
    await opener.click();
    await dialog.getByLabel("Ladder level").selectOption({ label: "2. Senior Product Manager" });
    await dialog.getByLabel("Why the level changes").fill("Placed after the calibration review");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const row = history.getByRole("row", { name: /Senior Product Manager/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Placed after the calibration review");
    await page.screenshot({ path: `${SHOTS}/people-level-history.png`, fullPage: true });

    // A one-time invite link, shown once as a full URL to copy.
    await page.getByRole("button", { name: "Create invite link" }).click();
    const link = page.getByLabel("Invite link for Ezra Editable");
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`^${server.url}/welcome/\\S+$`));
    expect(await page.getByRole("button", { name: "Copy link" }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("deactivates a manager after a confirmation that shows the server's warning", async () => {
    const { people } = await adminApi.client.call(endpoints.people.list, { query: { search: "Mobile", limit: 100 } });
    const withReports = [];
    for (const person of people) {
      const full = await adminApi.client.call(endpoints.people.get, { params: { id: person.id } });
      // Not one of the demo logins, whom the other tests sign in as.
      const isLogin = demo.logins.some((l) => l.email === full.email);
      if (full.directReportCount > 0 && full.isDemo && !isLogin) withReports.push(full);
    }
    const target = withReports[0];
    if (!target) throw new Error("the demo organisation has no manager in Mobile");
    const { page, errors } = await open(admin, `/people/${target.id}`);
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog");
    await page.getByRole("dialog", { name: `Deactivate ${target.name}?` }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole("button", { name: `Deactivate ${target.name}` }).click();
    await page.getByRole("dialog", { name: `${target.name} is now inactive` }).waitFor();
    expect(await dialog.getByRole("listitem").first().innerText()).toContain(
      `still has ${target.directReportCount} direct report`,
    );
    await page.screenshot({ path: `${SHOTS}/people-deactivate.png` });
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Reactivate" }).waitFor();
    const after = await adminApi.client.call(endpoints.people.get, { params: { id: target.id } });
    expect(after.status).toBe("inactive");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("moves through the org chart tree with the arrow keys", async () => {
    const { page, errors } = await open(admin, "/org");
    await page.getByRole("heading", { level: 1, name: "Org chart" }).waitFor();
    const tree = page.getByRole("tree", { name: "Reporting lines" });
    await tree.waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-org-chart.png`, fullPage: true });

    const focusedName = () =>
      page.evaluate(() => document.activeElement?.querySelector(".org-tree__name")?.textContent ?? null);
    const focused = () => page.locator('[role="treeitem"]:focus');
    // One Tab stop: Tab from the help text's neighbourhood lands on the selected item.
    await page.getByRole("link", { name: "Org chart" }).focus();
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute("role"))) !== "treeitem" && tabs < 30) {
      await page.keyboard.press("Tab");
      tabs += 1;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("treeitem");
    const { roots } = await adminApi.client.call(endpoints.people.orgChart, { query: { depth: 2 } });
    expect(await focusedName()).toBe(roots[0]?.name);

    // Down to the first manager, whose team is open; Left closes it, Right opens it, Right enters it.
    const top = roots.find((root) => root.directReportCount > 0);
    if (!top) throw new Error("no manager at the top of the demo organisation");
    while ((await focusedName()) !== top.name) await page.keyboard.press("ArrowDown");
    expect(await focused().getAttribute("aria-expanded")).toBe("true");
    expect(await focused().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => focused().getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focused().getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowRight");
    expect(await focusedName()).toBe(top.reports[0]?.name);
    await page.getByRole("heading", { level: 2, name: top.reports[0]?.name ?? "?" }).waitFor();
    // Left on an open item closes it; on a closed one it goes up to the manager.
    if ((await focused().getAttribute("aria-expanded")) === "true") {
      await page.keyboard.press("ArrowLeft");
      await expect.poll(() => focused().getAttribute("aria-expanded")).toBe("false");
    }
    await page.keyboard.press("ArrowLeft");
    expect(await focusedName()).toBe(top.name);
    await page.keyboard.press("End");
    expect(await focusedName()).not.toBe(top.name);
    await page.keyboard.press("Home");
    expect(await focusedName()).toBe(roots[0]?.name);

    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/people/${roots[0]?.id}$`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a manager only their reporting chain, and a member the empty state", async () => {
    const director = login("Director");
    const directorApi = await new HttpSession(server.url).login(director.email, demo.password ?? "");
    const visible = await directorApi.client.call(endpoints.people.list, { query: { status: "active" } });
    expect(visible.scope).toBe("reportingChain");

    const context = await signedInAs(director.email);
    const { page, errors } = await open(context, "/people");
    await page.getByRole("table").waitFor();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(visible.total);
    const names = await page.locator("tbody tr th a").allInnerTexts();
    expect(names.sort()).toEqual(visible.people.map((p) => p.name).sort());
    expect(names).toContain(director.name);
    expect(await page.getByRole("button", { name: "Add person" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Edit / }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);

    await page.goto(`${server.url}/org`);
    const tree = page.getByRole("tree", { name: "Reporting lines" });
    await tree.waitFor();
    const topLevel = tree.locator('[role="treeitem"][aria-level="1"]');
    expect(await topLevel.count()).toBe(1);
    expect(await topLevel.locator(".org-tree__name").first().innerText()).toBe(director.name);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    const pm = login("PM:");
    const member = await signedInAs(pm.email);
    const memberPage = await open(member, "/people");
    await memberPage.page.getByRole("heading", { name: "Nobody reports to you yet" }).waitFor();
    expect(await memberPage.page.locator("tbody tr").count()).toBe(1);
    expect(await runAxe(memberPage.page)).toEqual([]);
    await memberPage.page.screenshot({ path: `${SHOTS}/people-member-empty.png`, fullPage: true });

    // Admin pages explain themselves rather than failing.
    await memberPage.page.goto(`${server.url}/audit`);
    await memberPage.page.getByRole("heading", { name: "For admins only" }).waitFor();
    expect(memberPage.errors).toEqual([]);
    await member.close();
  });

  it("shows my access log, with an empty state when nobody has read my things", async () => {
    const { page, errors } = await open(admin, "/account/access-log");
    await page.getByRole("heading", { level: 1, name: "Who viewed my data" }).waitFor();
    await page.getByRole("heading", { name: "Nobody has read your things yet" }).waitFor();
    expect(await page.title()).toBe("Who viewed my data · Ascent");
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels the demo organisation in the shell and lets an admin remove it after confirming", async () => {
    // Removing the demo takes everyone the other tests look at: this one runs on a server of its own.
    const own = await startTestServer({ demo: true });
    const context = await signedInContext(browser, own, { viewport: { width: 1280, height: 900 } });
    const ownApi = await new HttpSession(own.url).login("admin@ascent.local", ADMIN_PASSWORD);
    const ownDemo = (await (await fetch(`${own.url}/api/demo`)).json()) as TDemoStatus;
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${own.url}/people`);
    const banner = page.getByRole("region", { name: "Demo organisation" });
    await banner.getByText("invented people; remove before real use").waitFor();
    const remove = banner.getByRole("button", { name: "Remove demo data" });

    await remove.click();
    const dialog = page.getByRole("dialog", { name: "Remove the demo organisation?" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Remove demo data");

    await remove.click();
    await dialog.getByRole("button", { name: "Remove demo data" }).click();
    await page.getByText(`The demo organisation has been removed (${ownDemo.peopleCount} people)`).waitFor();
    const status = await (await fetch(`${own.url}/api/demo`)).json();
    expect(status.isLoaded).toBe(false);
    await expect.poll(() => banner.getByText("invented people").count()).toBe(0);
    const { total } = await ownApi.client.call(endpoints.people.list, { query: { status: "active" } });
    expect(total).toBeLessThan(ownDemo.peopleCount ?? 0);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(total);
    expect(errors).toEqual([]);
    await context.close();
    await own.stop();
  });
});
