import { NO_MEMO, type Memo } from "../caching/memo.ts";
import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { PeopleRepository } from "../people/ports.ts";
import { composeMail } from "./compose-mail.ts";
import { mailInEffect, quietHoursEnd, resolveChoice } from "./delivery-rules.ts";
import type {
  ChannelChoice,
  ChannelSwitches,
  DeliveryScheduleRepository,
  DigestRepository,
  InboxCursor,
  JobQueue,
  NotificationPreferenceRepository,
  NotificationRecord,
  NotificationRepository,
  OrganisationNotificationRepository,
} from "./ports.ts";

export interface NotifyInput {
  /** What happened, as a stable machine name: "feedback.requested", "cycle.reminder". */
  kind: string;
  /** One line a person reads in the bell's list and as the mail's subject. */
  subject: string;
  /** A path inside the app: "/feedback", "/people/…". */
  link: string;
  /** Also send it by mail, with this text as the body, a blank line between paragraphs (the in-app entry carries the subject only). */
  email?: { body: string };
}

export interface InboxPage {
  notifications: NotificationRecord[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface NotificationPorts {
  notifications: NotificationRepository;
  /** Each person's channels per kind; without it every kind follows its default. */
  preferences?: NotificationPreferenceRepository;
  /** The organisation's defaults and channel switches; without it the app's defaults hold and every channel is on. */
  organisation?: OrganisationNotificationRepository;
  /** Keeps the organisation's defaults and switches between notifications (a change to either drops them). */
  memo?: Memo;
  /** Each person's time zone and quiet hours; without it mail goes at once. */
  schedules?: DeliveryScheduleRepository;
  /** Where notifications wait for a digest; without it a digest choice sends no mail. */
  digests?: DigestRepository;
  people: Pick<PeopleRepository, "findById">;
  jobs: JobQueue;
  /** The address the app is reached at, for links in mail: https://ascent.example.org. */
  publicUrl: () => string;
  now: () => Date;
}

const CURSOR_SEPARATOR = "_";

function encodeCursor(record: NotificationRecord): string {
  return `${record.createdAt.toISOString()}${CURSOR_SEPARATOR}${record.id}`;
}

function decodeCursor(cursor: string): InboxCursor {
  const at = cursor.indexOf(CURSOR_SEPARATOR);
  const createdAt = new Date(cursor.slice(0, at));
  const id = cursor.slice(at + 1);
  if (at < 0 || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError("validation_failed", "The cursor is not one this inbox gave out", [
      { path: "query.after", message: "pass the nextCursor of the previous page" },
    ]);
  }
  return { createdAt, id };
}

/** A link inside the app only: a notification never sends anyone elsewhere. */
function assertAppPath(link: string): void {
  if (!link.startsWith("/") || link.startsWith("//") || /[\s\\]/.test(link)) {
    throw new AppError("validation_failed", `A notification links to a path inside the app, got "${link}"`);
  }
}

/**
 * The in-app inbox and its mail: other use cases call notify(); each person reads and marks only their
 * own, and anyone else's notification answers 404 as if it did not exist. Reading or marking one's own
 * inbox writes no audit entry: it changes nothing anyone else sees.
 */
export class NotificationService {
  constructor(private readonly ports: NotificationPorts) {}

  /** The organisation's defaults and switches, read once per process until an admin changes them. */
  private organisationSettings(): Promise<{
    defaults: Map<string, ChannelChoice>;
    switches: ChannelSwitches | null;
  }> {
    const organisation = this.ports.organisation;
    if (!organisation) return Promise.resolve({ defaults: new Map(), switches: null });
    return (this.ports.memo ?? NO_MEMO).remember("notification-organisation-settings", async () => {
      const [defaults, switches] = await Promise.all([organisation.defaults(), organisation.switches()]);
      return { value: { defaults, switches }, dependsOn: [] };
    });
  }

  private async choiceOf(personId: string, kind: string): Promise<ChannelChoice> {
    const [personal, organisation] = await Promise.all([
      this.ports.preferences?.forPerson(personId),
      this.organisationSettings(),
    ]);
    const { choice } = resolveChoice(kind, personal ?? new Map(), organisation.defaults);
    return organisation.switches ? { ...choice, mail: mailInEffect(choice.mail, organisation.switches) } : choice;
  }

  /**
   * Notifies a person on the channels they chose for this kind: the in-app entry (returned, or null
   * when they turned the app channel off) and, when the sender gives a mail body, a mail now (held back
   * until their quiet hours end) or an item for their next digest. The in-app entry is never held back.
   */
  async notify(recipientId: string, input: NotifyInput): Promise<NotificationRecord | null> {
    assertAppPath(input.link);
    const recipient = await this.ports.people.findById(recipientId);
    if (!recipient) throw new AppError("not_found", `No person with id "${recipientId}"`);
    const choice = await this.choiceOf(recipientId, input.kind);
    const now = this.ports.now();
    const record = choice.inApp
      ? await this.ports.notifications.create({
          recipientId,
          kind: input.kind,
          subject: input.subject,
          link: input.link,
          createdAt: now,
        })
      : null;
    if (!input.email || recipient.status !== "active") return record;
    if (choice.mail === "daily" || choice.mail === "weekly") {
      await this.ports.digests?.add({
        personId: recipientId,
        cadence: choice.mail,
        kind: input.kind,
        subject: input.subject,
        link: input.link,
        createdAt: now,
      });
    } else if (choice.mail === "instant") {
      const quietUntil = quietHoursEnd(now, (await this.ports.schedules?.forPerson(recipientId)) ?? null);
      await this.ports.jobs.enqueue(
        "mail.send",
        composeMail({
          sendKey: `notification:${record?.id ?? `${recipientId}:${input.kind}:${now.toISOString()}`}`,
          to: recipient.email,
          subject: input.subject,
          greeting: `Hello ${recipient.name},`,
          paragraphs: input.email.body.split("\n\n"),
          action: { label: "Open in Ascent", url: `${this.ports.publicUrl()}${input.link}` },
          footer: `You receive this because it concerns you in Ascent. Choose how you are told about it, or turn it off: ${this.ports.publicUrl()}/notifications?kind=${encodeURIComponent(input.kind)}`,
        }),
        quietUntil ? { startAfter: quietUntil } : undefined,
      );
    }
    return record;
  }

  async listInbox(viewer: Viewer, query: { limit: number; after?: string }): Promise<InboxPage> {
    const after = query.after === undefined ? undefined : decodeCursor(query.after);
    const notifications = await this.ports.notifications.listForRecipient(viewer.personId, {
      limit: query.limit,
      ...(after ? { after } : {}),
    });
    const last = notifications.at(-1);
    return { notifications, nextCursor: notifications.length === query.limit && last ? encodeCursor(last) : null };
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.ports.notifications.countUnread(viewer.personId);
  }

  async markRead(viewer: Viewer, id: string): Promise<void> {
    if (!(await this.ports.notifications.markRead(viewer.personId, id, this.ports.now()))) {
      throw new AppError("not_found", `No notification with id "${id}"`);
    }
  }

  markAllRead(viewer: Viewer): Promise<number> {
    return this.ports.notifications.markAllRead(viewer.personId, this.ports.now());
  }
}
