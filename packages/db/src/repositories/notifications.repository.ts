import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type {
  ChannelChoice,
  NotificationPreferenceRepository,
  InboxCursor,
  MailMessage,
  MailSendLog,
  NotificationRecord,
  NotificationRepository,
  OutboxMessage,
  OutboxRepository,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { mailSends, notificationPreferences, notifications, outbox } from "../schema/index.ts";

export class DrizzleNotificationRepository implements NotificationRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(notification: Omit<NotificationRecord, "id" | "readAt">): Promise<NotificationRecord> {
    const [row] = await this.db.insert(notifications).values(notification).returning();
    if (!row) throw new Error("insert returned no notification");
    return row;
  }

  listForRecipient(recipientId: string, options: { limit: number; after?: InboxCursor }) {
    const after = options.after;
    return this.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, recipientId),
          after
            ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit);
  }

  async countUnread(recipientId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }

  async markRead(recipientId: string, id: string, at: Date): Promise<boolean> {
    // The recipient is part of the match: nobody marks another person's notification.
    const rows = await this.db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)))
      .returning({ id: notifications.id });
    return rows.length > 0;
  }

  async markAllRead(recipientId: string, at: Date): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }
}

export class DrizzleOutboxRepository implements OutboxRepository {
  constructor(private readonly db: AppDatabase) {}

  async add(message: MailMessage, at: Date): Promise<void> {
    await this.db
      .insert(outbox)
      .values({
        sendKey: message.sendKey,
        recipient: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html,
        createdAt: at,
      })
      .onConflictDoNothing({ target: outbox.sendKey });
  }

  list(options: { limit: number; recipient?: string }): Promise<OutboxMessage[]> {
    return this.db
      .select()
      .from(outbox)
      .where(options.recipient === undefined ? undefined : eq(outbox.recipient, options.recipient))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(options.limit);
  }
}

export class DrizzleMailSendLog implements MailSendLog {
  constructor(private readonly db: AppDatabase) {}

  async claim(sendKey: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(mailSends)
      .values({ sendKey, claimedAt: at })
      .onConflictDoNothing({ target: mailSends.sendKey })
      .returning({ sendKey: mailSends.sendKey });
    return rows.length > 0;
  }

  async markSent(sendKey: string, at: Date): Promise<void> {
    await this.db.update(mailSends).set({ sentAt: at }).where(eq(mailSends.sendKey, sendKey));
  }

  async release(sendKey: string): Promise<void> {
    await this.db.delete(mailSends).where(and(eq(mailSends.sendKey, sendKey), isNull(mailSends.sentAt)));
  }
}

export class DrizzleNotificationPreferenceRepository implements NotificationPreferenceRepository {
  constructor(private readonly db: AppDatabase) {}

  async forPerson(personId: string): Promise<Map<string, ChannelChoice>> {
    const rows = await this.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.personId, personId));
    return new Map(rows.map((row) => [row.kind, { inApp: row.inApp, email: row.email }]));
  }

  async save(personId: string, choices: { kind: string; choice: ChannelChoice }[], at: Date): Promise<void> {
    if (choices.length === 0) return;
    await this.db
      .insert(notificationPreferences)
      .values(choices.map(({ kind, choice }) => ({ personId, kind, ...choice, updatedAt: at })))
      .onConflictDoUpdate({
        target: [notificationPreferences.personId, notificationPreferences.kind],
        set: {
          inApp: sql`excluded.in_app`,
          email: sql`excluded.email`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}
