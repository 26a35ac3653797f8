import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, runAxe } from "../support/browser.ts";
import { SmtpSink } from "../support/smtp-sink.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { newAppContext, signInThroughWelcome, withoutSignedOutProbe } from "./web-session.ts";

const DAY = 86_400_000;
const ADMIN_EMAIL = "admin@ascent.local";

describe("web: an admin reminds a cycle's late people; the reminder reaches the bell and the mailbox", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    [server, browser] = await Promise.all([
      startTestServer({ env: { SMTP_URL: sink.url, MAIL_FROM: "ascent@example.org" }, drainJobsByHand: true }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it("confirms, reminds everyone with unfinished work once, and shows the reminder in the inbox and the sink", async () => {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInThroughWelcome(page, server);
    const admin = await server.services.people.findByEmail(ADMIN_EMAIL);
    await server.services.people.create({ name: "Lea Late", email: "lea.late@example.org" });
    const now = Date.now();
    // Everyone active takes part; the self-assessment was due yesterday, so both are late.
    const cycle = await server.services.cycles.createCycle(
      { personId: admin!.id, name: "Administrator", isAdmin: true, via: "session" },
      {
        name: "Winter review",
        population: {},
        phases: [{ kind: "self", opensAt: new Date(now - 5 * DAY), dueAt: new Date(now - DAY) }],
      },
    );
    await server.drainJobs();
    const before = sink.mails.length;

    await page.goto(`${server.url}/cycles/${cycle.id}`);
    await page.getByRole("heading", { level: 2, name: "Reminders" }).waitFor();
    expect(await page.getByText("2 tasks in open phases are not done, 2 of them late.").count()).toBe(1);
    await page.getByRole("button", { name: "Remind the people with unfinished work…" }).click();
    const dialog = page.getByRole("dialog", { name: "Send reminders?" });
    await dialog.waitFor();
    expect(await runAxe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Send reminders" }).click();
    await page.getByRole("status").filter({ hasText: "Reminded 2 people." }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    // A second click the same day reminds nobody again.
    await page.getByRole("button", { name: "Remind the people with unfinished work…" }).click();
    await dialog.getByRole("button", { name: "Send reminders" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Reminded 0 people. 2 people had been reminded today already." })
      .waitFor();

    await server.drainJobs();
    const mails = sink.mails.slice(before);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([ADMIN_EMAIL, "lea.late@example.org"]);
    const [mine] = sink.to(ADMIN_EMAIL).filter((mail) => mail.subject === 'Reminder: your part in "Winter review"');
    expect(mine?.text).toContain("your self-assessment: due");
    expect(mine?.text).toContain("(late)");
    const link = /https?:\/\/\S+\/tasks/.exec(mine?.text ?? "")?.[0];
    expect(link).toBe(`${server.url}/tasks`);
    expect(mine?.html).toContain(`href="${link}"`);

    await page.reload();
    const bell = page.getByTestId("notification-bell");
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    await bell.click();
    const list = page.getByRole("list", { name: "Your notifications, newest first" });
    await list.waitFor();
    await page.getByRole("link", { name: 'Reminder: your part in "Winter review"' }).click();
    await page.waitForURL(`${server.url}/tasks`);
    expect(withoutSignedOutProbe(errors)).toEqual([]);
    await context.close();
  });
});
