import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughWelcome, withoutSignedOutProbe } from "./web-session.ts";

describe("web: the bell and the inbox", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ drainJobsByHand: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the unread count without a reload, and the inbox marks one and then all read", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The page's timers run on a clock the test moves: the half-minute poll comes without waiting for it.
    await page.clock.install();
    await signInThroughWelcome(page, server);
    const adminId = (await server.services.people.findByEmail("admin@ascent.local"))?.id ?? "";
    const bell = page.getByTestId("notification-bell");
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, none unread");

    for (const subject of ["Dana asked you for feedback", "Your self-review is due Friday"]) {
      await server.services.notifications.notify(adminId, { kind: "test.event", subject, link: "/ladder" });
    }
    await page.clock.runFor(31_000);
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 2 unread");
    expect(await bell.innerText()).toContain("2");
    expect(await runAxe(page)).toEqual([]);

    await bell.click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const list = page.getByRole("list", { name: "Your notifications, newest first" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBe(2);
    expect(await list.getByRole("listitem").first().innerText()).toContain("Your self-review is due Friday");
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole("button", { name: "Mark read: Dana asked you for feedback" }).click();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, none unread");
    expect(await page.getByRole("button", { name: /^Mark read/ }).count()).toBe(0);

    // Settings: mail off for feedback requests, kept after a reload.
    const byEmail = page.getByRole("checkbox", { name: "A colleague asks you for feedback: by email" });
    expect(await byEmail.isChecked()).toBe(true);
    await byEmail.uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "How you are told" }).waitFor();
    expect(await byEmail.isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: "A colleague asks you for feedback: in Ascent" }).isChecked()).toBe(
      true,
    );

    // Each entry leads to the thing itself.
    await page.getByRole("link", { name: "Your self-review is due Friday" }).click();
    await page.waitForURL(`${server.url}/ladder`);
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });
});
