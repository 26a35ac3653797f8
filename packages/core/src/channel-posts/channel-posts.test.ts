import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { JobName, JobPayloads } from "../notifications/ports.ts";
import {
  WebhookPostError,
  channelPostFor,
  escapeSlackText,
  maskWebhookUrl,
  webhookUrlProblem,
  type WebhookFailure,
  type WebhookPayload,
} from "./channel-post.ts";
import { ChannelPostService } from "./channel-post-service.ts";
import type { WebhookSettings } from "./ports.ts";

const NOW = new Date("2026-04-01T08:00:00Z");
const ADMIN: Viewer = { personId: "admin-1", name: "Ada Admin", isAdmin: true, via: "session" };
const MEMBER: Viewer = { personId: "member-1", name: "Mo Member", isAdmin: false, via: "session" };
const HOOK = "https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstWXYZ";

function setup(options: { allowHttp?: boolean; failWith?: WebhookFailure } = {}) {
  const settings: WebhookSettings = { url: null, disabledKinds: [], updatedAt: null, updatedBy: null };
  const posted: { url: string; payload: WebhookPayload }[] = [];
  const enqueued: { name: JobName; data: JobPayloads[JobName] }[] = [];
  const audit: NewAuditEvent[] = [];
  const claimed = new Set<string>();
  const sent = new Set<string>();
  const poster = {
    failWith: options.failWith ?? null,
    async post(url: string, payload: WebhookPayload) {
      if (poster.failWith) throw new WebhookPostError(poster.failWith);
      posted.push({ url, payload });
    },
  };
  const service = new ChannelPostService({
    settings: {
      load: async () => ({ ...settings, disabledKinds: [...settings.disabledKinds] }),
      async saveUrl(url, by, at) {
        Object.assign(settings, { url, updatedBy: by, updatedAt: at });
      },
      async saveDisabledKinds(kinds, by, at) {
        Object.assign(settings, { disabledKinds: kinds, updatedBy: by, updatedAt: at });
      },
    },
    poster,
    posts: {
      async claim(key) {
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      },
      async markSent(key) {
        sent.add(key);
      },
      async release(key) {
        if (!sent.has(key)) claimed.delete(key);
      },
    },
    jobs: {
      async enqueue(name, data) {
        enqueued.push({ name, data });
      },
    },
    audit: { record: async (event) => void audit.push(event), list: async () => [] },
    publicUrl: () => "https://ascent.example.org",
    allowHttp: options.allowHttp ?? false,
    now: () => NOW,
  });
  return { service, settings, posted, enqueued, audit, poster, sent };
}

const OPENED = {
  kind: "cycle.opened" as const,
  cycle: { id: "c-1", name: "Spring 2026" },
  participants: 42,
  firstDue: { phase: "self", dueAt: new Date("2026-04-15T17:00:00Z") },
};

describe("webhook addresses", () => {
  it("masks the address to its scheme, host and last four characters", () => {
    const masked = maskWebhookUrl(HOOK);
    expect(masked).toBe("https://hooks.slack.com/…WXYZ");
    expect(masked).not.toContain("T0001");
    // A short path keeps nothing of itself.
    expect(maskWebhookUrl("https://chat.example.org/abc")).toBe("https://chat.example.org/…");
  });

  it("names what is wrong with an address: not a URL, not https, credentials, no path", () => {
    expect(webhookUrlProblem(HOOK, { allowHttp: false })).toBeNull();
    expect(webhookUrlProblem("hooks.slack.com/services/x", { allowHttp: false })).toBe("not_a_url");
    expect(webhookUrlProblem("ftp://hooks.example.org/x", { allowHttp: false })).toBe("not_a_url");
    expect(webhookUrlProblem("http://127.0.0.1:9/hook", { allowHttp: false })).toBe("not_https");
    expect(webhookUrlProblem("http://127.0.0.1:9/hook", { allowHttp: true })).toBeNull();
    expect(webhookUrlProblem("https://user:pw@hooks.example.org/x", { allowHttp: false })).toBe("has_credentials");
    expect(webhookUrlProblem("https://hooks.example.org/", { allowHttp: false })).toBe("no_path");
  });

  it("escapes what Slack would read as a mention or a link", () => {
    expect(escapeSlackText("<!channel> Q&A <https://x|y>")).toBe("&lt;!channel&gt; Q&amp;A &lt;https://x|y&gt;");
  });
});

