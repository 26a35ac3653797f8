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
  /** Scheduled runs (cron on the queue): each use case decides from the clock what is due, so a run finding nothing is cheap. */
  "scheduled.backup": ScheduledRun;
  "scheduled.level-changes": ScheduledRun;
  "scheduled.reminders": ScheduledRun;
  /** Notify the recipients of claimed reminders (a batch of a fan-out). */
  "reminders.deliver": { reminders: PlannedReminder[] };
}

/** A scheduled run carries nothing: what is due comes from the clock and the data. */
export type ScheduledRun = Record<string, never>;

export type JobName = keyof JobPayloads;

export interface JobQueue {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
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

/** Where one kind of notification reaches a person; both false is "off". */
export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferenceRepository {
  /** The person's saved choices by kind; kinds never chosen are absent. */
  forPerson(personId: string): Promise<Map<string, ChannelChoice>>;
  save(personId: string, choices: { kind: string; choice: ChannelChoice }[], at: Date): Promise<void>;
}
