import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { PeopleRepository } from "../people/ports.ts";
import { composeMail } from "./compose-mail.ts";
import { defaultChoice, NOTIFICATION_KINDS } from "./notification-kinds.ts";
import type {
  ChannelChoice,
  InboxCursor,
  JobQueue,
  NotificationPreferenceRepository,
  NotificationRecord,
  NotificationRepository,
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

/** One row of a person's notification settings. */
export interface KindPreference extends ChannelChoice {
  kind: string;
  label: string;
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

  private async choiceOf(personId: string, kind: string): Promise<ChannelChoice> {
    const saved = await this.ports.preferences?.forPerson(personId);
    return saved?.get(kind) ?? defaultChoice(kind);
  }

  /**
   * Notifies a person on the channels they chose for this kind: the in-app entry (returned, or null
   * when they turned the app channel off) and, when the sender gives a mail body, a mail.
   */
  async notify(recipientId: string, input: NotifyInput): Promise<NotificationRecord | null> {
    assertAppPath(input.link);
    const recipient = await this.ports.people.findById(recipientId);
    if (!recipient) throw new AppError("not_found", `No person with id "${recipientId}"`);
    const choice = await this.choiceOf(recipientId, input.kind);
    const record = choice.inApp
      ? await this.ports.notifications.create({
          recipientId,
          kind: input.kind,
          subject: input.subject,
          link: input.link,
          createdAt: this.ports.now(),
        })
      : null;
    if (input.email && choice.email && recipient.status === "active") {
      await this.ports.jobs.enqueue(
        "mail.send",
        composeMail({
          sendKey: `notification:${record?.id ?? `${recipientId}:${input.kind}:${this.ports.now().toISOString()}`}`,
          to: recipient.email,
          subject: input.subject,
          greeting: `Hello ${recipient.name},`,
          paragraphs: input.email.body.split("\n\n"),
          action: { label: "Open in Ascent", url: `${this.ports.publicUrl()}${input.link}` },
          footer: `You receive this because it concerns you in Ascent. Choose how you are told about it, or turn it off: ${this.ports.publicUrl()}/notifications`,
        }),
      );
    }
    return record;
  }

  /** The viewer's channels for every kind the app sends, their choice or the kind's default. */
  async preferences(viewer: Viewer): Promise<KindPreference[]> {
    const saved = (await this.ports.preferences?.forPerson(viewer.personId)) ?? new Map<string, ChannelChoice>();
    return NOTIFICATION_KINDS.map(({ kind, label, defaults }) => ({ kind, label, ...(saved.get(kind) ?? defaults) }));
  }

  /** Saves the viewer's own choices; a kind the app does not send is refused, naming it. */
  async setPreferences(viewer: Viewer, choices: (ChannelChoice & { kind: string })[]): Promise<KindPreference[]> {
    const known = new Set(NOTIFICATION_KINDS.map((k) => k.kind));
    const unknown = choices.findIndex((choice) => !known.has(choice.kind));
    if (unknown >= 0) {
      throw new AppError("validation_failed", `No notification kind "${choices[unknown]?.kind}"`, [
        { path: `body.preferences.${unknown}.kind`, message: `one of ${[...known].join(", ")}` },
      ]);
    }
    if (!this.ports.preferences) throw new AppError("internal", "Notification settings are not stored here");
    await this.ports.preferences.save(
      viewer.personId,
      choices.map(({ kind, inApp, email }) => ({ kind, choice: { inApp, email } })),
      this.ports.now(),
    );
    return this.preferences(viewer);
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