describe("the words of channel posts", () => {
  it("names the cycle, its size and dates, and links to the tasks, with a key per event", () => {
    const opened = channelPostFor(OPENED, "https://ascent.example.org");
    expect(opened.postKey).toBe("cycle.opened:c-1");
    expect(opened.text).toContain("*Spring 2026* is open for 42 people");
    expect(opened.text).toContain("self-assessment phase is due on 2026-04-15");
    expect(opened.text).toContain("<https://ascent.example.org/tasks|My tasks>");

    const closedAt = new Date("2026-04-16T09:00:00Z");
    const closed = channelPostFor(
      { kind: "cycle.phase-closed", cycle: OPENED.cycle, phase: "self", closedAt, nextDue: null },
      "https://a.example",
    );
    expect(closed.postKey).toBe(`cycle.phase-closed:c-1:self:${closedAt.toISOString()}`);
    expect(closed.text).toBe(":lock: The self-assessment phase of *Spring 2026* has closed.");

    const released = channelPostFor({ kind: "cycle.released", cycle: OPENED.cycle }, "https://a.example");
    expect(released.postKey).toBe("cycle.released:c-1");
    expect(released.text).toContain("The results of *Spring 2026* are released");
  });

  it("says a cycle's promotion round is decided without who, how many or which way", () => {
    const post = channelPostFor({ kind: "promotions.decided", cycle: OPENED.cycle }, "https://a");
    expect(post).toEqual({
      postKey: "promotions.decided:c-1",
      kind: "promotions.decided",
      text: ":scales: Every promotion case of *Spring 2026* is decided. Each candidate reads their own outcome in Ascent.",
    });
  });

  it("shows a cycle name as written, never as a mention", () => {
    const post = channelPostFor({ kind: "cycle.released", cycle: { id: "c", name: "<!here> 2026" } }, "https://a");
    expect(post.text).not.toContain("<!here>");
    expect(post.text).toContain("&lt;!here&gt; 2026");
  });
});

describe("setting the webhook", () => {
  it("is for admins only: a member can neither read nor set it", async () => {
    const { service, posted } = setup();
    await expect(service.view(MEMBER)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.saveWebhook(MEMBER, HOOK)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.removeWebhook(MEMBER)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.setKinds(MEMBER, [])).rejects.toMatchObject({ code: "forbidden" });
    expect(posted).toHaveLength(0);
  });

  it("posts a test message first, saves the address, shows it masked and audits the masked form", async () => {
    const { service, posted, audit, settings } = setup();
    const view = await service.saveWebhook(ADMIN, `  ${HOOK} `);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.url).toBe(HOOK);
    expect(posted[0]!.payload.text).toContain("Ascent will post here");
    expect(settings.url).toBe(HOOK);
    expect(view.webhook?.maskedUrl).toBe("https://hooks.slack.com/…WXYZ");
    expect(JSON.stringify(view)).not.toContain("T0001");
    expect(audit).toMatchObject([{ action: "webhook.saved", details: { url: "https://hooks.slack.com/…WXYZ" } }]);
    expect(JSON.stringify(audit)).not.toContain("T0001");
  });

  it("refuses an address the receiver does not take, naming the answer, and keeps nothing", async () => {
    const { service, settings, audit } = setup({ failWith: { kind: "status", status: 404, body: "no_service" } });
    const error = await service.saveWebhook(ADMIN, HOOK).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).message).toMatch(
      /did not take the test message: the receiver answered 404 \(no_service\)/,
    );
    expect((error as AppError).details).toEqual([{ path: "body.url", message: expect.stringContaining("404") }]);
    expect((error as AppError).message).not.toContain("T0001");
    expect(settings.url).toBeNull();
    expect(audit).toHaveLength(0);
  });

  it("names a timeout and an unreachable receiver", async () => {
    const slow = setup({ failWith: { kind: "timeout", seconds: 10 } });
    await expect(slow.service.saveWebhook(ADMIN, HOOK)).rejects.toThrow(/did not answer within 10 seconds/);
    const down = setup({ failWith: { kind: "unreachable", cause: "ECONNREFUSED" } });
    await expect(down.service.saveWebhook(ADMIN, HOOK)).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/);
  });

  it("refuses http:// unless the server allows it, before posting anything", async () => {
    const strict = setup();
    await expect(strict.service.saveWebhook(ADMIN, "http://127.0.0.1:9/hook")).rejects.toThrow(/must start with https/);
    await expect(strict.service.saveWebhook(ADMIN, "not a url")).rejects.toThrow(/is not a web address/);
    expect(strict.posted).toHaveLength(0);
    const relaxed = setup({ allowHttp: true });
    await relaxed.service.saveWebhook(ADMIN, "http://127.0.0.1:9/hook");
    expect(relaxed.settings.url).toBe("http://127.0.0.1:9/hook");
  });

  it("removes the webhook (audited), after which nothing is announced", async () => {
    const { service, enqueued, audit } = setup();
    await expect(service.removeWebhook(ADMIN)).rejects.toMatchObject({ code: "not_found" });
    await service.saveWebhook(ADMIN, HOOK);
    await service.removeWebhook(ADMIN);
    expect(audit.map((event) => event.action)).toEqual(["webhook.saved", "webhook.removed"]);
    expect((await service.view(ADMIN)).webhook).toBeNull();
    await service.announce(OPENED);
    expect(enqueued).toHaveLength(0);
  });
});

