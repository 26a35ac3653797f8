import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { createTestClock, type TestClock } from "../support/test-clock.ts";
import {
  applicableCompetencies,
  buildAssessmentOrg,
  STAFF_PASSWORD,
  type AssessmentOrg,
  type StaffKey,
} from "../support/assessment-fixture.ts";
import { ADMIN_PASSWORD } from "../support/http-session.ts";
import { dayFromToday, submitRatings } from "../support/growth-fixture.ts";

/**
 * Issue 15's "done when": one review round, in order, through the web app in Chromium.
 *
 *   1. the admin creates a cycle for the Product team on /cycles;
 *   2. Mia self-assesses in the wizard, nominates three peers, Dana approves, the peers answer;
 *   3. Dana rates Mia on the manager assessment page;
 *   4. a calibration session shows the histogram and the 9-box, and one rating is adjusted with a reason;
 *   5. the admin releases the cycle on its page, after confirming;
 *   6. Mia sees the peer aggregate (never one answer) and acknowledges her results;
 *   7. the audit log shows the adjustment.
 *
 * Some steps go through the HTTP API and say so where they happen: people and accounts (setup), proposing and
 * approving nominations and acknowledging (their pages are driven in cycle-participation.test.ts).
 * The server's clock is a test clock, moved forward into the calibration and release phases.
 */

const SHOTS = "/tmp/ascent-shots";
const DAY = 86_400_000;
const PEERS = ["pia", "pete", "paz"] as const;
/** The peers' scores of Mia's first competency: one aggregate of 3, from three raters (k = 3). */
const PEER_SCORES = { pia: "4 Advanced", pete: "3 Proficient", paz: "2 Developing" } as const;
/** The other PMs' self and manager scores (set over HTTP), so the histogram and the 9-box are not one column. */
const OTHER_SCORES: Partial<Record<StaffKey, number>> = { pol: 5, pete: 2 };

