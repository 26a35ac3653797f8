import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { createTestClock, type TestClock } from "../support/test-clock.ts";
import {
  buildAssessmentOrg,
  STAFF_PASSWORD,
  type AssessmentOrg,
  type StaffKey,
} from "../support/assessment-fixture.ts";

/**
 * A participant's part of a review cycle, in Chromium, from My tasks:
 *
 *   1. Mia nominates three peers and Oscar on the nominate page (the cycle's maximum of 4); nominating her
 *      manager Dana is refused, and the API's reason shows beside the search field;
 *   2. Dana approves the three peers from her tasks (one by keyboard) and swaps Oscar for Pol (swapping to
 *      Vic, above Mia, is refused); the task turns done once the minimum of 3 is approved and none wait;
 *   3. each approved peer finds "Give feedback" about Mia in their tasks, and Oscar is not asked;
 *   4. after the admin releases the cycle (over HTTP, setup only), Mia reads the link to her results and
 *      acknowledges with a comment, which My tasks then shows with "Done".
 *
 * The cycle is created over HTTP; the server's clock is a test clock moved forward to the release phase.
 */

const SHOTS = "/tmp/ascent-shots";
const DAY = 86_400_000;
const PEERS = ["pia", "pete", "paz", "pol"] as const;
const COMMENT = "Fair summary; I want more strategy work next cycle.";

