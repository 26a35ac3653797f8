import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints, type TPerson } from "@ascent/contract";
import { launchBrowser, runAxe } from "../support/browser.ts";
import { submitRatings } from "../support/growth-fixture.ts";
import { ADMIN_PASSWORD, HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * The growth pages in Chromium (issue 6): a PM edits a career plan and sets a goal, a Director runs
 * a 1:1 with them (shared and private notes, the health check), the PM sees the shared notes but not
 * the Director's private ones, and the Director reads the advancement advisor.
 */

const SHOTS = "/tmp/ascent-shots";
const PASSWORD = "growth-web-password";
const SHARED_NOTE = "Agreed to draft the Q3 roadmap together.";
const PRIVATE_NOTE = "Pat seems stretched; ask about workload next time.";

/** A calendar day this many days from today in the browser's time zone (the test's own), yyyy-mm-dd. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Each test drives several pages in a browser; on a busy machine that takes longer than the default.
describe("web: career plan, goals, 1:1s, mentors, advisor and insights", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let adminApi: HttpSession;
  let director: TPerson;
  let pm: TPerson;
  let adminContext: BrowserContext;
  let directorContext: BrowserContext;
  let pmContext: BrowserContext;
  let oneOnOneId = "";

  /** A browser context signed in through a one-time link, as a new person would be. */
  async function contextFor(person: TPerson): Promise<BrowserContext> {
    const link = await adminApi.client.call(endpoints.auth.createLink, {
      params: { id: person.id },
      body: { purpose: "invite" },
    });
    const token = link.path.split("/welcome/")[1];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const response = await context.request.post(`${server.url}/api/auth/links/${token}`, {
      data: { password: PASSWORD },
    });
    expect(response.ok(), await response.text()).toBe(true);
    return context;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    adminApi = await signInAsFirstAdmin(server);
    director = await adminApi.client.call(endpoints.people.create, {
      body: {
        name: "Dana Director",
        email: "dana@growth-web.example.com",
        title: "Director of Product",
        levelId: "director",
        managerId: null,
        team: "Payments",
      },
    });
    pm = await adminApi.client.call(endpoints.people.create, {
      body: {
        name: "Pat Member",
        email: "pat@growth-web.example.com",
        title: "Product Manager",
        levelId: "pm",
        managerId: director.id,
        team: "Payments",
      },
    });
    await adminApi.client.call(endpoints.advisor.setOrgProfile, {
      body: { stage: "medium", pmCount: 12, productReportsTo: "Engineering", businessModel: "B2B" },
    });
    [directorContext, pmContext] = [await contextFor(director), await contextFor(pm)];
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const adminLogin = await adminContext.request.post(`${server.url}/api/auth/login`, {
      data: { email: "admin@ascent.local", password: ADMIN_PASSWORD },
    });
    expect(adminLogin.ok()).toBe(true);

    // Pat and Dana agree that customer focus is a strength and data analysis a gap: readiness then has
    // suggestions for the plan, and a gap to make a goal from.
    const [patApi, danaApi] = await Promise.all([
      new HttpSession(server.url).login(pm.email, PASSWORD),
      new HttpSession(server.url).login(director.email, PASSWORD),
    ]);
    const scores = { "customer-focus": 5, "data-analysis": 1 };
    await submitRatings(patApi, pm.id, "self", scores);
    await submitRatings(danaApi, pm.id, "manager", scores);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A failed request the test causes on purpose; Chromium logs each one as a console error. */
  interface ExpectedFailure {
    path: string;
    status: number;
  }

  /** Console errors and uncaught exceptions, less the failures a test expects. */
  function collectErrors(page: Page, expected: ExpectedFailure[] = []): string[] {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const { url } = message.location();
      const isExpected = expected.some(
        (failure) => url.endsWith(failure.path) && message.text().includes(`status of ${failure.status}`),
      );
      if (!isExpected) errors.push(`${message.text()} (${url})`);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    return errors;
  }

  async function open(context: BrowserContext, path: string, heading: string, expected: ExpectedFailure[] = []) {
    const page = await context.newPage();
    const errors = collectErrors(page, expected);
    await page.goto(`${server.url}${path}`);
    try {
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    } catch (error) {
      // Say what the page showed instead, so a failure here can be diagnosed from the log alone.
      const shown = await page.locator("body").innerText();
      throw new Error(
        `${path} never showed "${heading}"; it showed: ${shown.slice(0, 500)}; errors: ${errors.join(" | ")}`,
        {
          cause: error,
        },
      );
    }
    return { page, errors };
  }

  async function expectAxeClean(page: Page) {
    expect(await runAxe(page)).toEqual([]);
  }

  // One story: the plan's suggestions make the first goal that the goals page then starts from.
  it(
    "lets a PM edit the plan, then make goals from its suggestions and a readiness gap",
    { timeout: 240_000 },
    async () => {
      // 1. lets a PM edit the plan: field errors by path, a past-date warning, and a round trip through reload
      {
        // The save with a horizon of 0 months is refused on purpose.
        const { page, errors } = await open(pmContext, "/plan", "Career plan", [
          { path: `/api/people/${pm.id}/plan`, status: 400 },
        ]);
        expect(await page.title()).toBe("Career plan · Ascent");
        await page.getByText("You have not saved a plan yet").waitFor();

        await page.getByLabel("Target level").selectOption({ label: "Director of Product" });
        await page.getByLabel("Horizon in months").fill("0");
        await page.getByLabel("Scope of influence").fill("A team of PMs and the strategy of an area");
        const industries = page.getByRole("textbox", { name: "Preferred industries" });
        await industries.fill("Fintech");
        await industries.press("Enter");
        const suggestions = page.getByRole("group", { name: /Suggestions from your readiness/ });
        await suggestions.getByRole("button", { name: "Add to strengths: Customer focus" }).click();
        await page.getByRole("textbox", { name: "Strengths", exact: true }).fill("Writing");
        await page.getByRole("button", { name: "Add to strengths", exact: true }).click();
        await page.getByRole("button", { name: "Add a learning item" }).click();
        await page.getByLabel("What", { exact: true }).fill("Strategy course");
        await page.getByLabel("Link a competency").selectOption({ label: "Strategic thinking" });
        await page.getByRole("button", { name: "Add a step" }).click();
        await page.getByLabel("Action", { exact: true }).fill("Book the pricing offsite");
        await page.getByLabel("Due").fill(dayFromToday(-1));
        await page.getByRole("button", { name: "Add a title from another company" }).click();
        await page.getByLabel("Company").fill("Acme");
        await page.getByLabel("Title there").fill("Group Product Manager");
        await page.locator(".ladder-placement").filter({ hasText: "Senior Product Manager" }).waitFor();

        // A horizon of 0 months is refused by the API; the message sits by the field, which takes focus.
        await page.getByRole("button", { name: "Save plan" }).click();
        const horizon = page.getByLabel("Horizon in months");
        await expect.poll(() => horizon.getAttribute("aria-invalid")).toBe("true");
        const describedBy = (await horizon.getAttribute("aria-describedby")) ?? "";
        const message = await page.locator(`[id="${describedBy.split(" ").at(-1)}"]`).innerText();
        expect(message.length).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("number");
        await page.getByRole("alert").filter({ hasText: "The plan was not saved" }).waitFor();
        await expectAxeClean(page);

        await horizon.fill("24");
        await page.getByRole("button", { name: "Save plan" }).click();
        await page.getByRole("status").filter({ hasText: "Saved, with a warning" }).waitFor();
        // The past due date is saved, and the warning is shown beside the field rather than as an error.
        expect(await page.locator(".field-warning").innerText()).toContain(dayFromToday(-1));
        expect(await page.getByLabel("Due").getAttribute("aria-invalid")).toBeNull();
        await page.screenshot({ path: `${SHOTS}/growth-plan.png`, fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: `${SHOTS}/growth-plan-phone.png`, fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });

        await page.reload();
        await page.getByRole("heading", { level: 1, name: "Career plan" }).waitFor();
        await page.getByRole("list", { name: "Preferred industries" }).waitFor();
        expect(await page.getByLabel("Target level").inputValue()).toBe("director");
        expect(await page.getByLabel("Horizon in months").inputValue()).toBe("24");
        expect(await page.getByRole("list", { name: "Preferred industries" }).innerText()).toContain("Fintech");
        expect(await page.getByRole("list", { name: "Strengths" }).innerText()).toMatch(/Customer focus[\s\S]*Writing/);
        expect(await page.getByLabel("What", { exact: true }).inputValue()).toBe("Strategy course");
        expect(await page.getByLabel("Action", { exact: true }).inputValue()).toBe("Book the pricing offsite");
        expect(await page.getByLabel("Title there").inputValue()).toBe("Group Product Manager");

        const stored = await (await pmContext.request.get(`${server.url}/api/people/${pm.id}/plan`)).json();
        expect(stored.plan.envision).toMatchObject({ targetLevelId: "director", horizonMonths: 24 });
        expect(stored.plan.learning[0]).toMatchObject({
          title: "Strategy course",
          competencyIds: ["strategic-thinking"],
        });

        // A weakness suggested by readiness becomes a goal in one click (the button My growth uses too).
        const weaknesses = page.getByRole("list", { name: "Suggested weaknesses" });
        await weaknesses.getByRole("button", { name: "Create a goal for Data analysis" }).click();
        const seeGoals = weaknesses.getByRole("link", { name: "See Goals for Data analysis" });
        await seeGoals.waitFor();
        expect(await seeGoals.evaluate((link) => link === document.activeElement)).toBe(true);
        const afterClick = await (await pmContext.request.get(`${server.url}/api/people/${pm.id}/goals`)).json();
        expect(afterClick.goals.map((g: { competencyId: string; target: number }) => g.competencyId)).toEqual([
          "data-analysis",
        ]);

        await page.getByLabel("Review note").fill("First pass");
        await page.getByRole("button", { name: "Review now" }).click();
        await page.getByRole("status").filter({ hasText: "Review recorded" }).waitFor();
        await page.getByText("First pass").waitFor();
        await expectAxeClean(page);
        expect(errors).toEqual([]);
        await page.close();
      }
      // 2. lets the PM create a goal from a readiness gap and check in on it
      {
        const { page, errors } = await open(pmContext, "/goals", "Goals");
        // The goal made from the plan's suggestions is already there.
        await page.getByRole("article").filter({ hasText: "Data analysis" }).waitFor();
        await page.getByRole("button", { name: "New goal" }).click();
        const dialog = page.getByRole("dialog", { name: "New goal" });
        const gap = dialog.getByLabel("Gap", { exact: true });
        await expect.poll(async () => (await gap.locator("option").count()) > 2).toBe(true);
        const options = await gap
          .locator("option")
          .evaluateAll((elements) =>
            elements.map((option) => ({ value: (option as HTMLOptionElement).value, text: option.textContent ?? "" })),
          );
        // Largest gap first: the rated one leads, with where Pat stands and what the next level expects.
        expect(options[1]?.value).toBe("data-analysis");
        expect(options[1]?.text).toMatch(/^Data analysis: 1 → \d/);
        const chosen = options.find((option) => option.value && option.value !== "data-analysis");
        if (!chosen) throw new Error("no second gap to choose");
        const chosenName = chosen.text.split(":")[0] ?? "";
        await gap.selectOption(chosen.value);
        await dialog.getByRole("button", { name: "Create goal" }).click();
        await dialog.waitFor({ state: "hidden" });

        const card = page.getByRole("article").filter({ hasText: chosenName });
        await card.waitFor();
        expect(await card.innerText()).toContain("Senior Product Manager");
        await card.getByText("Add a check-in").click();
        await card.getByLabel("Progress note").fill("Read two strategy memos");
        await card.getByLabel("How far along").fill("20");
        await card.getByRole("button", { name: "Save check-in" }).click();
        const entry = card.getByRole("listitem").filter({ hasText: "Read two strategy memos" });
        await entry.waitFor();
        expect(await entry.innerText()).toContain("20% along");

        const { goals } = await (await pmContext.request.get(`${server.url}/api/people/${pm.id}/goals`)).json();
        expect(goals.map((g: { competencyName: string }) => g.competencyName).sort()).toEqual(
          ["Data analysis", chosenName].sort(),
        );
        await page.screenshot({ path: `${SHOTS}/growth-goals.png`, fullPage: true });
        await expectAxeClean(page);
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );

  // One story: the PM opens the 1:1 the Director has just run.
  it(
    "runs a 1:1 as the Director, then shows the PM its shared notes but never the Director's private ones",
    { timeout: 240_000 },
    async () => {
      // 1. lets the Director run a 1:1 from the PM ↔ Director playbook with notes and a health check
      {
        const { page, errors } = await open(directorContext, "/one-on-ones", "1:1s");
        await page.getByText("No 1:1s yet").waitFor();
        await expectAxeClean(page);
        await page.getByLabel("With").selectOption({ label: "Pat Member (reports to you)" });
        await page.getByRole("button", { name: "Schedule and open the agenda" }).click();
        await page.waitForURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
        oneOnOneId = page.url().split("/").at(-1) ?? "";
        await page.getByRole("heading", { level: 1, name: "1:1 with Pat Member" }).waitFor();
        expect(await page.title()).toBe("1:1 with Pat Member · Ascent");

        const agenda = page.getByRole("region", { name: "Agenda" });
        expect(await agenda.locator(".aspect").count()).toBe(7);
        expect(await agenda.innerText()).toContain("Stakeholder management");
        const playbookLink = agenda.getByRole("link", { name: /playbook$/ });
        expect(await playbookLink.getAttribute("href")).toBe("/ladder/playbooks/pm-director");

        await page.getByLabel("Notes for both of you").fill(SHARED_NOTE);
        await page
          .getByRole("region", { name: "Shared notes" })
          .getByRole("status")
          .filter({ hasText: "Saved." })
          .waitFor();
        await page.getByLabel("Private notes", { exact: true }).fill(PRIVATE_NOTE);
        await page
          .getByRole("region", { name: "My private notes" })
          .getByRole("status")
          .filter({ hasText: "Saved." })
          .waitFor();
        expect(await page.getByRole("region", { name: "My private notes" }).innerText()).toContain(
          "Only you can read these — not Pat Member, not an admin.",
        );

        await page.getByLabel("New action item").fill("Draft the Q3 roadmap");
        await page.getByLabel("Who", { exact: true }).selectOption({ label: "Pat Member" });
        await page.getByRole("button", { name: "Add", exact: true }).click();
        await page.getByRole("checkbox", { name: "Draft the Q3 roadmap" }).waitFor();

        const form = page.getByRole("form", { name: "Your ratings for this 1:1" });
        await form.getByRole("button", { name: "Save my ratings" }).click();
        // Nothing rated yet: every aspect says so, is marked invalid, and the first one takes focus.
        expect(await form.getByRole("alert").count()).toBe(7);
        expect(await form.locator('[role="radiogroup"][aria-invalid="true"]').count()).toBe(7);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("radio");
        await expectAxeClean(page);
        const groups = form.getByRole("radiogroup");
        expect(await groups.count()).toBe(7);
        for (let index = 0; index < 7; index += 1) {
          await groups
            .nth(index)
            .getByRole("radio", { name: index < 3 ? "2" : "4" })
            .check();
        }
        await form.getByRole("button", { name: "Save my ratings" }).click();
        await form.getByRole("status").filter({ hasText: "Your ratings are saved." }).waitFor();
        const table = page.getByRole("table").filter({ hasText: "Mean difference" });
        await expect.poll(() => table.innerText()).toContain("Dana 2");
        await page.locator(".lazy-chart__canvas svg").waitFor();
        await page.screenshot({ path: `${SHOTS}/growth-one-on-one-director.png`, fullPage: true });
        await expectAxeClean(page);
        expect(errors).toEqual([]);
        await page.close();
      }
      // 2. shows the PM the shared notes of the same 1:1 but never the Director's private notes
      {
        expect(oneOnOneId).not.toBe("");
        const { page, errors } = await open(pmContext, `/one-on-ones/${oneOnOneId}`, "1:1 with Dana Director");
        await expect.poll(() => page.getByLabel("Notes for both of you").inputValue()).toBe(SHARED_NOTE);
        await page.getByLabel("Private notes", { exact: true }).waitFor();
        expect(await page.getByLabel("Private notes", { exact: true }).inputValue()).toBe("");
        expect(await page.locator("body").innerText()).not.toContain(PRIVATE_NOTE);
        expect(await page.content()).not.toContain("ask about workload");
        expect(await page.getByRole("checkbox", { name: "Draft the Q3 roadmap" }).isChecked()).toBe(false);

        // Pat's own side of the health check: the Director's ratings show, Pat's are still to come.
        const form = page.getByRole("form", { name: "Your ratings for this 1:1" });
        const groups = form.getByRole("radiogroup");
        for (let index = 0; index < 7; index += 1) await groups.nth(index).getByRole("radio", { name: "4" }).check();
        await form.getByRole("button", { name: "Save my ratings" }).click();
        await form.getByRole("status").filter({ hasText: "Your ratings are saved." }).waitFor();
        const table = page.getByRole("table").filter({ hasText: "Mean difference" });
        await expect.poll(() => table.getByText("Largest difference").count()).toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}/growth-one-on-one-pm.png`, fullPage: true });

        // On a phone the two columns stack and nothing scrolls sideways.
        await page.setViewportSize({ width: 390, height: 844 });
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: `${SHOTS}/growth-one-on-one-phone.png`, fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });
        await expectAxeClean(page);
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );

  it("shows the Director the advisor's paths for the organisation's shape, each with its reason", async () => {
    const { page, errors } = await open(directorContext, "/advisor", "Advancement advisor");
    const paths = page.getByRole("list", { name: "Paths open to you" });
    await paths.waitFor();
    const cards = paths.getByRole("listitem");
    expect(await cards.count()).toBeGreaterThan(1);
    for (const text of await cards.allInnerTexts()) expect(text.length).toBeGreaterThan(60);
    expect(await page.getByText("Medium-sized company").first().isVisible()).toBe(true);
    expect(await paths.getByText("Lateral move").count()).toBeGreaterThan(0);
    // Not an admin: the profile is shown, not editable.
    expect(await page.getByRole("button", { name: "Save profile" }).count()).toBe(0);
    await page.getByRole("heading", { name: "The VP of Product role" }).waitFor();

    const check = page.getByRole("form", { name: "VP-fit self-check" });
    const statements = check.getByRole("radiogroup");
    const count = await statements.count();
    expect(count).toBeGreaterThan(3);
    for (let index = 0; index < count; index += 1) {
      await statements
        .nth(index)
        .getByRole("radio", { name: index % 2 === 0 ? "5" : "2" })
        .check();
    }
    await check.getByRole("button", { name: "See my result" }).click();
    await page.getByRole("heading", { name: "Your result" }).waitFor();
    await page.getByRole("region", { name: "Your past results" }).getByRole("listitem").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/growth-advisor.png`, fullPage: true });
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("tells a PM the advisor is for Directors and above, and points to the next level", async () => {
    const { page, errors } = await open(pmContext, "/advisor", "Advancement advisor");
    await page.getByRole("heading", { name: "For Director and above" }).waitFor();
    expect(await page.getByRole("region", { name: "Your paths" }).innerText()).toContain("Senior Product Manager");
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds mentors for the PM's gap and lets people opt out of mentoring", async () => {
    const { page, errors } = await open(pmContext, "/mentors", "Mentor finder");
    await page.getByRole("search", { name: "Mentor search" }).waitFor();
    // Nobody in this organisation has been rated, so nobody is strong enough to suggest yet.
    await page.getByText("Nobody to suggest for this yet").waitFor();
    await page.getByLabel("Outside my management chain").check();
    await page.getByText("Nobody to suggest for this yet").waitFor();
    const toggle = page.getByLabel("Available as a mentor");
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // A click, then the settled state: between the save and the refetch the box shows the old value for
    // a moment, which Playwright's uncheck() reads as "did not change" on a busy machine.
    await toggle.click();
    await page.getByText("You are not suggested to anyone as a mentor.").waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const stored = await (await pmContext.request.get(`${server.url}/api/me/mentoring`)).json();
    expect(stored).toEqual({ isAvailable: false });
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows an admin org-wide insights with charts and tables, and a Director their team's", async () => {
    const { page, errors } = await open(adminContext, "/insights", "Org insights");
    const headcount = page.getByRole("region", { name: "Headcount per level" });
    await headcount.getByRole("table").waitFor();
    const directorRow = headcount
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Director of Product", exact: true }) });
    expect(await directorRow.getByRole("cell").innerText()).toBe("1");
    await page.locator(".lazy-chart__canvas svg").first().waitFor();
    await page.getByRole("region", { name: "Bench strength" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/growth-insights.png`, fullPage: true });
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();

    const team = await open(directorContext, "/insights", "Team insights");
    await team.page.getByRole("region", { name: "Spans of control" }).getByRole("table").waitFor();
    expect(await team.page.getByRole("region", { name: "Spans of control" }).innerText()).toContain("Dana Director");
    await expectAxeClean(team.page);
    expect(team.errors).toEqual([]);
    await team.page.close();
  });

  it("tells someone without goals what a goal is and how to make one", async () => {
    const { page, errors } = await open(directorContext, "/goals", "Goals");
    await page.getByText("No goals yet").waitFor();
    expect(await page.getByRole("link", { name: "My growth" }).count()).toBeGreaterThan(0);
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("links every growth page from the Career page", async () => {
    const { page, errors } = await open(pmContext, "/career", "Career");
    for (const name of ["Career plan", "Development goals", "1:1s", "Mentor finder", "Advancement advisor"]) {
      expect(await page.getByRole("link", { name }).count(), name).toBe(1);
    }
    await page.getByRole("link", { name: "Team insights" }).click();
    await page.getByRole("heading", { level: 1, name: "Team insights" }).waitFor();
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
