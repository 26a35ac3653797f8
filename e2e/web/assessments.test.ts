import { mkdirSync } from "node:fs";
import { endpoints, type TPerson } from "@ascent/contract";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { ADMIN_PASSWORD, HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * The Assessments issue's browser journey: a PM self-assesses; three peers answer a feedback
 * request; the request closes; My growth explains the verdict with the radar; the Director
 * assesses the PM and sees the team heatmap. The organisation is set up over HTTP as the admin.
 */

/** Peer comments written with markup, to prove the growth page shows them as text. */
const INERT_COMMENTS = {
  pete: `<img src=x onerror="window.pwned = 1"> Pete's note: clear launch plans`,
  paz: "<script>window.pwned = 2</script> Paz's note: calm under pressure",
} as const;
const SHOTS = "/tmp/ascent-shots";
const PASSWORD = "assessment-web-password";

const PEOPLE = {
  dana: { name: "Dana Director", title: "Director of Product", levelId: "director", manager: null },
  mia: { name: "Mia Member", title: "Product Manager", levelId: "pm", manager: "dana" },
  pia: { name: "Pia Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  pete: { name: "Pete Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  paz: { name: "Paz Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
} as const;
type Key = keyof typeof PEOPLE;

describe("web: assessments and readiness", () => {
  let server: TestServer;
  let browser: Browser;
  const people = {} as Record<Key, TPerson>;
  const sessions = {} as Record<Key, HttpSession>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await signInAsFirstAdmin(server);
    for (const [key, spec] of Object.entries(PEOPLE) as [Key, (typeof PEOPLE)[Key]][]) {
      people[key] = await admin.client.call(endpoints.people.create, {
        body: {
          name: spec.name,
          email: `${key}@web-assess.example.com`,
          title: spec.title,
          levelId: spec.levelId,
          managerId: spec.manager ? people[spec.manager].id : null,
          team: "Payments",
        },
      });
      const link = await admin.client.call(endpoints.auth.createLink, {
        params: { id: people[key].id },
        body: { purpose: "invite" },
      });
      sessions[key] = await new HttpSession(server.url).redeem(link.path, PASSWORD);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /** Signs in through the sign-in page and lands on `path`. */
  async function signIn(key: Key | "admin", path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel("Email").fill(key === "admin" ? "admin@ascent.local" : people[key].email);
    await page.getByLabel("Password").fill(key === "admin" ? ADMIN_PASSWORD : PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}${path}`);
    // The sign-in page's own "who is signed in?" check answers 401 before signing in; only what
    // happens on the pages under test counts.
    errors.length = 0;
    return { page, errors };
  }

  async function expectAxeClean(page: Page): Promise<void> {
    expect(await runAxe(page)).toEqual([]);
  }

  async function expectSaved(page: Page): Promise<void> {
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  }

  // One story, in order: each step needs what the one before it made (a submitted self-assessment, an
  // open request, three answers, the released aggregate), so it is one test that no other depends on.
  it(
    "takes a PM from self-assessment through a feedback request and its release to My growth",
    { timeout: 240_000 },
    async () => {
      let requestId = "";
      // 1. lets a PM self-assess: one competency per step, autosaved, resumed, reviewed and submitted
      {
        const { page, errors } = await signIn("mia", "/growth/self-assessment");
        await page.getByRole("heading", { level: 1, name: "Self-assessment" }).waitFor();
        expect(await page.title()).toBe("Self-assessment · Ascent");

        // The PM level's 14 competencies, and strategic partnerships, which first applies at Senior PM: 15 steps.
        await page.getByText("Competency 1 of 15").waitFor();
        const steps = page.getByRole("navigation", { name: "Assessment steps" }).getByRole("button");
        expect(await steps.count()).toBe(16);
        const firstStep = page.getByRole("heading", { level: 2 });
        const firstName = await firstStep.innerText();
        expect(await page.getByText("Your level", { exact: true }).isVisible()).toBe(true);
        expect(await page.getByText("Next level", { exact: true }).isVisible()).toBe(true);
        expect(await page.getByRole("heading", { level: 3, name: "Senior Product Manager" }).isVisible()).toBe(true);
        await expectAxeClean(page);
        await page.screenshot({ path: `${SHOTS}/assessments-wizard.png`, fullPage: true });

        // Rate two competencies with evidence, waiting for autosave each time.
        await page.getByRole("radio", { name: "3 Proficient" }).check();
        await page
          .getByLabel(/^Evidence/)
          .fill("Ran the <b>pricing</b> discovery; <script>alert(1)</script> stays text.");
        await expect.poll(() => page.getByText(/of 4,000 characters/).innerText()).toMatch(/^\d+ of 4,000 characters/);
        await expectSaved(page);
        await page.getByRole("button", { name: "Next" }).click();
        await page.getByText("Competency 2 of 15").waitFor();
        // Focus follows the step, so keyboard and screen-reader users start at its heading.
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
        await page.getByRole("radio", { name: "4 Advanced" }).check();
        await expectSaved(page);

        // Reloading resumes the same draft at the first competency not rated yet.
        await page.reload();
        await page.getByText("Competency 3 of 15").waitFor();
        await page.getByRole("button", { name: "Back" }).click();
        expect(await page.getByRole("radio", { name: "4 Advanced" }).isChecked()).toBe(true);
        await page.getByRole("button", { name: "Next" }).click();
        await page.getByRole("radio", { name: "2 Developing" }).check();
        await expectSaved(page);

        // The evidence limit comes from the contract: over it, the field says so and nothing is saved.
        await page.getByLabel(/^Evidence/).fill("x".repeat(4001));
        await page.getByRole("alert").filter({ hasText: "1 characters over the limit of 4000" }).waitFor();
        expect(await page.getByLabel(/^Evidence/).getAttribute("aria-invalid")).toBe("true");
        await page.getByLabel(/^Evidence/).fill("Short again.");
        await expectSaved(page);

        await steps.filter({ hasText: "Review and submit" }).click();
        await page.getByRole("heading", { level: 2, name: "Review your answers" }).waitFor();
        const review = page.getByRole("table");
        expect(await review.locator("tbody tr").count()).toBe(15);
        expect(await review.getByText("3 · Proficient").count()).toBe(1);
        expect(await review.getByText("Not rated").count()).toBe(12);
        // Evidence is shown as text: the markup typed in is visible, not interpreted.
        expect(await review.getByText("<script>alert(1)</script>", { exact: false }).count()).toBe(1);
        expect(await page.locator("script:not([src])").count()).toBe(0);
        await expectAxeClean(page);

        await page.getByRole("button", { name: "Submit self-assessment" }).click();
        const dialog = page.getByRole("dialog", { name: "Submit your self-assessment?" });
        await dialog.waitFor();
        await expectAxeClean(page);
        await dialog.getByRole("button", { name: "Submit self-assessment" }).click();
        await page.getByRole("heading", { name: /your self-assessment is submitted/ }).waitFor();
        expect(await page.getByRole("link", { name: "See My growth" }).getAttribute("href")).toBe("/growth");

        const mine = await sessions.mia.client.call(endpoints.assessments.listMine);
        const submitted = mine.assessments.filter((a) => a.relation === "self" && a.status === "submitted");
        expect(submitted).toHaveLength(1);
        expect(submitted[0]?.ratings.find((r) => r.score === 3)?.evidence).toContain("<script>alert(1)</script>");
        expect(firstName.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      }
      // 2. lets the manager ask three peers for feedback, and the PM follow the request
      {
        const { page, errors } = await signIn("dana", `/team/${people.mia.id}/feedback`);
        await page.getByRole("heading", { level: 1, name: "Request feedback about Mia Member" }).waitFor();
        await page.getByRole("heading", { name: "Answers are anonymous" }).waitFor();

        const search = page.getByRole("searchbox", { name: "Find a colleague" });
        for (const key of ["pia", "pete", "paz"] as const) {
          await search.fill(PEOPLE[key].name);
          await page.getByRole("button", { name: `Add ${PEOPLE[key].name}, Product Manager` }).click();
        }
        await page.getByRole("heading", { name: "Asking 3 colleagues" }).waitFor();
        await page.getByLabel("Message").fill("What should Mia focus on next quarter?");
        await expectAxeClean(page);
        await page.getByRole("button", { name: "Send request" }).click();
        await page.getByText("Request sent to 3 colleagues.").waitFor();
        await page.getByText("0 of 3", { exact: true }).waitFor();
        expect(await page.getByText("Paz Peer, Pete Peer, Pia Peer").isVisible()).toBe(true);
        expect(errors).toEqual([]);

        const { requests } = await sessions.mia.client.call(endpoints.feedback.listAbout, {
          params: { id: people.mia.id },
        });
        expect(requests).toHaveLength(1);
        requestId = requests[0]?.id ?? "";

        // The PM sees the same request, with names and a count but never who answered.
        const mia = await signIn("mia", "/growth/feedback");
        await mia.page.getByRole("heading", { level: 1, name: "Request feedback" }).waitFor();
        await mia.page.getByText("0 of 3", { exact: true }).waitFor();
        await expectAxeClean(mia.page);
        await mia.page.screenshot({ path: `${SHOTS}/assessments-request-feedback.png`, fullPage: true });
        expect(mia.errors).toEqual([]);
      }
      // 3. lets peers answer anonymously: one in the browser, two over HTTP
      {
        const { page, errors } = await signIn("pia", "/growth");
        const asked = page.getByRole("region", { name: /Feedback asked of you/ });
        await asked.getByText("Mia Member", { exact: true }).waitFor();
        await asked.getByRole("link", { name: "Give feedback to Mia Member" }).click();
        await page.waitForURL(`${server.url}/feedback/${requestId}`);
        await page.getByRole("heading", { level: 1, name: "Feedback for Mia Member" }).waitFor();
        await page.getByText("What should Mia focus on next quarter?").waitFor();
        await page.getByText("Competency 1 of 15").waitFor();
        // Peers see both descriptors too: the person's level and the next one.
        expect(await page.getByText("Next level", { exact: true }).count()).toBe(1);
        await expectAxeClean(page);
        await page.screenshot({ path: `${SHOTS}/assessments-peer-form.png`, fullPage: true });

        for (const score of ["4 Advanced", "3 Proficient", "3 Proficient"]) {
          await page.getByRole("radio", { name: score }).check();
          await expectSaved(page);
          await page.getByRole("button", { name: "Next" }).click();
        }
        await page
          .getByRole("navigation", { name: "Assessment steps" })
          .getByRole("button", { name: "Review and submit" })
          .click();
        await page.getByRole("button", { name: "Submit feedback" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Submit feedback" }).click();
        await page.getByRole("heading", { name: "Thank you: your feedback is in" }).waitFor();
        expect(errors).toEqual([]);

        const framework = await sessions.pete.client.call(endpoints.frameworks.getVersion, {
          params: { framework: "product-management", version: "latest" },
        });
        const applicable = framework.document.competencies
          .filter((c) => (framework.document.expectations.pm?.[c.id]?.weight ?? 0) > 0)
          .map((c) => c.id);
        for (const [key, score] of [
          ["pete", 3],
          ["paz", 2],
        ] as const) {
          const client = sessions[key].client;
          const draft = await client.call(endpoints.assessments.start, {
            body: { subjectId: people.mia.id, relation: "peer", feedbackRequestId: requestId },
          });
          await client.call(endpoints.assessments.saveRatings, {
            params: { assessmentId: draft.id },
            body: {
              ratings: applicable.map((competencyId, index) => ({
                competencyId,
                score,
                // Comments with markup: released with the aggregate, they must show as text and run nothing.
                evidence: index === 0 ? INERT_COMMENTS[key] : "",
              })),
            },
          });
          await client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
        }
      }
      // 4. lets the PM close the request, releasing the three answers as one average
      {
        const { page, errors } = await signIn("mia", "/growth/feedback");
        await page.getByText("3 of 3", { exact: true }).waitFor();
        await page.getByRole("button", { name: /^Close now/ }).click();
        const dialog = page.getByRole("dialog", { name: "Close this request now?" });
        await dialog.waitFor();
        await dialog.getByRole("button", { name: "Close request" }).click();
        await page.getByText("Request closed: 3 answers released as one average.").waitFor();
        await page.locator(".request-card .badge").filter({ hasText: "Closed" }).waitFor();
        expect(await page.getByRole("button", { name: /^Close now/ }).count()).toBe(0);
        // The button that opened the dialog is gone, so focus moves to the list's heading, not to nowhere.
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Your requests");
        expect(errors).toEqual([]);
      }
      // 5. shows My growth: the verdict, the radar with its text alternative, and the explanation with the peer aggregate
      {
        const { page, errors } = await signIn("mia", "/growth");
        await page.getByRole("heading", { level: 1, name: "My growth" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Readiness for Senior Product Manager" }).waitFor();

        const verdict = page.locator(".verdict-card");
        expect(await verdict.innerText()).toMatch(/(Ready|Almost|Not yet)/);
        expect(await verdict.innerText()).toMatch(/\d+\.\d% readiness score/);
        const readiness = await sessions.mia.client.call(endpoints.readiness.forPerson, {
          params: { id: people.mia.id },
        });
        const percent = `${(Math.floor(readiness.score * 1000 + 1e-6) / 10).toFixed(1)}%`;
        expect(await verdict.innerText()).toContain(percent);

        // The radar: drawn on a canvas, described in words, and its numbers one click away.
        const radar = page.getByRole("img", { name: "Radar chart of observed against expected ratings" });
        await radar.locator("canvas").waitFor();
        expect(await page.locator("figcaption").first().innerText()).toMatch(/Radar chart of 15 competencies/);
        await page.getByText("Show the chart’s numbers as a table").click();
        expect(
          await page.getByRole("table", { name: "Observed and expected per competency" }).locator("tbody tr").count(),
        ).toBe(readiness.competencies.length);

        // Why this verdict: the peer group shows as an aggregate of exactly three raters.
        const why = page.getByRole("region", { name: "Why this verdict" }).getByRole("table");
        const first = readiness.competencies.find((c) => c.groups.peer !== null && "count" in c.groups.peer);
        expect(first).toBeDefined();
        const row = why.getByRole("row").filter({ has: page.getByRole("rowheader", { name: first?.name ?? "" }) });
        expect(await row.innerText()).toContain("3 raters");
        expect(await why.getByText("3 raters").count()).toBeGreaterThanOrEqual(3);
        expect(await page.getByText(/÷/).count()).toBeGreaterThan(0);

        // Released comments: unsigned, as plain text; the markup in them is shown, never run.
        const commented = readiness.competencies.find((c) => c.comments.peer && "texts" in c.comments.peer);
        expect(commented?.comments.peer).toEqual({ texts: [INERT_COMMENTS.paz, INERT_COMMENTS.pete].sort() });
        const commentRow = why
          .getByRole("row")
          .filter({ has: page.getByRole("rowheader", { name: commented?.name ?? "" }) });
        await commentRow.getByText("2 peer comments, unsigned").click();
        const shown = await commentRow.locator(".released-comment").allInnerTexts();
        expect(shown).toEqual([INERT_COMMENTS.paz, INERT_COMMENTS.pete].sort());
        expect(await commentRow.locator(".released-comments img, .released-comments script").count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        await page.getByRole("heading", { level: 2, name: "Gaps and strengths" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Timeline" }).waitFor();
        await expect.poll(() => page.locator(".timeline__item").count()).toBeGreaterThanOrEqual(2);

        await expectAxeClean(page);
        await page.screenshot({ path: `${SHOTS}/assessments-growth.png`, fullPage: true });
        await page
          .getByRole("region", { name: "Why this verdict" })
          .screenshot({ path: `${SHOTS}/assessments-growth-why.png` });

        // Side by side: self against the manager and the peer aggregate, per competency.
        await page.getByRole("link", { name: "Compare ratings" }).click();
        await page.getByRole("heading", { level: 1, name: "Side by side" }).waitFor();
        const sideBySide = page.getByRole("region", { name: "Ratings side by side" }).getByRole("table");
        const sideRow = sideBySide
          .getByRole("row")
          .filter({ has: page.getByRole("rowheader", { name: first?.name ?? "" }) });
        expect(await sideRow.innerText()).toContain("3 raters");
        await expectAxeClean(page);
        expect(errors).toEqual([]);
      }
    },
  );

  it("lets the Director assess the PM and see the team heatmap", async () => {
    const { page, errors } = await signIn("dana", `/team/${people.mia.id}/assess`);
    await page.getByRole("heading", { level: 1, name: "Assess Mia Member" }).waitFor();
    await page.getByText("Competency 1 of 15").waitFor();
    expect(await page.getByText("Mia’s level", { exact: true }).isVisible()).toBe(true);
    for (const score of ["4 Advanced", "4 Advanced"]) {
      await page.getByRole("radio", { name: score }).check();
      await expectSaved(page);
      await page.getByRole("button", { name: "Next" }).click();
    }
    await page
      .getByRole("navigation", { name: "Assessment steps" })
      .getByRole("button", { name: "Review and submit" })
      .click();
    await page.getByRole("button", { name: "Submit assessment" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Submit assessment" }).click();
    await page.getByRole("heading", { name: "Thank you: your assessment of Mia is submitted" }).waitFor();

    await page.getByRole("link", { name: "Back to My team" }).click();
    await page.waitForURL(`${server.url}/team`);
    await page.getByRole("heading", { level: 1, name: "My team" }).waitFor();
    const heatmap = page.getByRole("region", { name: "Competency heatmap" }).getByRole("table");
    const miaRow = heatmap.getByRole("row").filter({ has: page.getByRole("link", { name: "Mia Member" }) });
    await miaRow.waitFor();
    expect(await heatmap.locator("tbody tr").count()).toBe(4);
    // Mia's rated competencies carry a signed value; the legend explains the colours.
    expect(await miaRow.innerText()).toMatch(/[+−]\d|(^|\s)0(\s|$)/);
    await page.getByText("Observed minus expected", { exact: true }).waitFor();

    const list = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /Score/ }) });
    await list.getByRole("button", { name: /Name/ }).click();
    expect(await list.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe("ascending");
    const names = await list.locator("tbody th").allInnerTexts();
    expect(names.map((n) => n.split("\n")[0])).toEqual(["Mia Member", "Paz Peer", "Pete Peer", "Pia Peer"]);

    await expectAxeClean(page);
    await page.screenshot({ path: `${SHOTS}/assessments-team.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("keeps an evidence log: plain-text checks, suggested tags, edit, sharing and delete", async () => {
    const { page, errors } = await signIn("mia", "/growth/evidence");
    await page.getByRole("heading", { level: 1, name: "Evidence log" }).waitFor();
    await page.getByText("No entries yet.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Log an achievement" }).click();
    const form = page.getByRole("form", { name: "Log an achievement" });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Log an achievement");

    // A title with markup and a link that is not a web address are refused, each beside its field.
    await form.getByLabel("Title").fill("Led the <b>pricing</b> experiment");
    await form
      .getByLabel(/^What happened/)
      .fill("Ran a pricing experiment with customers and analysed the data. <img src=x onerror=alert(1)>");
    await form.getByLabel(/^Links/).fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Save entry" }).click();
    await form.getByRole("alert").filter({ hasText: "is not a web address" }).waitFor();
    expect(await form.getByLabel(/^Links/).getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel(/^Links/).fill("https://example.com/pricing-results");
    await form.getByRole("button", { name: "Save entry" }).click();
    await form
      .getByRole("alert")
      .filter({ hasText: /Plain text only/ })
      .waitFor();
    expect(await form.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("Title").fill("Led the pricing experiment");

    // Suggested tags come from the server's offline match; the person accepts them.
    await form.getByRole("button", { name: "Suggest competencies" }).click();
    const accept = form.getByRole("button", { name: /^Accept suggestion: / });
    await accept.first().waitFor();
    const accepted = ((await accept.first().getAttribute("aria-label")) ?? "").replace("Accept suggestion: ", "");
    await accept.first().click();
    await form.getByText(`Tagged: ${accepted}`, { exact: false }).waitFor();
    await form.getByRole("checkbox", { name: /Share with my manager/ }).check();
    await expectAxeClean(page);
    await form.getByRole("button", { name: "Save entry" }).click();

    const entry = page.getByRole("article", { name: "Led the pricing experiment" });
    await entry.waitFor();
    await page.getByText("Saved “Led the pricing experiment”.").waitFor();
    // The body is text: the markup shows as typed and no image element is created.
    expect(await entry.innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await entry.locator("img").count()).toBe(0);
    expect(await entry.getByText(accepted, { exact: true }).count()).toBe(1);
    expect(await entry.getByRole("link", { name: "https://example.com/pricing-results" }).count()).toBe(1);
    const share = entry.getByRole("checkbox", { name: /Shared with my manager/ });
    expect(await share.isChecked()).toBe(true);

    // The manager sees it because it is shared; unsharing hides it from them.
    const shared = await sessions.dana.client.call(endpoints.evidence.list, { params: { id: people.mia.id } });
    expect(shared.evidence.map((e) => e.title)).toEqual(["Led the pricing experiment"]);
    await share.uncheck();
    await page.getByText("“Led the pricing experiment” is no longer shared with your manager.").waitFor();
    const unshared = await sessions.dana.client.call(endpoints.evidence.list, { params: { id: people.mia.id } });
    expect(unshared.evidence).toEqual([]);

    await entry.getByRole("button", { name: "Edit Led the pricing experiment" }).click();
    const editForm = page.getByRole("form", { name: "Edit “Led the pricing experiment”" });
    await editForm.getByLabel("Title").fill("Led the pricing experiment end to end");
    await editForm.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("article", { name: "Led the pricing experiment end to end" }).waitFor();
    await expectAxeClean(page);
    await page.screenshot({ path: `${SHOTS}/assessments-evidence.png`, fullPage: true });

    await page.getByRole("button", { name: "Delete Led the pricing experiment end to end" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this entry?" });
    await dialog.getByRole("button", { name: "Delete entry" }).click();
    await page.getByText("No entries yet.", { exact: false }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Entries/);
    expect(errors).toEqual([]);
  });

  it("shows admins organisation readiness as aggregates only, hiding groups under k", async () => {
    // Ratings of this test's own, so the heatmap has cells whatever ran before: the Director rates
    // herself (no other test looks at Dana's own ratings).
    const framework = await sessions.dana.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: "latest" },
    });
    const applicable = framework.document.competencies
      .filter((c) => (framework.document.expectations.director?.[c.id]?.weight ?? 0) > 0)
      .map((c) => c.id);
    const draft = await sessions.dana.client.call(endpoints.assessments.start, {
      body: { subjectId: people.dana.id, relation: "self" },
    });
    await sessions.dana.client.call(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: { ratings: applicable.map((competencyId) => ({ competencyId, score: 3, evidence: "" })) },
    });
    await sessions.dana.client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });

    const { page, errors } = await signIn("admin", "/org/readiness");
    await page.getByRole("heading", { level: 1, name: "Organisation readiness" }).waitFor();
    expect(await page.title()).toBe("Organisation readiness · Ascent");

    // Five people in Payments (k = 3): shown. The single Director is hidden, and so are the four PMs,
    // whose figures would give the Director's away by subtraction from the total.
    const byLevel = page.getByRole("table", { name: "Readiness per level" });
    await byLevel.waitFor();
    expect(await byLevel.getByRole("row", { name: /^Director of Product/ }).innerText()).toContain(
      "Hidden: fewer than 3 people",
    );
    expect(await byLevel.getByRole("row", { name: /^Product Manager/ }).innerText()).toContain("Hidden");
    const byTeam = page.getByRole("table", { name: "Readiness per team" });
    expect(await byTeam.getByRole("row", { name: /^Payments/ }).innerText()).toMatch(/Payments\s+5\s/);
    expect(await page.locator(".fact-list").innerText()).toMatch(/People\s+5/);
    await page.getByRole("table", { name: "Observed minus expected per level and competency" }).waitFor();
    expect(await page.getByText("Fewer than 3 people", { exact: true }).count()).toBeGreaterThan(0);

    await page.getByLabel("Level", { exact: true }).selectOption({ label: "Product Manager" });
    await expect.poll(() => byLevel.locator("tbody tr").count()).toBe(1);
    await expectAxeClean(page);
    await page.screenshot({ path: `${SHOTS}/assessments-org-readiness.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