for (const driver of ["pglite", "postgres"] as const) {
  describeOnDriver(driver, "web: nominating, approving and acknowledging in a review cycle", () => {
    let server: TestServer;
    let browser: Browser;
    let org: AssessmentOrg;
    let clock: TestClock;
    let cycleId: string;
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
      org = await buildAssessmentOrg(server);
      const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
      const cycle = await org.as("admin")(endpoints.cycles.create, {
        body: {
          name: "Spring round",
          population: { teams: ["Product"] },
          phases: [
            { kind: "self", opensAt: at(-1), dueAt: at(7) },
            { kind: "nomination", opensAt: at(-1), dueAt: at(7) },
            { kind: "manager", opensAt: at(-1), dueAt: at(7) },
            { kind: "release", opensAt: at(8), dueAt: at(14) },
          ],
          nominationsMin: 3,
          nominationsMax: 4,
        },
      });
      cycleId = cycle.id;
      await mkdir(SHOTS, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    async function pageAs(who: StaffKey, path: string): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const credentials = { email: `${who}@assess.example.com`, password: STAFF_PASSWORD };
      const response = await context.request.post(`${server.url}/api/auth/login`, { data: credentials });
      expect(response.ok()).toBe(true);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}${path}`);
      return { page, errors };
    }

    const tasksTable = (page: Page) => page.getByRole("table", { name: "Your tasks in review cycles" });
    const focusedLabel = (page: Page) =>
      page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);

    it("Mia nominates, Dana approves, the peers are asked, and Mia acknowledges", { timeout: 150_000 }, async () => {
      const { people } = org;

      // 1. Mia opens the nominate task from My tasks.
      const mia = await pageAs("mia", "/tasks");
      await tasksTable(mia.page).getByRole("link", { name: "Nominate peers and reports to give feedback" }).click();
      await mia.page.getByRole("heading", { level: 1, name: "Nominate raters" }).waitFor();
      await mia.page.getByText("0 of at most 4 proposed").waitFor();
      await mia.page.getByText(/at least 3 needed/).waitFor();

      // Her manager as a peer: the API refuses, and its reason is shown beside the search and tied to it.
      const search = mia.page.getByRole("searchbox", { name: "Find a peer" });
      await search.fill("Dana");
      await mia.page.getByRole("button", { name: "Nominate Dana Director" }).click();
      const refusal = mia.page.getByRole("alert");
      await expect.poll(() => refusal.innerText()).toContain("Dana Director is Mia Member's manager");
      expect(await search.getAttribute("aria-invalid")).toBe("true");
      expect(await search.getAttribute("aria-describedby")).toContain(await refusal.getAttribute("id"));
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/participation-1-refused-${driver}.png`, fullPage: true });

      // The first peer by keyboard only: type in the search, Tab to the result's button, Enter.
      await search.fill("");
      await search.focus();
      await mia.page.keyboard.type("Pia");
      await mia.page.getByRole("button", { name: "Nominate Pia Peer" }).waitFor();
      await mia.page.keyboard.press("Tab");
      expect(await focusedLabel(mia.page)).toBe("Nominate Pia Peer");
      await mia.page.keyboard.press("Enter");
      await mia.page.getByRole("status").filter({ hasText: "Nominated Pia Peer as a peer." }).waitFor();
      for (const name of ["Pete Peer", "Paz Peer", "Oscar Outsider"]) {
        await search.fill(name.split(" ")[0]!);
        await mia.page.getByRole("button", { name: `Nominate ${name}` }).click();
        await mia.page
          .getByRole("status")
          .filter({ hasText: `Nominated ${name} as a peer.` })
          .waitFor();
      }
      const own = mia.page.getByRole("table", { name: "Your nominations and their status" }).getByRole("row");
      await expect.poll(() => own.count()).toBe(5);
      expect((await own.allInnerTexts()).slice(1).sort()).toEqual([
        "Oscar Outsider\tPeer\tProposed",
        "Paz Peer\tPeer\tProposed",
        "Pete Peer\tPeer\tProposed",
        "Pia Peer\tPeer\tProposed",
      ]);
      // At the maximum, the form gives way to a note.
      await mia.page.getByText("4 of at most 4 proposed").waitFor();
      await mia.page.getByText("You have proposed the cycle’s maximum of 4.", { exact: false }).waitFor();
      expect(await search.count()).toBe(0);
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/participation-2-nominated-${driver}.png`, fullPage: true });

      // 2. Dana opens "Approve nominations" about Mia from her tasks.
      const dana = await pageAs("dana", "/tasks");
      const approveRow = tasksTable(dana.page).getByRole("row", { name: /Approve nominations\s+Mia Member/ });
      expect((await approveRow.innerText()).split("\t").at(-1)).toBe("In progress");
      await approveRow.getByRole("link", { name: "Approve nominations" }).click();
      await dana.page.getByRole("heading", { level: 1, name: "Approve nominations" }).waitFor();
      const miaSection = dana.page.getByRole("region", { name: "Mia Member" });
      await miaSection.getByText("0 approved of at least 3").waitFor();
      expect(await runAxe(dana.page)).toEqual([]);
      await dana.page.screenshot({ path: `${SHOTS}/participation-3-approve-${driver}.png`, fullPage: true });
      // One by keyboard: focus the button and press Enter.
      await miaSection.getByRole("button", { name: "Approve Pia Peer" }).focus();
      await dana.page.keyboard.press("Enter");
      await miaSection.getByRole("status").filter({ hasText: "Approved Pia Peer." }).waitFor();
      for (const name of ["Pete Peer", "Paz Peer"]) {
        await miaSection.getByRole("button", { name: `Approve ${name}` }).click();
        await miaSection
          .getByRole("status")
          .filter({ hasText: `Approved ${name}.` })
          .waitFor();
      }
      // Three approved but Oscar still waits: not done yet.
      await miaSection.getByText("3 approved of at least 3 · 1 waiting for you").waitFor();
      expect(await miaSection.getByText("To do", { exact: true }).count()).toBe(1);

      // Dana swaps Oscar: the search takes focus; Vic (above Mia) is refused beside the field, Pol is approved.
      await miaSection.getByRole("button", { name: "Swap Oscar Outsider for someone else" }).click();
      const swapSearch = miaSection.getByRole("searchbox", { name: "Approve someone else in place of Oscar Outsider" });
      await expect.poll(() => swapSearch.evaluate((el) => el === document.activeElement)).toBe(true);
      await dana.page.keyboard.type("Vic");
      await miaSection.getByRole("button", { name: "Approve Vic Vee in place of Oscar Outsider" }).click();
      await expect
        .poll(() => miaSection.getByRole("alert").innerText())
        .toContain("Vic Vee is above Mia Member in the reporting line");
      expect(await swapSearch.getAttribute("aria-invalid")).toBe("true");
      await dana.page.screenshot({ path: `${SHOTS}/participation-4-swap-refused-${driver}.png`, fullPage: true });
      await swapSearch.fill("Pol");
      await miaSection.getByRole("button", { name: "Approve Pol Peer in place of Oscar Outsider" }).click();
      await miaSection
        .getByRole("status")
        .filter({ hasText: "Approved Pol Peer in place of Oscar Outsider." })
        .waitFor();
      await miaSection.getByText("4 approved of at least 3 · 0 waiting for you").waitFor();
      await miaSection.getByText("Done", { exact: true }).waitFor();
      expect(await miaSection.getByRole("button", { name: /^Approve / }).count()).toBe(0);
      expect(await runAxe(dana.page)).toEqual([]);
      await dana.page.screenshot({ path: `${SHOTS}/participation-5-approved-${driver}.png`, fullPage: true });
      await dana.page.getByRole("link", { name: "My tasks" }).first().click();
      await expect.poll(async () => (await approveRow.innerText()).split("\t").at(-1)).toBe("Done");

      // Mia sees each nomination approved.
      await mia.page.reload();
      await expect
        .poll(async () => (await own.allInnerTexts()).slice(1).map((row) => row.split("\t").at(-1)))
        .toEqual(["Approved", "Approved", "Approved", "Approved"]);
      expect((await own.allInnerTexts()).some((row) => row.includes("Oscar"))).toBe(false);

      // 3. Each peer is asked: "Give feedback" about Mia is in their tasks, with a link.
      for (const key of PEERS) {
        const peer = await pageAs(key, "/tasks");
        await tasksTable(peer.page)
          .getByRole("row", { name: /Give feedback\s+Mia Member/ })
          .getByRole("link", { name: "Give feedback" })
          .waitFor();
        if (key === "pia") {
          await peer.page.screenshot({ path: `${SHOTS}/participation-6-peer-tasks-${driver}.png`, fullPage: true });
        }
        expect(peer.errors).toEqual([]);
      }
      const oscarTasks = await org.as("oscar")(endpoints.cycles.myTasks);
      expect(oscarTasks.tasks.filter((t) => t.kind === "answer-request")).toEqual([]);

      // 4. Release opens on day 8; the admin releases over HTTP (the cycle's admin page is not this test's).
      clock.advance(8 * DAY);
      expect((await org.as("admin")(endpoints.cycles.release, { params: { cycleId } })).status).toBe("released");
      await mia.page.goto(`${server.url}/tasks`);
      const acknowledgeRow = tasksTable(mia.page).getByRole("row", { name: /Acknowledge your results/ });
      expect((await acknowledgeRow.innerText()).split("\t").at(-1)).toBe("Not started");
      await acknowledgeRow.getByRole("link", { name: "Acknowledge your results" }).click();
      await mia.page.getByRole("heading", { level: 1, name: "Acknowledge your results" }).waitFor();
      // The results come first: links to side by side and My growth.
      const results = mia.page.getByRole("region", { name: "Read your results first" });
      expect(await results.getByRole("link", { name: "Side by side" }).getAttribute("href")).toBe(
        "/growth/side-by-side",
      );
      expect(await results.getByRole("link", { name: "My growth" }).getAttribute("href")).toBe("/growth");
      await mia.page.getByRole("textbox", { name: /Comment/ }).fill(COMMENT);
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/participation-7-acknowledge-${driver}.png`, fullPage: true });
      await mia.page.getByRole("button", { name: "Acknowledge my results" }).press("Enter");
      await mia.page.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
      await expect.poll(async () => (await acknowledgeRow.innerText()).split("\t").at(-1)).toBe("Done");
      await acknowledgeRow.getByText(`Your comment: “${COMMENT}”`).waitFor();
      expect(await acknowledgeRow.getByRole("link").count()).toBe(0);
      expect(await runAxe(mia.page)).toEqual([]);
      await mia.page.screenshot({ path: `${SHOTS}/participation-8-done-${driver}.png`, fullPage: true });

      // Dana, her manager, reads the acknowledgement and its comment.
      const { people: acknowledged } = await org.as("dana")(endpoints.cycles.acknowledgements, { params: { cycleId } });
      expect(acknowledged.find((a) => a.person.id === people.mia.id)?.comment).toBe(COMMENT);
      // The browsers log the refused nomination's and the refused swap's 400, and nothing else.
      expect(mia.errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
      expect(dana.errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    });
  });
}