describe("announcing and delivering posts", () => {
  it("queues a post without the address, and delivers it once per key", async () => {
    const { service, enqueued, posted } = setup();
    await service.announce(OPENED);
    expect(enqueued).toHaveLength(0);
    await service.saveWebhook(ADMIN, HOOK);
    posted.length = 0;
    await service.announce(OPENED);
    expect(enqueued).toEqual([{ name: "slack.post", data: channelPostFor(OPENED, "https://ascent.example.org") }]);
    expect(JSON.stringify(enqueued)).not.toContain(HOOK);
    const post = channelPostFor(OPENED, "https://ascent.example.org");
    expect(await service.deliver(post)).toBe("sent");
    expect(await service.deliver(post)).toBe("skipped");
    expect(posted).toEqual([{ url: HOOK, payload: { text: post.text } }]);
  });

  it("gives the key back when the receiver fails, so that the retry posts", async () => {
    const { service, poster, posted } = setup();
    await service.saveWebhook(ADMIN, HOOK);
    posted.length = 0;
    const post = channelPostFor(OPENED, "https://a");
    poster.failWith = { kind: "status", status: 500, body: "" };
    await expect(service.deliver(post)).rejects.toThrow(/the receiver answered 500/);
    poster.failWith = null;
    expect(await service.deliver(post)).toBe("sent");
    expect(posted).toHaveLength(1);
  });

  it("leaves out the kinds an admin switched off, and refuses a kind it does not know", async () => {
    const { service, enqueued } = setup();
    await service.saveWebhook(ADMIN, HOOK);
    const view = await service.setKinds(ADMIN, [{ kind: "cycle.opened", isEnabled: false }]);
    expect(view.kinds.find((k) => k.kind === "cycle.opened")?.isEnabled).toBe(false);
    expect(view.kinds.find((k) => k.kind === "cycle.released")?.isEnabled).toBe(true);
    await service.announce(OPENED);
    await service.announce({ kind: "cycle.released", cycle: OPENED.cycle });
    expect(enqueued.map((job) => (job.data as { kind: string }).kind)).toEqual(["cycle.released"]);
    // A post queued before the kind was switched off is not sent either.
    expect(await service.deliver(channelPostFor(OPENED, "https://a"))).toBe("skipped");
    await expect(service.setKinds(ADMIN, [{ kind: "person.promoted", isEnabled: true }])).rejects.toThrow(
      /Unknown kinds of post: person.promoted/,
    );
  });
});
