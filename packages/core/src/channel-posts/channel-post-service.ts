import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { JobQueue } from "../notifications/ports.ts";
import {
  CHANNEL_POST_KINDS,
  CHANNEL_POST_LABELS,
  WEBHOOK_URL_PROBLEMS,
  WebhookPostError,
  channelPostFor,
  describeWebhookFailure,
  isChannelPostKind,
  maskWebhookUrl,
  testPayload,
  webhookUrlProblem,
  type ChannelPost,
  type ChannelPostKind,
  type OrganisationEvent,
} from "./channel-post.ts";
import type { ChannelPostLog, WebhookPoster, WebhookSettingsRepository } from "./ports.ts";

export interface ChannelPostPorts {
  settings: WebhookSettingsRepository;
  poster: WebhookPoster;
  posts: ChannelPostLog;
  jobs: JobQueue;
  audit: AuditRepository;
  /** The app's address, for the links in posts. */
  publicUrl: () => string;
  /** The server's ASCENT_WEBHOOK_ALLOW_HTTP: http:// addresses for a receiver on a trusted network. */
  allowHttp: boolean;
  now: () => Date;
}

/** What admins see of the webhook: never its address whole. */
export interface WebhookView {
  webhook: { maskedUrl: string; updatedAt: Date | null; updatedBy: string | null } | null;
  kinds: { kind: ChannelPostKind; label: string; isEnabled: boolean }[];
  allowsHttp: boolean;
}

/** A refused address, the same sentence as the error and beside the field. */
function urlRefused(message: string): AppError {
  return new AppError("validation_failed", message, [{ path: "body.url", message }]);
}

/**
 * The organisation's channel posts (issue 16, Slack): an admin sets the incoming webhook, which is
 * tried before it is kept; use cases announce organisation-level events, which go out on the job
 * queue ("slack.post"), once per post key, with the retries and dead letters of every job.
 */
export class ChannelPostService {
  constructor(private readonly ports: ChannelPostPorts) {}

  async view(viewer: Viewer | null): Promise<WebhookView> {
    assertAdmin(viewer);
    const settings = await this.ports.settings.load();
    const disabled = new Set(settings.disabledKinds);
    return {
      webhook: settings.url
        ? { maskedUrl: maskWebhookUrl(settings.url), updatedAt: settings.updatedAt, updatedBy: settings.updatedBy }
        : null,
      kinds: CHANNEL_POST_KINDS.map((kind) => ({
        kind,
        label: CHANNEL_POST_LABELS[kind],
        isEnabled: !disabled.has(kind),
      })),
      allowsHttp: this.ports.allowHttp,
    };
  }

  /** Tries the address with a test post and keeps it only when the receiver took the post. */
  async saveWebhook(viewer: Viewer | null, rawUrl: string): Promise<WebhookView> {
    assertAdmin(viewer);
    const url = rawUrl.trim();
    const problem = webhookUrlProblem(url, { allowHttp: this.ports.allowHttp });
    if (problem) throw urlRefused(`The webhook address ${WEBHOOK_URL_PROBLEMS[problem]}`);
    await this.tryPost(url);
    await this.ports.settings.saveUrl(url, viewer.personId, this.ports.now());
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "webhook.saved",
      targetType: "webhook",
      targetId: "organisation",
      details: { url: maskWebhookUrl(url) },
    });
    return this.view(viewer);
  }

  /** Sends the test message to the saved webhook again. */
  async testWebhook(viewer: Viewer | null): Promise<void> {
    assertAdmin(viewer);
    const { url } = await this.ports.settings.load();
    if (!url) throw new AppError("not_found", "No webhook is set: save one first");
    await this.tryPost(url);
  }

  async removeWebhook(viewer: Viewer | null): Promise<void> {
    assertAdmin(viewer);
    const { url } = await this.ports.settings.load();
    if (!url) throw new AppError("not_found", "No webhook is set");
    await this.ports.settings.saveUrl(null, viewer.personId, this.ports.now());
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "webhook.removed",
      targetType: "webhook",
      targetId: "organisation",
      details: { url: maskWebhookUrl(url) },
    });
  }

  /** Switches kinds of post on or off; kinds not named keep their setting. */
  async setKinds(viewer: Viewer | null, choices: { kind: string; isEnabled: boolean }[]): Promise<WebhookView> {
    assertAdmin(viewer);
    const unknown = choices.filter((choice) => !isChannelPostKind(choice.kind)).map((choice) => choice.kind);
    if (unknown.length) {
      throw new AppError("validation_failed", `Unknown kinds of post: ${unknown.join(", ")}`, [
        { path: "body.kinds", message: `unknown: ${unknown.join(", ")}` },
      ]);
    }
    const disabled = new Set((await this.ports.settings.load()).disabledKinds);
    for (const choice of choices) {
      if (choice.isEnabled) disabled.delete(choice.kind as ChannelPostKind);
      else disabled.add(choice.kind as ChannelPostKind);
    }
    const kinds = CHANNEL_POST_KINDS.filter((kind) => disabled.has(kind));
    await this.ports.settings.saveDisabledKinds(kinds, viewer.personId, this.ports.now());
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "webhook.kinds.changed",
      targetType: "webhook",
      targetId: "organisation",
      details: { disabled: kinds },
    });
    return this.view(viewer);
  }

  private async tryPost(url: string): Promise<void> {
    try {
      await this.ports.poster.post(url, testPayload(this.ports.publicUrl()));
    } catch (error) {
      if (error instanceof WebhookPostError) {
        throw urlRefused(`The webhook did not take the test message: ${describeWebhookFailure(error.failure)}`);
      }
      throw error;
    }
  }

  /**
   * Puts a post on the queue when a webhook is set and its kind is on. For other use cases only (a
   * cycle opening, results released); the post itself leaves in a job, never inside the request.
   */
  async announce(event: OrganisationEvent): Promise<void> {
    const settings = await this.ports.settings.load();
    if (!settings.url || settings.disabledKinds.includes(event.kind)) return;
    await this.ports.jobs.enqueue("slack.post", channelPostFor(event, this.ports.publicUrl()));
  }

  /**
   * Runs in the "slack.post" job: posts once per key to the webhook set now ("skipped" when the key
   * went before, or the webhook was removed or the kind switched off since). A failure throws, so the
   * queue retries and, at the end, dead-letters the job with the reason.
   */
  async deliver(post: ChannelPost): Promise<"sent" | "skipped"> {
    const settings = await this.ports.settings.load();
    if (!settings.url || settings.disabledKinds.includes(post.kind)) return "skipped";
    if (!(await this.ports.posts.claim(post.postKey, this.ports.now()))) return "skipped";
    try {
      await this.ports.poster.post(settings.url, { text: post.text });
    } catch (error) {
      await this.ports.posts.release(post.postKey);
      throw error;
    }
    await this.ports.posts.markSent(post.postKey, this.ports.now());
    return "sent";
  }
}
