import { and, asc, count, desc, eq, inArray, isNull, lte, min, sql } from "drizzle-orm";
import type {
  ChannelChoice,
  ChannelSwitches,
  DeliverySchedule,
  DeliveryScheduleRepository,
  DigestCadence,
  DigestCandidate,
  DigestItem,
  DigestRepository,
  OrganisationNotificationRepository,
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
import {
  mailSends,
  notificationChannelSwitches,
  notificationDigestItems,
  notificationDigestRuns,
  notificationOrgDefaults,
  notificationPreferences,
  notificationSchedules,
  notifications,
  outbox,
} from "../schema/index.ts";

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
    return new Map(rows.map((row) => [row.kind, { inApp: row.inApp, mail: row.mail }]));
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
          mail: sql`excluded.mail`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

export class DrizzleOrganisationNotificationRepository implements OrganisationNotificationRepository {
  constructor(private readonly db: AppDatabase) {}

  async defaults(): Promise<Map<string, ChannelChoice>> {
    const rows = await this.db.select().from(notificationOrgDefaults);
    return new Map(rows.map((row) => [row.kind, { inApp: row.inApp, mail: row.mail }]));
  }

  async saveDefaults(choices: { kind: string; choice: ChannelChoice }[], at: Date): Promise<void> {
    if (choices.length === 0) return;
    await this.db
      .insert(notificationOrgDefaults)
      .values(choices.map(({ kind, choice }) => ({ kind, ...choice, updatedAt: at })))
      .onConflictDoUpdate({
        target: notificationOrgDefaults.kind,
        set: { inApp: sql`excluded.in_app`, mail: sql`excluded.mail`, updatedAt: sql`excluded.updated_at` },
      });
  }

  async switches(): Promise<ChannelSwitches> {
    const rows = await this.db.select().from(notificationChannelSwitches);
    const isOn = (channel: "email" | "digest") => rows.find((row) => row.channel === channel)?.isEnabled ?? true;
    return { isEmailEnabled: isOn("email"), isDigestEnabled: isOn("digest") };
  }

  async saveSwitches(switches: ChannelSwitches, at: Date): Promise<void> {
    await this.db
      .insert(notificationChannelSwitches)
      .values([
        { channel: "email", isEnabled: switches.isEmailEnabled, updatedAt: at },
        { channel: "digest", isEnabled: switches.isDigestEnabled, updatedAt: at },
      ])
      .onConflictDoUpdate({
        target: notificationChannelSwitches.channel,
        set: { isEnabled: sql`excluded.is_enabled`, updatedAt: sql`excluded.updated_at` },
      });
  }
}

function quietHoursOf(row: { quietStart: number | null; quietEnd: number | null }) {
  return row.quietStart === null || row.quietEnd === null ? null : { start: row.quietStart, end: row.quietEnd };
}

export class DrizzleDeliveryScheduleRepository implements DeliveryScheduleRepository {
  constructor(private readonly db: AppDatabase) {}

  async forPerson(personId: string): Promise<DeliverySchedule | null> {
    const [row] = await this.db
      .select()
      .from(notificationSchedules)
      .where(eq(notificationSchedules.personId, personId));
    return row ? { timeZone: row.timeZone, quietHours: quietHoursOf(row) } : null;
  }

  async save(personId: string, schedule: DeliverySchedule, at: Date): Promise<void> {
    const values = {
      timeZone: schedule.timeZone,
      quietStart: schedule.quietHours?.start ?? null,
      quietEnd: schedule.quietHours?.end ?? null,
      updatedAt: at,
    };
    await this.db
      .insert(notificationSchedules)
      .values({ personId, ...values })
      .onConflictDoUpdate({ target: notificationSchedules.personId, set: values });
  }
}

export class DrizzleDigestRepository implements DigestRepository {
  constructor(private readonly db: AppDatabase) {}

  async add(item: Omit<DigestItem, "id">): Promise<void> {
    await this.db.insert(notificationDigestItems).values(item);
  }

  async candidates(at: Date): Promise<DigestCandidate[]> {
    const waiting = this.db
      .select({
        personId: notificationDigestItems.personId,
        cadence: notificationDigestItems.cadence,
        oldest: min(notificationDigestItems.createdAt).as("oldest"),
      })
      .from(notificationDigestItems)
      .where(lte(notificationDigestItems.createdAt, at))
      .groupBy(notificationDigestItems.personId, notificationDigestItems.cadence)
      .as("waiting");
    const rows = await this.db
      .select({
        personId: waiting.personId,
        cadence: waiting.cadence,
        oldest: waiting.oldest,
        lastSentAt: notificationDigestRuns.lastSentAt,
        timeZone: notificationSchedules.timeZone,
        quietStart: notificationSchedules.quietStart,
        quietEnd: notificationSchedules.quietEnd,
      })
      .from(waiting)
      .leftJoin(
        notificationDigestRuns,
        and(eq(notificationDigestRuns.personId, waiting.personId), eq(notificationDigestRuns.cadence, waiting.cadence)),
      )
      .leftJoin(notificationSchedules, eq(notificationSchedules.personId, waiting.personId));
    return rows.map((row) => ({
      personId: row.personId,
      cadence: row.cadence,
      oldest: new Date(row.oldest as unknown as string),
      lastSentAt: row.lastSentAt,
      timeZone: row.timeZone ?? "UTC",
      quietHours: quietHoursOf(row),
    }));
  }

  items(personId: string, cadence: DigestCadence, at: Date): Promise<DigestItem[]> {
    return this.db
      .select()
      .from(notificationDigestItems)
      .where(
        and(
          eq(notificationDigestItems.personId, personId),
          eq(notificationDigestItems.cadence, cadence),
          lte(notificationDigestItems.createdAt, at),
        ),
      )
      .orderBy(asc(notificationDigestItems.createdAt), asc(notificationDigestItems.id));
  }

  async markSent(personId: string, cadence: DigestCadence, itemIds: string[], at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (itemIds.length > 0) {
        await tx.delete(notificationDigestItems).where(inArray(notificationDigestItems.id, itemIds));
      }
      await tx
        .insert(notificationDigestRuns)
        .values({ personId, cadence, lastSentAt: at })
        .onConflictDoUpdate({
          target: [notificationDigestRuns.personId, notificationDigestRuns.cadence],
          set: { lastSentAt: at },
        });
    });
  }
}
