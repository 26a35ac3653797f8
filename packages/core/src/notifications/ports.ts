import type { ChannelPost } from "../channel-posts/channel-post.ts";
import type { PlannedReminder } from "../reminders/due-reminders.ts";

/** One entry of a person's in-app inbox. */
export interface NotificationRecord {
  id: string;
  recipientId: string;
  kind: string;
  subject: string;
  /** Where the notification leads inside the app: a path such as /growth or /feedback/…. */
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Where an inbox page starts: after this entry, newest first. */
export interface InboxCursor {
  createdAt: Date;
  id: string;
}

export interface NotificationRepository {
  create(notification: Omit<NotificationRecord, "id" | "readAt">): Promise<NotificationRecord>;
  /** The recipient's notifications, newest first, strictly after the cursor when one is given. */
  listForRecipient(recipientId: string, options: { limit: number; after?: InboxCursor }): Promise<NotificationRecord[]>;
  countUnread(recipientId: string): Promise<number>;
  /** Marks one of the recipient's notifications read; false when the recipient has no such notification. */
  markRead(recipientId: string, id: string, at: Date): Promise<boolean>;
  /** Marks every unread notification of the recipient read; returns how many. */
  markAllRead(recipientId: string, at: Date): Promise<number>;
}

/** A mail ready to hand to SMTP: both bodies, and the key that keeps a retry from sending it twice. */
export interface MailMessage {
  sendKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The work that runs later, on the job queue, never inside a request. */
export interface JobPayloads {
  /** Hand one mail to SMTP or the outbox. */
  "mail.send": MailMessage;
  /** Make a self-service reset link for an address and mail it, when the address belongs to someone. */
  "password-reset.send": { email: string };
  /** Post an organisation-level message to the webhook set now (channel-posts/). */
  "slack.post": ChannelPost;
  /** Scheduled runs (cron on the queue): each use case decides from the clock what is due, so a run finding nothing is cheap. */
  "scheduled.backup": ScheduledRun;
  "scheduled.level-changes": ScheduledRun;
  "scheduled.reminders": ScheduledRun;
  /** Notify the recipients of claimed reminders (a batch of a fan-out). */
  "reminders.deliver": { reminders: PlannedReminder[] };
  "scheduled.digests": ScheduledRun;
}

/** A scheduled run carries nothing: what is due comes from the clock and the data. */
export type ScheduledRun = Record<string, never>;

export type JobName = keyof JobPayloads;

export interface EnqueueOptions {
  /** The job waits until then (a mail held back by the recipient's quiet hours). */
  startAfter?: Date;
}

export interface JobQueue {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Many jobs of one kind in one write (a bulk invitation's mails); callers fall back to enqueue without it. */
  enqueueMany?<N extends JobName>(name: N, data: JobPayloads[N][]): Promise<void>;
}

/** What carries a mail out: nodemailer over SMTP, or the outbox table when no SMTP server is set. */
export interface MailTransport {
  readonly name: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
}

/** The send keys of mails already handed over. */
export interface MailSendLog {
  /** Claims the key before sending; false when it was claimed before (the mail went, or is going). */
  claim(sendKey: string, at: Date): Promise<boolean>;
  markSent(sendKey: string, at: Date): Promise<void>;
  /** Gives the key back after a failed attempt, so that the retry may send. */
  release(sendKey: string): Promise<void>;
}

export interface OutboxMessage {
  id: string;
  sendKey: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  createdAt: Date;
}

export interface OutboxRepository {
  add(message: MailMessage, at: Date): Promise<void>;
  /** Newest first. */
  list(options: { limit: number; recipient?: string }): Promise<OutboxMessage[]>;
}

/** A job that used up its retries, kept for admins to see and send again. */
export interface DeadJob {
  id: string;
  /** The queue it failed on (a JobName). */
  name: string;
  data: unknown;
  /** The last error. */
  reason: string;
  failedAt: Date;
}

export interface DeadLetters {
  list(limit: number): Promise<DeadJob[]>;
  /** Puts the job back on its queue and off the list; false when there is no such dead job. */
  retry(id: string): Promise<boolean>;
}

/**
 * How mail carries one kind of notification: a mail per event, gathered into a daily or weekly digest,
 * or none.
 */
export type MailChoice = "instant" | "daily" | "weekly" | "off";
export const MAIL_CHOICES: readonly MailChoice[] = ["instant", "daily", "weekly", "off"];
export type DigestCadence = Extract<MailChoice, "daily" | "weekly">;

/** Where one kind of notification reaches a person; no app entry and no mail is "off". */
export interface ChannelChoice {
  inApp: boolean;
  mail: MailChoice;
}

export interface NotificationPreferenceRepository {
  /** The person's saved choices by kind; kinds never chosen are absent. */
  forPerson(personId: string): Promise<Map<string, ChannelChoice>>;
  save(personId: string, choices: { kind: string; choice: ChannelChoice }[], at: Date): Promise<void>;
}

/** The mail channels an admin can switch off for everyone: a mail per event, and digests. */
export interface ChannelSwitches {
  isEmailEnabled: boolean;
  isDigestEnabled: boolean;
}

export interface OrganisationNotificationRepository {
  /** The organisation's choice per kind; kinds it never chose are absent (the app's default holds). */
  defaults(): Promise<Map<string, ChannelChoice>>;
  saveDefaults(choices: { kind: string; choice: ChannelChoice }[], at: Date): Promise<void>;
  switches(): Promise<ChannelSwitches>;
  saveSwitches(switches: ChannelSwitches, at: Date): Promise<void>;
}

/** When a person wants no mail: a window of local wall-clock minutes, which may cross midnight. */
export interface QuietHours {
  /** Minutes after local midnight the window opens. */
  start: number;
  /** Minutes after local midnight it closes; below start when it crosses midnight. */
  end: number;
}

/** The person's time zone and quiet hours. */
export interface DeliverySchedule {
  timeZone: string;
  quietHours: QuietHours | null;
}

export interface DeliveryScheduleRepository {
  forPerson(personId: string): Promise<DeliverySchedule | null>;
  save(personId: string, schedule: DeliverySchedule, at: Date): Promise<void>;
}

/** A notification waiting for the person's next digest. */
export interface DigestItem {
  id: string;
  personId: string;
  cadence: DigestCadence;
  kind: string;
  subject: string;
  link: string;
  createdAt: Date;
}

/** A person with something waiting for one cadence of digest. */
export interface DigestCandidate {
  personId: string;
  cadence: DigestCadence;
  /** When the oldest waiting item came. */
  oldest: Date;
  lastSentAt: Date | null;
  /** Their time zone, UTC when they never set one. */
  timeZone: string;
  quietHours: QuietHours | null;
}

export interface DigestRepository {
  add(item: Omit<DigestItem, "id">): Promise<void>;
  /** Everyone with an item waiting that came at or before `at`. */
  candidates(at: Date): Promise<DigestCandidate[]>;
  /** The person's waiting items of one cadence up to `at`, oldest first. */
  items(personId: string, cadence: DigestCadence, at: Date): Promise<DigestItem[]>;
  /** Drops the items a digest carried and records when it went. */
  markSent(personId: string, cadence: DigestCadence, itemIds: string[], at: Date): Promise<void>;
}
