import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { endpoints, type TFramework } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { ADMIN_PASSWORD, HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * The migration report in Chromium: before publishing a draft that removes a competency, the admin sees
 * what moves where and what has no home, and cannot publish until the open goals on it have a choice.
 */

const SHOTS = "/tmp/ascent-shots";
const LADDER = { framework: "product-management" };

describe("web: the migration report before publishing", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: HttpSession;
  let member: HttpSession;
  let memberId = "";

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await signInAsFirstAdmin(server);
    const person = await admin.client.call(endpoints.people.create, {
      body: {
        name: "Mo Member",
        email: "mo@migration-web.example.com",
        title: "Product Manager",
        levelId: "pm",
        managerId: null,
        team: "Payments",
      },
    });
    memberId = person.id;
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: person.id },
      body: { purpose: "invite" },
    });
    member = await new HttpSession(server.url).redeem(link.path, "migration-web-password");
    await member.client.call(endpoints.goals.create, {
      params: { id: person.id },
      body: { competencyId: "domain-knowledge", target: 5, title: "Learn the payments domain" },
    });
    await member.client.call(endpoints.evidence.create, {
      params: { id: person.id },
      body: { date: "2026-03-02", title: "Payments teardown", competencyIds: ["domain-knowledge"] },
    });
    const draft = await admin.client.call(endpoints.frameworkAdmin.startDraft, { params: LADDER, body: {} });
    const document: TFramework = structuredClone(draft.document);
    document.competencies = document.competencies.filter((c) => c.id !== "domain-knowledge");
    for (const row of Object.values(document.expectations)) delete row["domain-knowledge"];
    await admin.client.call(endpoints.frameworkAdmin.saveDraft, { params: LADDER, body: { document } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows what has no home, waits for a choice on the open goals, then publishes it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const signIn = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: admin.info?.person.email, password: ADMIN_PASSWORD },
    });
    expect(signIn.ok(), await signIn.text()).toBe(true);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/frameworks/product-management`);
    const report = page.getByRole("region", { name: "What moves when you publish v2" });
    await report.waitFor();
    const row = report.getByRole("row", { name: /Domain knowledge/ });
    expect(await row.innerText()).toMatch(/Removed\s+No home\s+1 open goal, 1 evidence entry/);
    const choice = report.getByLabel(/Open goals on Domain knowledge \(1\)/);
    expect(await report.getByText("Choose what happens to them").isVisible()).toBe(true);
    const publish = page.getByRole("button", { name: "Publish v2" });
    expect(await publish.isDisabled()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await report.screenshot({ path: `${SHOTS}/migration-report.png` });

    await choice.selectOption({ label: "Move them to Business acumen" });
    await report.getByText("Choose what happens to them").waitFor({ state: "detached" });
    await publish.click();
    await page.getByRole("status").filter({ hasText: "Published v2." }).waitFor();
    const goals = await member.client.call(endpoints.goals.list, { params: { id: memberId } });
    expect(goals.goals.map((g) => [g.title, g.competencyId, g.status])).toEqual([
      ["Learn the payments domain", "business-acumen", "active"],
    ]);
    const evidence = await member.client.call(endpoints.evidence.list, { params: { id: memberId } });
    expect(evidence.evidence.map((e) => e.competencyIds)).toEqual([[]]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
