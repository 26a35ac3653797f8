import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  applicableCompetencies,
  buildAssessmentOrg,
  STAFF_PASSWORD,
  type AssessmentOrg,
  type StaffKey,
} from "../support/assessment-fixture.ts";
import { submitRatings } from "../support/growth-fixture.ts";
import { createTestClock } from "../support/test-clock.ts";
import { extractText, getDocumentProxy } from "unpdf";

const SHOTS = "/tmp/ascent-shots";

describe("web: a promotion case from nomination to the new level", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let org: AssessmentOrg;
  const contexts: BrowserContext[] = [];
  const clock = createTestClock();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ now: clock.now }), launchBrowser()]);
    org = await buildAssessmentOrg(server);
    const competencies = await applicableCompetencies(org.as("admin"), "senior-pm");
    const scores = Object.fromEntries(competencies.map((id, i) => [id, 3 + (i % 2)]));
    await submitRatings(org.sessions.mia, org.people.mia.id, "self", scores);
    await submitRatings(org.sessions.dana, org.people.mia.id, "manager", scores);
    await org.as("admin")(endpoints.promotions.createCommittee, {
      body: { name: "Senior band", chairId: org.people.oscar.id, memberIds: [org.people.vic.id, org.people.pia.id] },
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(key: StaffKey, path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const response = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: `${key}@assess.example.com`, password: STAFF_PASSWORD },
    });
    expect(response.ok()).toBe(true);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  it("walks a case through nomination, packet, votes, decision and the level change", async () => {
    const { mia } = org.people;
    // 1. The manager nominates her report from the report's page.
    const manager = await pageAs("dana", `/people/${mia.id}`);
    await manager.page.getByRole("button", { name: "Nominate for promotion" }).click();
    const dialog = manager.page.getByRole("dialog", { name: "Nominate Mia Member" });
    await dialog.getByLabel("Target level").selectOption({ label: "2. Senior Product Manager" });
    await dialog.getByRole("button", { name: "Open the case" }).click();
    await manager.page.getByRole("heading", { level: 1, name: "Promotion case: Mia Member" }).waitFor();
    const caseId = manager.page.url().split("/promotions/")[1] as string;

    // 2. She writes the case and submits it; the packet's readiness matches the readiness API at submission.
    const firstSection = manager.page.locator(".promotion-form textarea").first();
    await firstSection.fill("Ran the checkout redesign with two teams.");
    await manager.page.getByLabel("Committee").selectOption({ label: `Senior band (chair: Oscar Outsider)` });
    expect(await runAxe(manager.page)).toEqual([]);
    await manager.page.screenshot({ path: `${SHOTS}/promotion-draft.png`, fullPage: true });
    await manager.page.getByRole("button", { name: "Submit to the committee" }).click();
    await manager.page
      .getByRole("dialog", { name: "Submit this case?" })
      .getByRole("button", { name: "Submit" })
      .click();
    await manager.page.getByText("Submitted", { exact: true }).waitFor();
    const readiness = await org.as("dana")(endpoints.readiness.forPerson, {
      params: { id: mia.id },
      query: { target: "senior-pm" },
    });
    const packetText = await manager.page.getByRole("region", { name: "Packet" }).textContent();
    expect(packetText).toContain(`${Math.round(readiness.score * 100)}%`);
    const { packet } = await org.as("dana")(endpoints.promotions.packet, { params: { id: caseId } });
    expect(packet.readiness.score).toBe(readiness.score);
    expect(packet.competencies[0]?.managerCase).toBe("Ran the checkout redesign with two teams.");
    const pdf = await manager.page.context().request.get(`${server.url}/api/promotions/${caseId}/packet.pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
      mergePages: true,
    });
    expect(pdfText).toContain(`Readiness for Senior Product Manager: ${Math.round(readiness.score * 100)}%`);
    expect(manager.errors).toEqual([]);

    // 3. Two members vote (one in the browser), then the chair approves with today as the effective date.
    const member = await pageAs("vic", `/promotions/${caseId}`);
    await member.page.getByLabel("Reason for your vote").fill("Scope has grown well past the current level");
    await member.page.getByRole("button", { name: "Record my vote" }).click();
    await member.page.getByText("Scope has grown well past the current level").waitFor();
    await member.page.getByLabel("Your comment").fill("Checked the pricing numbers with finance");
    await member.page.getByRole("button", { name: "Add the comment" }).click();
    await member.page.getByText("Checked the pricing numbers with finance").waitFor();
    await org.as("pia")(endpoints.promotions.vote, {
      params: { id: caseId },
      body: { vote: "approve", reason: "Partners well across teams" },
    });
    const chair = await pageAs("oscar", `/promotions/${caseId}`);
    await chair.page.getByRole("heading", { name: "Record the decision" }).waitFor();
    await chair.page.getByLabel("Rationale").fill("Consistently operates at senior scope");
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    await chair.page.getByLabel("Effective date").fill(tomorrow);
    expect(await runAxe(chair.page)).toEqual([]);
    await chair.page.screenshot({ path: `${SHOTS}/promotion-chair.png`, fullPage: true });
    await chair.page.getByRole("button", { name: "Record the decision" }).click();
    await chair.page
      .getByRole("dialog", { name: "Record this decision?" })
      .getByRole("button", { name: "Record" })
      .click();
    await chair.page.getByRole("heading", { name: "Decision: Approved" }).waitFor();

    // 4. On the effective date (the server's clock moved a day on), the job moves the level.
    expect((await org.as("admin")(endpoints.people.get, { params: { id: mia.id } })).level?.id).toBe("pm");
    clock.advance(86_400_000 + 60_000);
    expect((await server.services.promotions.applyDueLevelChanges()).applied).toBe(1);
    const person = await org.as("admin")(endpoints.people.get, { params: { id: mia.id } });
    expect(person.level?.id).toBe("senior-pm");

    // 5. The candidate sees the decision and its rationale, not the votes.
    const candidate = await pageAs("mia", `/promotions/${caseId}`);
    await candidate.page.getByRole("heading", { name: "Decision: Approved" }).waitFor();
    expect(await candidate.page.getByText("Consistently operates at senior scope").isVisible()).toBe(true);
    expect(await candidate.page.getByRole("heading", { name: "Committee votes" }).count()).toBe(0);
    expect(await candidate.page.content()).not.toContain("Scope has grown well past the current level");
    expect(await runAxe(candidate.page)).toEqual([]);
    await candidate.page.screenshot({ path: `${SHOTS}/promotion-candidate.png`, fullPage: true });
    const profile = await pageAs("mia", `/people/${mia.id}`);
    const history = profile.page.getByRole("region", { name: "Level history" });
    await history.getByRole("row", { name: /Promotion/ }).waitFor();

    // 6. The audit log shows every step.
    const audit = await org.as("admin")(endpoints.audit.list, { query: { subjectId: mia.id } });
    const actions = audit.events.map((e) => e.action);
    for (const action of [
      "promotion.nominate",
      "promotion.submit",
      "promotion.vote",
      "promotion.decide",
      "promotion.level_changed",
    ]) {
      expect(actions, action).toContain(action);
    }
    const pipeline = await pageAs("dana", "/promotions");
    await pipeline.page
      .getByRole("region", { name: /Decided/ })
      .getByRole("link", { name: "Mia Member" })
      .waitFor();
    expect(await runAxe(pipeline.page)).toEqual([]);
    await pipeline.page.getByLabel("Target level").selectOption("director");
    await pipeline.page.getByText("No case matches these filters").waitFor();
    await pipeline.page.getByLabel("Target level").selectOption("senior-pm");
    await pipeline.page.getByRole("link", { name: "Mia Member" }).waitFor();
    await pipeline.page.screenshot({ path: `${SHOTS}/promotion-pipeline.png`, fullPage: true });
    for (const opened of [member, chair, candidate, profile, pipeline]) expect(opened.errors).toEqual([]);
  });

  it("lands a manager on their team and a PM on their growth", async () => {
    const manager = await pageAs("dana", "/");
    await manager.page.waitForURL(`${server.url}/team`);
    const pm = await pageAs("pia", "/");
    await pm.page.waitForURL(`${server.url}/growth`);
  });

  it("lets a PM ask their manager to nominate them from their own page", async () => {
    const { page, errors } = await pageAs("pol", `/people/${org.people.pol.id}`);
    await page.getByRole("button", { name: "Ask my manager to nominate me" }).click();
    const dialog = page.getByRole("dialog", { name: "Ask to be nominated" });
    await dialog.getByLabel("A note for your manager").fill("Two launches this half");
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Ask" }).click();
    await page.getByRole("status").filter({ hasText: "Your manager has been asked." }).waitFor();
    const inbox = await org.as("dana")(endpoints.notifications.list, {});
    expect(inbox.notifications.map((n) => n.subject)).toContain(
      "Pol Peer asks you to nominate them for Senior Product Manager",
    );
    expect(errors).toEqual([]);
  });
});
