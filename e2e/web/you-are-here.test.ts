import { mkdirSync } from "node:fs";
import { endpoints } from "@ascent/contract";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughLoginPage, withoutSignedOutProbe } from "./web-session.ts";

const SHOTS = "/tmp/ascent-shots";
const PASSWORD = "you-are-here-password";

describe("web: the ladder marks where you are and where you go next", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await signInAsFirstAdmin(server);
    for (const [email, levelId] of [
      ["mia@here.example.com", "pm"],
      ["cora@here.example.com", "cpo"],
    ] as const) {
      const person = await admin.client.call(endpoints.people.create, {
        body: { name: email.split("@")[0] ?? email, email, title: "", levelId, managerId: null, team: "Core" },
      });
      const link = await admin.client.call(endpoints.auth.createLink, {
        params: { id: person.id },
        body: { purpose: "invite" },
      });
      await new HttpSession(server.url).redeem(link.path, PASSWORD);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a PM their level and the next one, marked in the matrix and the tracks, with a one-click comparison", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login?next=${encodeURIComponent("/ladder")}`);
    await signInThroughLoginPage(page, "mia@here.example.com", PASSWORD);
    await page.getByRole("heading", { level: 2, name: "You are here: Product Manager" }).waitFor();
    const matrix = page.getByRole("table", { name: "Expected proficiency by competency and level" });
    const header = (name: string) => matrix.getByRole("columnheader", { name: new RegExp(`^${name}\\b`) });
    expect(await header("Product Manager").innerText()).toContain("You are here");
    expect(await header("Senior Product Manager").innerText()).toContain("Your next level");
    expect(await matrix.getByText("You are here", { exact: true }).count()).toBe(1);
    expect(await page.locator(".tracks-grid").getByText("Your next level", { exact: true }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/ladder-you-are-here.png`, fullPage: false });

    await page.getByRole("link", { name: "Compare Product Manager with Senior Product Manager" }).click();
    await page.waitForURL((url) => url.pathname === "/ladder/compare");
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual(["pm", "senior-pm"]);
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });

  it("tells someone at the top of their track that there is no next level", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login?next=${encodeURIComponent("/ladder")}`);
    await signInThroughLoginPage(page, "cora@here.example.com", PASSWORD);
    await page.getByRole("heading", { level: 2, name: /^You are here: / }).waitFor();
    expect(await page.getByText("This is the top of your track.").count()).toBe(1);
    expect(await page.getByText("Your next level", { exact: true }).count()).toBe(0);
    await context.close();
  });
});
