import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { endpoints } from "@ascent/contract";
import { buildAssessmentOrg, STAFF_PASSWORD, type AssessmentOrg } from "../support/assessment-fixture.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  newAppContext,
  signInThroughWelcome,
  withoutSignedOutProbe,
} from "./web-session.ts";

const SHOTS = "/tmp/ascent-shots";
const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface CycleJson {
  id: string;
  name: string;
  status: string;
  nominationsMin: number;
  nominationsMax: number;
  phases: { kind: string; opensAt: string; dueAt: string; closedAt: string | null }[];
}

describe("web: an admin steers a review cycle's phases, releases it and reads the acknowledgements", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser(), mkdir(SHOTS, { recursive: true })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function cycleNamed(page: Page, name: string): Promise<CycleJson> {
    const response = await page.request.get(`${server.url}/api/cycles`);
    const { cycles } = (await response.json()) as { cycles: CycleJson[] };
    const found = cycles.find((c) => c.name === name);
    if (!found) throw new Error(`no cycle named ${name}`);
    return found;
  }

  it("creates a cycle with a nomination range, extends, closes and reopens phases, releases after confirming", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInThroughWelcome(page, server);
    const admin = await server.services.people.findByEmail(ADMIN_EMAIL);
    const adminViewer = { personId: admin!.id, name: "Administrator", isAdmin: true, via: "session" as const };
    const cora = await server.services.people.create({
      name: "Cora Core",
      email: "cora@web.example.com",
      team: "Core",
    });
    await server.services.people.create({ name: "Cole Core", email: "cole@web.example.com", team: "Core" });

    // The create form: the nomination range is checked before anything is sent.
    await page.goto(`${server.url}/cycles`);
    await page.getByRole("heading", { level: 1, name: "Review cycles" }).waitFor();
    await page.getByRole("textbox", { name: "Name" }).fill("Core autumn review");
    await page.getByRole("textbox", { name: /^Teams/ }).fill("Core");
    await page.getByRole("spinbutton", { name: "Minimum" }).fill("5");
    await page.getByRole("spinbutton", { name: "Maximum" }).fill("2");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await page.getByRole("alert").filter({ hasText: "The minimum is above the maximum (2)." }).waitFor();
    expect(await page.getByRole("spinbutton", { name: "Minimum" }).getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("spinbutton", { name: "Maximum" }).fill("99");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await page.getByRole("alert").filter({ hasText: "At most 20 per person." }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    for (const width of [1280, 1366]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.getByRole("heading", { level: 2, name: "New cycle" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/cycle-admin-create-${width}.png`, fullPage: true });
      // The phase schedule sits beside the participants at both widths, not under them.
      const nameBox = await page.getByRole("textbox", { name: "Name" }).boundingBox();
      const phasesBox = await page.getByRole("table", { name: "Phases and deadlines" }).boundingBox();
      expect(phasesBox!.x).toBeGreaterThan(nameBox!.x + nameBox!.width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("spinbutton", { name: "Minimum" }).fill("2");
    await page.getByRole("spinbutton", { name: "Maximum" }).fill("4");
    await page.getByRole("button", { name: "Create cycle" }).click();
    await page.getByText("Created “Core autumn review”. Each person nominates 2 to 4 peer or upward raters.").waitFor();
    const created = await cycleNamed(page, "Core autumn review");
    expect([created.nominationsMin, created.nominationsMax]).toEqual([2, 4]);
    const listed = page.getByRole("table", { name: "Review cycles, newest first" }).getByRole("row").nth(1);
    await expect.poll(async () => (await listed.innerText()).replace(/\s+/g, " ")).toMatch(/ 2–4$/);

    // The cycle page: phases with their dates and actions.
    await page.getByRole("link", { name: "Core autumn review" }).click();
    await page.getByRole("heading", { level: 1, name: "Core autumn review" }).waitFor();
    const phases = page.getByRole("table", { name: "Each phase's dates and state" });
    expect(await phases.getByRole("row").count()).toBe(6);
    await page.getByRole("heading", { level: 2, name: "Acknowledgements" }).waitFor();
    await page.getByText("Nobody can acknowledge yet").waitFor();

    // Extend: a day before the phase opens is refused in the dialog; a later one is saved.
    const self = created.phases.find((p) => p.kind === "self")!;
    await page.getByRole("button", { name: "Extend the Self-assessment deadline…" }).click();
    const extend = page.getByRole("dialog", { name: "Extend the Self-assessment deadline" });
    await extend.waitFor();
    await extend.getByLabel("New deadline").fill(utcDay(Date.parse(self.opensAt) - DAY));
    await extend.getByRole("button", { name: "Save deadline" }).click();
    await extend.getByRole("alert").filter({ hasText: "The deadline must come after the phase opens" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/cycle-admin-extend-error.png` });
    const newDue = utcDay(Date.parse(self.dueAt) + 10 * DAY);
    await extend.getByLabel("New deadline").fill(newDue);
    await extend.getByRole("button", { name: "Save deadline" }).click();
    await page.getByRole("status").filter({ hasText: "The Self-assessment deadline is now" }).waitFor();
    await expect.poll(async () => (await extend.isVisible()) === false).toBe(true);
    const extended = (await cycleNamed(page, "Core autumn review")).phases.find((p) => p.kind === "self")!;
    expect(extended.dueAt.slice(0, 10)).toBe(newDue);

    // Close and reopen, each after confirming.
    const selfRow = phases.getByRole("row", { name: /^Self-assessment/ });
    await page.getByRole("button", { name: "Close the Self-assessment phase…" }).click();
    const closeDialog = page.getByRole("dialog", { name: "Close the Self-assessment phase?" });
    await closeDialog.getByText("Self-assessments made from now on fall outside this cycle").waitFor();
    expect(await runAxe(page)).toEqual([]);
    await closeDialog.getByRole("button", { name: "Close phase" }).click();
    await page.getByRole("status").filter({ hasText: "The Self-assessment phase is closed." }).waitFor();
    await expect.poll(async () => (await selfRow.innerText()).replace(/\s+/g, " ")).toMatch(/Closed /);
    await page.getByRole("button", { name: "Reopen the Self-assessment phase…" }).click();
    const reopenDialog = page.getByRole("dialog", { name: "Reopen the Self-assessment phase?" });
    await reopenDialog.getByRole("button", { name: "Reopen phase" }).click();
    await page.getByRole("status").filter({ hasText: "The Self-assessment phase is open again." }).waitFor();
    await expect.poll(async () => (await selfRow.innerText()).replace(/\s+/g, " ")).not.toMatch(/Closed /);
    expect((await cycleNamed(page, "Core autumn review")).phases.find((p) => p.kind === "self")!.closedAt).toBeNull();

    // Someone else closed the nomination phase meanwhile: the API's refusal shows in the dialog.
    await server.services.cycles.closePhase(adminViewer, created.id, "nomination");
    await page.getByRole("button", { name: "Close the Peer and upward nominations phase…" }).click();
    const staleClose = page.getByRole("dialog", { name: "Close the Peer and upward nominations phase?" });
    await staleClose.getByRole("button", { name: "Close phase" }).click();
    await staleClose.getByRole("alert").filter({ hasText: "is already closed" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/cycle-admin-close-conflict.png` });
    await staleClose.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await page.getByRole("button", { name: "Reopen the Peer and upward nominations phase…" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/cycle-admin-phases.png`, fullPage: true });

    // Release: the dialog says what it does; afterwards the action is disabled with the reason.
    await page.getByRole("button", { name: "Release results…" }).click();
    const release = page.getByRole("dialog", { name: "Release the results of “Core autumn review”?" });
    await release.waitFor();
    const said = (await release.innerText()).replace(/\s+/g, " ");
    expect(said).toContain("peer and upward answers in this cycle become one aggregate");
    expect(said).toContain("at least k people answered");
    expect(said).toContain("Calibrated ratings");
    expect(said).toContain("cannot be undone");
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/cycle-admin-release-dialog.png` });
    await release.getByRole("button", { name: "Release results" }).click();
    const releaseButton = page.getByRole("button", { name: "Release results…" });
    await expect.poll(() => releaseButton.isDisabled()).toBe(true);
    const reasonId = await releaseButton.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${reasonId}"]`).innerText()).toMatch(/^Released .*cannot be undone/);
    await page.getByText("This cycle is released: its phases no longer change.").waitFor();
    await expect
      .poll(async () => (await selfRow.innerText()).replace(/\s+/g, " "))
      .toMatch(/Over: the cycle is released$/);
    expect(await page.getByRole("button", { name: /^Extend the/ }).count()).toBe(0);
    expect((await cycleNamed(page, "Core autumn review")).status).toBe("released");

    // Acknowledgements: who did, when, and what they said.
    await server.services.cycles.acknowledgeResults(
      { personId: cora.id, name: cora.name, isAdmin: false, via: "session" },
      created.id,
      "Fair, and the peer notes helped.",
    );
    await page.reload();
    const table = page.getByRole("table", { name: "Who has acknowledged their results" });
    await table.waitFor();
    await page.getByText("1 of 2 people have acknowledged their results.").waitFor();
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(3);
    expect((await rows.nth(1).innerText()).replace(/\s+/g, " ")).toBe("Cole Core Not yet —");
    expect((await rows.nth(2).innerText()).replace(/\s+/g, " ")).toMatch(
      /^Cora Core \w{3} \d{1,2}, \d{4} Fair, and the peer notes helped\.$/,
    );
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole("heading", { level: 2, name: "Acknowledgements" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/cycle-admin-acknowledgements.png`, fullPage: true });

    // Besides the signed-out probe before signing in, the only console error is the refused second close.
    expect(withoutSignedOutProbe(errors)).toEqual([
      "Failed to load resource: the server responded with a status of 409 (Conflict)",
    ]);
    await context.close();
  });
});

describe("web: a cycle that changed behind the page, and a manager reading her chain's acknowledgements", () => {
  let server: TestServer;
  let browser: Browser;
  let org: AssessmentOrg;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    org = await buildAssessmentOrg(server);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the API's refusal when the cycle was released while the admin was extending a phase", async () => {
    const now = Date.now();
    const cycle = await org.as("admin")(endpoints.cycles.create, {
      body: {
        name: "Product summer review",
        population: { teams: ["Product"] },
        phases: [
          { kind: "self", opensAt: new Date(now - DAY).toISOString(), dueAt: new Date(now + DAY).toISOString() },
        ],
      },
    });
    const context = await newAppContext(browser);
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(response.ok()).toBe(true);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/cycles/${cycle.id}`);
    await page.getByRole("button", { name: "Extend the Self-assessment deadline…" }).click();
    const dialog = page.getByRole("dialog", { name: "Extend the Self-assessment deadline" });
    await dialog.getByLabel("New deadline").fill(utcDay(now + 5 * DAY));
    await org.as("admin")(endpoints.cycles.release, { params: { cycleId: cycle.id } });
    await dialog.getByRole("button", { name: "Save deadline" }).click();
    await dialog.getByRole("alert").filter({ hasText: "is released; its phases no longer change" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/cycle-admin-extend-refused.png` });
    // The page behind catches up without a reload: the phases are locked now.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("This cycle is released: its phases no longer change.").waitFor();
    expect(await page.getByRole("button", { name: /^Extend the/ }).count()).toBe(0);
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 409 (Conflict)"]);
    await context.close();
  });

  it("shows Dana her five reports with Mia's comment, and no admin controls", async () => {
    const now = Date.now();
    const cycle = await org.as("admin")(endpoints.cycles.create, {
      body: {
        name: "Product spring review",
        population: { teams: ["Product"] },
        phases: [
          { kind: "self", opensAt: new Date(now - DAY).toISOString(), dueAt: new Date(now + DAY).toISOString() },
        ],
      },
    });
    await org.as("admin")(endpoints.cycles.release, { params: { cycleId: cycle.id } });
    await org.as("mia")(endpoints.cycles.acknowledge, {
      params: { cycleId: cycle.id },
      body: { comment: "Thanks, I will work on the roadmap skills." },
    });

    const context = await newAppContext(browser);
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: "dana@assess.example.com", password: STAFF_PASSWORD },
    });
    expect(response.ok()).toBe(true);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/cycles/${cycle.id}`);
    const table = page.getByRole("table", { name: "Who has acknowledged their results" });
    await table.waitFor();
    await page.getByText("1 of 5 people have acknowledged their results.").waitFor();
    const names = await table.getByRole("rowheader").allInnerTexts();
    expect(names).toEqual(["Mia Member", "Paz Peer", "Pete Peer", "Pia Peer", "Pol Peer"]);
    expect((await table.getByRole("row", { name: /^Mia Member/ }).innerText()).replace(/\s+/g, " ")).toContain(
      "Thanks, I will work on the roadmap skills.",
    );
    expect(await page.getByRole("heading", { name: "Phases", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Release results…" }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/cycle-admin-manager-acknowledgements.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
