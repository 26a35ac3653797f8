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

    // Settings: feedback requests by daily digest, kept after a reload.
    const byMail = page.getByRole("combobox", { name: "A colleague asks you for feedback: by mail", exact: true });
    expect(await byMail.inputValue()).toBe("instant");
    await byMail.focus();
    await byMail.selectOption("daily");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    // Quiet hours in a time zone, from the keyboard.
    await page.getByRole("combobox", { name: "Your time zone" }).selectOption("Europe/Berlin");
    await page.getByRole("checkbox", { name: "Hold mail during quiet hours" }).check();
    await page.getByLabel("From").fill("21:30");
    await page.getByLabel("Until").fill("07:15");
    await page.getByRole("button", { name: "Save quiet hours" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Saved." }).nth(0).waitFor();
    // The admin turns a mail for each notification off for everyone: the choice shows as turned off, with why.
    await page.getByRole("heading", { level: 2, name: "For the whole organisation" }).waitFor();
    await page.getByRole("checkbox", { name: "Send a mail for each notification" }).uncheck();
    await page.getByRole("button", { name: "Save organisation defaults" }).click();
    const levelMail = page.getByRole("combobox", { name: "Your level on the ladder changes: by mail", exact: true });
    await expect.poll(() => levelMail.getAttribute("aria-describedby")).toBe("mail-level.changed-reason");
    expect(await page.locator("#mail-level\\.changed-reason").innerText()).toMatch(/turned off/);
    expect(await runAxe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("heading", { level: 2, name: "How you are told" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/ascent-shots/notification-settings.png", fullPage: true });

    await page.reload();
    await page.getByRole("heading", { level: 2, name: "How you are told" }).waitFor();
    expect(await byMail.inputValue()).toBe("daily");
    expect(await page.getByRole("combobox", { name: "Your time zone" }).inputValue()).toBe("Europe/Berlin");
    expect(await page.getByLabel("From").inputValue()).toBe("21:30");
    expect(await page.getByLabel("Until").inputValue()).toBe("07:15");
    expect(
      await page
        .getByRole("checkbox", { name: "A colleague asks you for feedback: in Ascent", exact: true })
        .isChecked(),
    ).toBe(true);

    // A mail's "choose how you are told" link names its kind and lands on that choice.
    await page.goto(`${server.url}/notifications?kind=level.changed`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Your level on the ladder changes: by mail");

    // Each entry leads to the thing itself.
    await page.getByRole("link", { name: "Your self-review is due Friday" }).click();
    await page.waitForURL(`${server.url}/ladder`);
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });
});
