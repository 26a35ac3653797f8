import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { endpoints } from "@ascent/contract";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { ADMIN_PASSWORD, HttpSession } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signedInContext } from "./signed-in-context.ts";

const SHOTS = "/tmp/ascent-shots";

describe("web: invite everyone in a filtered people list who has not signed up", () => {
  let server: TestServer;
  let browser: Browser;
  let admin: BrowserContext;
  let api: HttpSession;

  beforeAll(async () => {
    // No SMTP_URL: the mails go to the outbox, and the links come back as a CSV.
    [server, browser] = await Promise.all([startTestServer({ drainJobsByHand: true }), launchBrowser()]);
    admin = await signedInContext(browser, server, { viewport: { width: 1280, height: 900 } });
    api = await new HttpSession(server.url).login("admin@ascent.local", ADMIN_PASSWORD);
    const add = (name: string, email: string) =>
      api.client.call(endpoints.people.create, { body: { name, email, team: "Onboarding" } });
    await add("Nia Newcomer", "nia@onboard.test");
    await add("Omar Onboard", "omar@onboard.test");
    const signedUp = await add("Sia Signed", "sia@onboard.test");
    await api.client.call(endpoints.people.create, { body: { name: "Elsewhere", email: "else@x.test", team: "Core" } });
    const link = await api.client.call(endpoints.auth.createLink, {
      params: { id: signedUp.id },
      body: { purpose: "invite" },
    });
    await new HttpSession(server.url).redeem(link.path, "sia-chose-a-long-password-9912");
  });
  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows who signed up, confirms the count and the outbox, invites, and hands over the links as CSV", async () => {
    const page = await admin.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/people?team=Onboarding`);
    const table = page.getByRole("table", { name: /People/ });
    await table.getByRole("columnheader", { name: "Sign-up" }).waitFor();
    const signUp = (name: string) =>
      table
        .getByRole("row", { name: new RegExp(name) })
        .locator('td[data-label="Sign-up"]')
        .innerText();
    await expect.poll(() => signUp("Sia Signed")).toContain("Signed up");
    expect(await signUp("Nia Newcomer")).toContain("Not invited");
    const action = page.getByRole("button", { name: "Invite 2 not signed up" });
    await action.waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-sign-up-column.png`, fullPage: true });

    await action.click();
    const dialog = page.getByRole("dialog", { name: "Invite the people in this list who have not signed up" });
    await dialog.getByText("2 people will get an invitation link, one mail each.").waitFor();
    expect(await dialog.innerText()).toContain("the mails go to the outbox");
    expect(await dialog.innerText()).toContain("1 person already signed up");
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-bulk-invite-confirm.png` });

    await dialog.getByRole("button", { name: "Invite 2 people" }).click();
    await dialog.getByRole("status").filter({ hasText: "2 people invited" }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-bulk-invite-done.png` });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Download the links (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ascent-invitation-links-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Papa.parse<string[]>(await readFile((await download.path())!, "utf8"), { skipEmptyLines: true });
    expect(csv.data[0]).toEqual(["name", "email", "link", "expires"]);
    expect(
      csv.data
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(["nia@onboard.test", "omar@onboard.test"]);
    const token = csv.data[1]?.[2]?.split("/welcome/")[1];
    expect((await fetch(`${server.url}/api/auth/links/${token}`)).status).toBe(200);

    await dialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => signUp("Nia Newcomer")).toContain("Invited");
    expect(await signUp("Omar Onboard")).toContain("Invited");
    // Everyone here is invited now: the action has nothing left to do and goes away.
    await expect.poll(() => page.getByRole("button", { name: /not signed up/ }).count()).toBe(0);

    // The audit log says it once, in plain words, with the links handed over.
    await page.goto(`${server.url}/audit`);
    const entry = page.getByRole("row", { name: /Invited people in bulk/ });
    await entry.waitFor();
    expect(await entry.innerText()).toContain("2 invited (0 sent again), 2 links handed to the admin (outbox)");
    await page.screenshot({ path: `${SHOTS}/audit-bulk-invite.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("offers to invite the new people right after an import", async () => {
    const page = await admin.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/people/import`);
    await page.getByLabel("HRIS export (CSV)").setInputFiles({
      name: "new-hires.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,email,title,team\nIda Imported,ida@hire.test,Product Manager,Hires\n"),
    });
    await page.getByRole("button", { name: "Preview import" }).click();
    await page.getByRole("button", { name: "Import 1 person" }).click();
    await page.getByRole("heading", { name: "Import complete" }).waitFor();
    const invite = page.getByRole("button", { name: "Invite the 1 new person" });
    await invite.waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people-import-invite.png`, fullPage: true });
    await invite.click();
    const dialog = page.getByRole("dialog", { name: "Invite the new people" });
    await dialog.getByRole("button", { name: "Invite 1 person" }).click();
    await dialog.getByRole("status").filter({ hasText: "1 person invited" }).waitFor();
    await dialog.getByRole("button", { name: "Download the links (CSV)" }).waitFor();
    const { people } = await api.client.call(endpoints.people.list, { query: { search: "Ida Imported" } });
    const { statuses } = await api.client.call(endpoints.invitations.statuses, {
      body: { personIds: [people[0]!.id] },
    });
    expect(statuses[0]?.state).toBe("invited");
    expect(errors).toEqual([]);
    await page.close();
  });
});
