import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  applicableCompetencies,
  buildAssessmentOrg,
  STAFF_PASSWORD,
  type AssessmentOrg,
  type StaffKey,
} from "../support/assessment-fixture.ts";
import { ADMIN_PASSWORD } from "../support/http-session.ts";
import { submitRatings } from "../support/growth-fixture.ts";

const SHOTS = "/tmp/ascent-shots";
const BANDS = ["low", "medium", "high"] as const;
const BAND_WORDS = { low: "Low", medium: "Medium", high: "High" } as const;
type Band = (typeof BANDS)[number];
const boxName = (box: { performance: Band; potential: Band }) =>
  `${BAND_WORDS[box.performance]} performance, ${BAND_WORDS[box.potential].toLowerCase()} potential`;

/** Dana's ratings of her five PMs, so that the 9-box and the histogram are not one column. */
const MANAGER_SCORES: Partial<Record<StaffKey, number>> = { mia: 3, pia: 2, pete: 4, paz: 1, pol: 5 };

for (const driver of ["pglite", "postgres"] as const) {
  describeOnDriver(driver, "web: an admin calibrates a cycle's PMs", () => {
    let server: TestServer;
    let browser: Browser;
    let org: AssessmentOrg;
    let cycleId: string;
    let competencyName: string;
    const contexts: BrowserContext[] = [];
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      [server, browser] = await Promise.all([startTestServer({ databaseUrl }), launchBrowser()]);
      org = await buildAssessmentOrg(server);
      const competencies = await applicableCompetencies(org.as("admin"), "pm");
      const { document } = await org.as("admin")(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: "latest" },
      });
      competencyName = document.competencies.find((c) => c.id === competencies[0])!.name;
      const cycle = await org.as("admin")(endpoints.cycles.create, {
        body: {
          name: "Spring review",
          population: { teams: ["Product"] },
          phases: [
            { kind: "self", opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: inDays(14) },
            { kind: "manager", opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: inDays(21) },
          ],
        },
      });
      cycleId = cycle.id;
      // Written while the cycle's self and manager phases are open, so they are the cycle's ratings.
      for (const [key, score] of Object.entries(MANAGER_SCORES) as [StaffKey, number][]) {
        const scores = Object.fromEntries(competencies.map((id) => [id, score]));
        await submitRatings(org.sessions[key], org.people[key].id, "self", scores);
        await submitRatings(org.sessions.dana, org.people[key].id, "manager", scores);
      }
      await mkdir(SHOTS, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    async function pageAs(email: string, password: string, path: string): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const response = await context.request.post(`${server.url}/api/auth/login`, { data: { email, password } });
      expect(response.ok()).toBe(true);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}${path}`);
      return { page, errors };
    }

    it(
      "opens a session, moves a person by keyboard, adjusts a rating, closes it, and the log shows why",
      { timeout: 120_000 },
      async () => {
        const { page, errors } = await pageAs("admin@ascent.local", ADMIN_PASSWORD, `/cycles/${cycleId}`);

        // 1. The admin opens a session over the PMs from the cycle's page, with Vic facilitating.
        await page.getByRole("heading", { level: 2, name: "Calibration sessions" }).waitFor();
        await page.getByText("No calibration session in this cycle yet.").waitFor();
        const form = page.getByRole("region", { name: "New calibration session" });
        await form.getByRole("textbox", { name: "Name" }).fill("PM calibration");
        await form.getByRole("checkbox", { name: "Product Manager", exact: true }).check();
        const facilitator = form.getByRole("group", { name: "Facilitator" });
        await facilitator.getByRole("searchbox", { name: "Search" }).fill("Vic");
        await facilitator
          .getByRole("combobox", { name: "Facilitator" })
          .selectOption({ label: "Vic Vee — VP of Product" });
        await form.getByRole("checkbox", { name: /Show a guideline/ }).check();
        await form.getByRole("button", { name: "Open the session" }).click();
        await page.getByText("Opened PM calibration with 1 participant.").waitFor();
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-cycle-${driver}.png`, fullPage: true });

        // 2. The session page: everyone in scope, a histogram per level beside its table, and the 9-box.
        await page.getByRole("link", { name: "PM calibration" }).first().click();
        await page.getByRole("heading", { level: 1, name: "PM calibration" }).waitFor();
        const people = page.getByRole("table", { name: "People in the session’s scope" }).getByRole("row");
        await expect.poll(() => people.count()).toBe(6);
        await page.getByText("Product Manager · 5 people").waitFor();
        const histogram = page.getByRole("table", { name: /Performance bands per level, with the guideline/ });
        expect(await histogram.getByRole("row").nth(1).innerText()).toMatch(/^Product Manager\t/);
        await page.locator(".lazy-chart__canvas svg").first().waitFor();
        const sessionId = page.url().split("/calibration/")[1]!;
        const before = await org.as("admin")(endpoints.calibration.loadSession, { params: { id: sessionId } });
        const mia = before.people.find((p) => p.personId === org.people.mia.id)!;
        const cells = page.locator(".nine-box__cell");
        expect(await cells.count()).toBe(9);
        await page.getByRole("region", { name: new RegExp(`^${boxName(mia.box)}:`) }).getByRole("button", {
          name: "Mia Member",
        });
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-session-${driver}.png`, fullPage: true });

        // 3. Mia moves one box by keyboard; the move needs a reason, and the server's refusal is shown.
        const key = mia.box.performance === "high" ? "ArrowLeft" : "ArrowRight";
        const target = {
          ...mia.box,
          performance: BANDS[BANDS.indexOf(mia.box.performance) + (key === "ArrowRight" ? 1 : -1)]!,
        };
        await page.getByRole("button", { name: "Mia Member", exact: true }).focus();
        await page.keyboard.press(key);
        const moveDialog = page.getByRole("dialog", { name: "Move Mia Member" });
        expect(await moveDialog.getByRole("combobox", { name: "Move to" }).inputValue()).toBe(
          `${target.performance}:${target.potential}`,
        );
        await moveDialog.getByRole("button", { name: "Move" }).click();
        await moveDialog.getByRole("alert").filter({ hasText: "an adjustment needs a reason" }).waitFor();
        await moveDialog.getByRole("textbox", { name: "Reason" }).fill("Carried the pricing launch alone");
        await moveDialog.getByRole("button", { name: "Move" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Moved Mia Member to ${boxName(target)}.` })
          .waitFor();
        const moved = page
          .getByRole("region", { name: new RegExp(`^${boxName(target)}:`) })
          .getByRole("button", { name: "Mia Member (moved)" });
        await expect.poll(() => moved.evaluate((element) => element === document.activeElement)).toBe(true);

        // A drag asks the same way, with the box it was dropped on; cancelling moves nobody.
        const paz = before.people.find((p) => p.personId === org.people.paz.id)!;
        const dropBox = {
          performance: paz.box.performance === "high" ? "low" : "high",
          potential: paz.box.potential,
        } as const;
        await page
          .getByRole("button", { name: "Paz Peer", exact: true })
          .dragTo(page.getByRole("region", { name: new RegExp(`^${boxName(dropBox)}:`) }));
        const dragDialog = page.getByRole("dialog", { name: "Move Paz Peer" });
        expect(await dragDialog.getByRole("combobox", { name: "Move to" }).inputValue()).toBe(
          `${dropBox.performance}:${dropBox.potential}`,
        );
        await dragDialog.getByRole("button", { name: "Cancel" }).click();
        await dragDialog.waitFor({ state: "hidden" });

        // 4. One of Mia's ratings is adjusted, with a reason.
        await page.getByRole("button", { name: "Ratings of Mia Member" }).click();
        const ratings = page.getByRole("table", { name: "Ratings of Mia Member per competency" });
        await ratings.getByRole("button", { name: `Adjust ${competencyName}` }).click();
        const adjustDialog = page.getByRole("dialog", { name: `Adjust Mia Member: ${competencyName}` });
        await adjustDialog.getByRole("combobox", { name: "New rating" }).selectOption("4");
        await adjustDialog.getByRole("textbox", { name: "Reason" }).fill("Her roadmap work shows level 4");
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-adjust-${driver}.png` });
        await adjustDialog.getByRole("button", { name: "Adjust rating" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Mia Member’s ${competencyName} is now 4.` })
          .waitFor();
        const firstRating = ratings.getByRole("row").nth(1);
        await expect
          .poll(async () => (await firstRating.innerText()).split("\t").slice(1, 5))
          .toEqual(["3", "—", "4", "3"]);
        const log = page.getByRole("table", { name: "Adjustments in this session, newest first" });
        await expect.poll(() => log.getByRole("row").count()).toBe(3);
        expect(await log.getByRole("row").nth(1).innerText()).toContain("3 → 4\tHer roadmap work shows level 4");
        expect(await log.getByRole("row").nth(2).innerText()).toContain("Carried the pricing launch alone");

        // 5. Closing asks first, and then nothing can change.
        await page.getByRole("button", { name: "Close the session…" }).click();
        await page
          .getByRole("dialog", { name: "Close this session?" })
          .getByRole("button", { name: "Close the session" })
          .click();
        await page.getByText("Closed", { exact: true }).waitFor();
        await page.getByRole("status").filter({ hasText: "The session is closed." }).waitFor();
        expect(await page.getByRole("button", { name: /^Adjust / }).count()).toBe(0);
        expect(await page.locator(".nine-box button").count()).toBe(0);
        expect(await page.getByRole("button", { name: "Close the session…" }).count()).toBe(0);
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-closed-${driver}.png`, fullPage: true });

        // 6. The audit log shows the adjustment with its reason.
        await page.goto(`${server.url}/audit`);
        const adjusted = page.getByRole("row").filter({ hasText: "Adjusted a rating in calibration" });
        await adjusted.waitFor();
        expect(await adjusted.innerText()).toContain("3 → 4. Reason: Her roadmap work shows level 4");
        expect(await runAxe(page)).toEqual([]);
        // The only console error is the browser's note of the move refused without a reason.
        expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
      },
    );

    it(
      "lists the session for its participant and shows her every adjustment to her reports",
      { timeout: 60_000 },
      async () => {
        const { page, errors } = await pageAs("dana@assess.example.com", STAFF_PASSWORD, "/calibration");
        await page.getByRole("heading", { level: 1, name: "Calibration" }).waitFor();
        const sessions = page.getByRole("table", { name: "Calibration sessions" }).getByRole("row");
        await expect
          .poll(async () => (await sessions.nth(1).innerText()).split("\t").slice(0, 3))
          .toEqual(["PM calibration", "Closed", "Product Manager"]);
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-list-${driver}.png` });

        await page.getByRole("link", { name: "Adjustments to your reports’ ratings" }).click();
        await page.getByRole("heading", { level: 1, name: "Adjustments to your reports’ ratings" }).waitFor();
        const rows = page.getByRole("table", { name: /Calibration adjustments to your reports/ }).getByRole("row");
        await expect.poll(() => rows.count()).toBe(3);
        const newest = (await rows.nth(1).innerText()).split("\t");
        expect(newest.slice(1)).toEqual([
          "Mia Member",
          competencyName,
          "3 → 4",
          "Her roadmap work shows level 4",
          "Administrator",
        ]);
        expect(await runAxe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/calibration-my-reports-${driver}.png`, fullPage: true });
        expect(errors).toEqual([]);
      },
    );
  });
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