for (const driver of ["pglite", "postgres"] as const) {
  describeOnDriver(driver, "web: one review round from cycle to acknowledgement", () => {
    let server: TestServer;
    let browser: Browser;
    let org: AssessmentOrg;
    let clock: TestClock;
    let competencyName: string;
    let competencyIds: string[];
    const contexts: BrowserContext[] = [];
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      clock = createTestClock();
      [server, browser] = await Promise.all([startTestServer({ databaseUrl, now: clock.now }), launchBrowser()]);
      // Setup over HTTP (no page creates accounts in bulk): the admin adds the Product team and invites each.
      org = await buildAssessmentOrg(server);
      competencyIds = await applicableCompetencies(org.as("admin"), "pm");
      const { document } = await org.as("admin")(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: "latest" },
      });
      competencyName = document.competencies.find((c) => c.id === competencyIds[0])!.name;
      await mkdir(SHOTS, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    /** A signed-in browser page at `path`, with its console errors collected. */
    async function pageAs(who: StaffKey | "admin", path: string): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const credentials =
        who === "admin"
          ? { email: "admin@ascent.local", password: ADMIN_PASSWORD }
          : { email: `${who}@assess.example.com`, password: STAFF_PASSWORD };
      const response = await context.request.post(`${server.url}/api/auth/login`, { data: credentials });
      expect(response.ok()).toBe(true);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}${path}`);
      return { page, errors };
    }

    const saved = (page: Page) =>
      page
        .getByRole("status")
        .filter({ hasText: /^Saved$/ })
        .waitFor();

    /** Rates the first competencies of an open wizard, one step each, and goes to its review step. */
    async function rateFirst(page: Page, scores: string[]): Promise<void> {
      await page.getByText("Competency 1 of", { exact: false }).waitFor();
      for (const score of scores) {
        await page.getByRole("radio", { name: score }).check();
        await saved(page);
        await page.getByRole("button", { name: "Next" }).click();
      }
      await page
        .getByRole("navigation", { name: "Assessment steps" })
        .getByRole("button", { name: "Review and submit" })
        .click();
    }

    it("runs the round in order, axe-clean on every main page", { timeout: 170_000 }, async () => {
      const { people } = org;

      // 1. The admin creates the cycle on /cycles: the Product team, every phase open from today except
      //    calibration (day 8) and release (day 11), and the preview shows who is in.
      const admin = await pageAs("admin", "/cycles");
      await admin.page.getByRole("heading", { level: 1, name: "Review cycles" }).waitFor();
      await admin.page.getByRole("textbox", { name: "Name" }).fill("Autumn round");
      await admin.page.getByRole("textbox", { name: /^Teams/ }).fill("Product");
      const schedule = {
        "Self-assessment": [0, 7],
        "Peer and upward nominations": [0, 7],
        "Manager assessment": [0, 7],
        Calibration: [8, 10],
        Release: [11, 14],
      } as const;
      for (const [phase, [opens, due]] of Object.entries(schedule)) {
        await admin.page.getByLabel(`${phase} opens`).fill(dayFromToday(opens));
        await admin.page.getByLabel(`${phase} due`).fill(dayFromToday(due));
      }
      await admin.page.getByRole("button", { name: "Preview who is in" }).click();
      const preview = admin.page.getByText(/^8 people in this cycle: /);
      await preview.waitFor();
      for (const key of ["mia", "dana", "pia", "oscar"] as const) {
        expect(await preview.innerText()).toContain(people[key].name);
      }
      await admin.page.getByRole("button", { name: "Create cycle" }).click();
      await admin.page.getByText("Created “Autumn round”.").waitFor();
      expect(await runAxe(admin.page)).toEqual([]);
      await admin.page.screenshot({ path: `${SHOTS}/round-1-cycle-${driver}.png`, fullPage: true });
      await admin.page.getByRole("link", { name: "Autumn round" }).click();
      await admin.page.getByRole("heading", { level: 1, name: "Autumn round" }).waitFor();
      const cycleId = admin.page.url().split("/cycles/")[1]!;
      const progress = admin.page.getByRole("table", { name: "Each person's progress per phase" }).getByRole("row");
      await expect.poll(() => progress.count()).toBe(9);

      // 2a. Mia finds her self-assessment in My tasks and does it in the wizard.
      const mia = await pageAs("mia", "/tasks");
      await mia.page.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
      const miaTasks = mia.page.getByRole("table", { name: "Your tasks in review cycles" });
      await miaTasks.getByRole("row", { name: /Nominate peers and reports to give feedback/ }).waitFor();
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/round-2-tasks-${driver}.png`, fullPage: true });
      await miaTasks.getByRole("link", { name: "Assess yourself" }).click();
      await mia.page.getByRole("heading", { level: 1, name: "Self-assessment" }).waitFor();
      await rateFirst(mia.page, ["3 Proficient", "3 Proficient"]);
      await mia.page.getByRole("button", { name: "Submit self-assessment" }).click();
      await mia.page
        .getByRole("dialog", { name: "Submit your self-assessment?" })
        .getByRole("button", { name: "Submit self-assessment" })
        .click();
      await mia.page.getByRole("heading", { name: /your self-assessment is submitted/ }).waitFor();

      // The other PMs' self and manager ratings, over HTTP: they only spread the calibration's histogram.
      for (const [key, score] of Object.entries(OTHER_SCORES) as [StaffKey, number][]) {
        const scores = Object.fromEntries(competencyIds.map((id) => [id, score]));
        await submitRatings(org.sessions[key], people[key].id, "self", scores);
        await submitRatings(org.sessions.dana, people[key].id, "manager", scores);
      }

      // 2b. Nominations (their pages are cycle-participation.test.ts's): Mia proposes and Dana approves over
      //     HTTP, after My tasks shows Dana the task with a link to the approval page.
      for (const key of PEERS) {
        await org.as("mia")(endpoints.cycles.propose, {
          params: { cycleId },
          body: { nomineeId: people[key].id, relation: "peer" },
        });
      }
      const dana = await pageAs("dana", "/tasks");
      const danaTasks = dana.page.getByRole("table", { name: "Your tasks in review cycles" });
      await danaTasks.getByRole("row", { name: /Approve nominations\s+Mia Member/ }).waitFor();
      expect(await danaTasks.getByRole("link", { name: "Approve nominations" }).getAttribute("href")).toBe(
        `/tasks/${cycleId}/approve#report-${people.mia.id}`,
      );
      const { nominations } = await org.as("dana")(endpoints.cycles.listNominations, { params: { cycleId } });
      const proposed = nominations.filter((n) => n.subject.id === people.mia.id && n.status === "proposed");
      expect(proposed.map((n) => n.nominee.name).sort()).toEqual(["Paz Peer", "Pete Peer", "Pia Peer"]);
      for (const nomination of proposed) {
        await org.as("dana")(endpoints.cycles.decide, {
          params: { nominationId: nomination.id },
          body: { decision: "approve" },
        });
      }

      // 2c. Each peer opens "Give feedback" from My tasks and answers in the browser.
      for (const key of PEERS) {
        const peer = await pageAs(key, "/tasks");
        await peer.page
          .getByRole("table", { name: "Your tasks in review cycles" })
          .getByRole("row", { name: /Give feedback\s+Mia Member/ })
          .getByRole("link", { name: "Give feedback" })
          .click();
        await peer.page.getByRole("heading", { level: 1, name: "Feedback for Mia Member" }).waitFor();
        if (key === "pia") expect(await runAxe(peer.page)).toEqual([]);
        await rateFirst(peer.page, [PEER_SCORES[key]]);
        await peer.page.getByRole("button", { name: "Submit feedback" }).click();
        await peer.page.getByRole("dialog").getByRole("button", { name: "Submit feedback" }).click();
        await peer.page.getByRole("heading", { name: "Thank you: your feedback is in" }).waitFor();
        expect(peer.errors).toEqual([]);
      }

      // 3. Dana assesses Mia from her tasks, on the manager assessment page.
      await dana.page.reload();
      await danaTasks
        .getByRole("row", { name: /Assess as their manager\s+Mia Member/ })
        .getByRole("link", { name: "Assess as their manager" })
        .click();
      await dana.page.getByRole("heading", { level: 1, name: "Assess Mia Member" }).waitFor();
      await rateFirst(dana.page, ["3 Proficient", "3 Proficient"]);
      expect(await runAxe(dana.page)).toEqual([]);
      await dana.page.getByRole("button", { name: "Submit assessment" }).click();
      await dana.page.getByRole("dialog").getByRole("button", { name: "Submit assessment" }).click();
      await dana.page.getByRole("heading", { name: "Thank you: your assessment of Mia is submitted" }).waitFor();
      await admin.page.reload();
      const miaProgress = progress.filter({ hasText: "Mia Member" });
      await expect
        .poll(async () => (await miaProgress.innerText()).split("\t").slice(3))
        .toEqual(["Done", "Done", "Done"]);
      expect(await runAxe(admin.page)).toEqual([]);
      await admin.page.screenshot({ path: `${SHOTS}/round-3-progress-${driver}.png`, fullPage: true });

      // 4. Calibration opens on day 8. The admin opens a session over the PMs, facilitated by Vic.
      clock.advance(8 * DAY);
      const form = admin.page.getByRole("region", { name: "New calibration session" });
      await form.getByRole("textbox", { name: "Name" }).fill("PM calibration");
      await form.getByRole("checkbox", { name: "Product Manager", exact: true }).check();
      const facilitator = form.getByRole("group", { name: "Facilitator" });
      await facilitator.getByRole("searchbox", { name: "Search" }).fill("Vic");
      await facilitator
        .getByRole("combobox", { name: "Facilitator" })
        .selectOption({ label: "Vic Vee — VP of Product" });
      await form.getByRole("button", { name: "Open the session" }).click();
      await admin.page.getByText("Opened PM calibration with 1 participant.").waitFor();
      await admin.page.getByRole("link", { name: "PM calibration" }).first().click();
      await admin.page.getByRole("heading", { level: 1, name: "PM calibration" }).waitFor();
      await admin.page.getByText("Product Manager · 5 people").waitFor();
      const histogram = admin.page.getByRole("table", { name: /Performance bands per level/ });
      expect(await histogram.getByRole("row").nth(1).innerText()).toMatch(/^Product Manager\t/);
      await admin.page.locator(".lazy-chart__canvas svg").first().waitFor();
      expect(await admin.page.locator(".nine-box__cell").count()).toBe(9);
      await admin.page
        .getByRole("region", { name: /performance, .* potential:/ })
        .getByRole("button", { name: "Mia Member", exact: true })
        .waitFor();
      expect(await runAxe(admin.page)).toEqual([]);
      await admin.page.screenshot({ path: `${SHOTS}/round-4-calibration-${driver}.png`, fullPage: true });

      // One of Mia's manager ratings goes from 3 to 4, with a reason; peers' answers are still sealed.
      await admin.page.getByRole("button", { name: "Ratings of Mia Member" }).click();
      const ratings = admin.page.getByRole("table", { name: "Ratings of Mia Member per competency" });
      await ratings.getByRole("button", { name: `Adjust ${competencyName}` }).click();
      const adjust = admin.page.getByRole("dialog", { name: `Adjust Mia Member: ${competencyName}` });
      await adjust.getByRole("combobox", { name: "New rating" }).selectOption("4");
      await adjust.getByRole("textbox", { name: "Reason" }).fill("Led the pricing launch across two teams");
      await adjust.getByRole("button", { name: "Adjust rating" }).click();
      await admin.page
        .getByRole("status")
        .filter({ hasText: `Mia Member’s ${competencyName} is now 4.` })
        .waitFor();
      const firstRating = ratings.getByRole("row").nth(1);
      // Manager, calibrated, self and peers (the corrected column depends on the rater-effects fit): the
      // peers' answers stay sealed until release.
      await expect
        .poll(async () => {
          const cells = (await firstRating.innerText()).split("\t");
          return [1, 3, 4, 5].map((i) => cells[i]);
        })
        .toEqual(["3", "4", "3", "—"]);
      await admin.page.getByRole("button", { name: "Close the session…" }).click();
      await admin.page
        .getByRole("dialog", { name: "Close this session?" })
        .getByRole("button", { name: "Close the session" })
        .click();
      await admin.page.getByRole("status").filter({ hasText: "The session is closed." }).waitFor();

      // 5. Release opens on day 11: the admin releases on the cycle page, after a confirmation that says
      //    what release does; the page then reads "released".
      clock.advance(3 * DAY);
      await admin.page.goto(`${server.url}/cycles/${cycleId}`);
      await admin.page.getByRole("button", { name: "Release results…" }).click();
      await admin.page
        .getByRole("dialog", { name: "Release the results of “Autumn round”?" })
        .getByRole("button", { name: "Release results" })
        .click();
      await admin.page.getByText(/^released · /).waitFor();
      expect(await admin.page.getByRole("button", { name: "Release results…" }).isDisabled()).toBe(true);

      // 6. Mia: My tasks asks her to acknowledge; side by side shows the peers as one average of three.
      await mia.page.goto(`${server.url}/tasks`);
      const acknowledgeRow = miaTasks.getByRole("row", { name: /Acknowledge your results/ });
      await expect.poll(async () => (await acknowledgeRow.innerText()).split("\t").at(-1)).toBe("Not started");
      await mia.page.goto(`${server.url}/growth/side-by-side`);
      await mia.page.getByRole("heading", { level: 1, name: "Side by side" }).waitFor();
      const sideBySide = mia.page.getByRole("region", { name: "Ratings side by side" }).getByRole("table");
      const miaRow = sideBySide
        .getByRole("row")
        .filter({ has: mia.page.getByRole("rowheader", { name: competencyName }) });
      await expect.poll(() => miaRow.innerText()).toContain("3 raters");
      const shown = await mia.page.locator("main").innerText();
      for (const key of PEERS) expect(shown).not.toContain(people[key].name);
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/round-6-results-${driver}.png`, fullPage: true });
      // Over HTTP too: the released view is one aggregate per group, with no rater in it.
      const view = await org.as("mia")(endpoints.readiness.sideBySide, { params: { id: people.mia.id } });
      const adjusted = view.competencies.find((c) => c.competencyId === competencyIds[0])!;
      expect(adjusted.peer).toMatchObject({ count: 3, mean: 3 });
      // The release publishes the closed session: the calibrated 4 counts, not the manager's own 3.
      expect(adjusted.manager).toMatchObject({ count: 1, mean: 4 });
      await expect.poll(() => miaRow.innerText()).toMatch(/\b4\b/);
      const raw = JSON.stringify(view);
      for (const key of PEERS) expect(raw).not.toContain(people[key].id);

      // Mia acknowledges over HTTP (the form is cycle-participation.test.ts's), and My tasks shows it done.
      await org.as("mia")(endpoints.cycles.acknowledge, {
        params: { cycleId },
        body: { comment: "Agreed; pricing was a team effort." },
      });
      await mia.page.goto(`${server.url}/tasks`);
      await expect.poll(async () => (await acknowledgeRow.innerText()).split("\t").at(-1)).toBe("Done");
      const { people: acknowledged } = await org.as("dana")(endpoints.cycles.acknowledgements, { params: { cycleId } });
      expect(acknowledged.find((a) => a.person.id === people.mia.id)?.comment).toBe(
        "Agreed; pricing was a team effort.",
      );
      // Dana sees who acknowledged only over HTTP (no page lists acknowledgements yet), and the adjustment to
      // her report's rating, with its reason, on her calibration page.
      await dana.page.goto(`${server.url}/calibration/my-reports`);
      const toReports = dana.page
        .getByRole("table", { name: /Calibration adjustments to your reports/ })
        .getByRole("row");
      await expect.poll(() => toReports.count()).toBe(2);
      expect((await toReports.nth(1).innerText()).split("\t").slice(1)).toEqual([
        "Mia Member",
        competencyName,
        "3 → 4",
        "Led the pricing launch across two teams",
        "Administrator",
      ]);
      expect(await runAxe(dana.page)).toEqual([]);

      // 7. The audit log shows the adjustment with its reason.
      await admin.page.goto(`${server.url}/audit`);
      const auditRow = admin.page.getByRole("row").filter({ hasText: "Adjusted a rating in calibration" });
      await auditRow.waitFor();
      expect(await auditRow.innerText()).toContain("3 → 4. Reason: Led the pricing launch across two teams");
      expect(await runAxe(admin.page)).toEqual([]);
      await admin.page.screenshot({ path: `${SHOTS}/round-7-audit-${driver}.png`, fullPage: true });

      for (const errors of [admin.errors, mia.errors, dana.errors]) expect(errors).toEqual([]);
    });
  });
}
