import { and, eq, isNull } from "drizzle-orm";
import {
  isChannelPostKind,
  type ChannelPostKind,
  type ChannelPostLog,
  type WebhookSettings,
  type WebhookSettingsRepository,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { channelPosts, channelWebhook } from "../schema/index.ts";

const ROW_ID = "organisation";

export class DrizzleWebhookSettingsRepository implements WebhookSettingsRepository {
  constructor(private readonly db: AppDatabase) {}

  async load(): Promise<WebhookSettings> {
    const [row] = await this.db.select().from(channelWebhook).where(eq(channelWebhook.id, ROW_ID));
    if (!row) return { url: null, disabledKinds: [], updatedAt: null, updatedBy: null };
    return {
      url: row.url,
      // A kind a later version no longer has is dropped rather than trusted.
      disabledKinds: row.disabledKinds.filter(isChannelPostKind),
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  }

  async saveUrl(url: string | null, by: string, at: Date): Promise<void> {
    await this.db
      .insert(channelWebhook)
      .values({ id: ROW_ID, url, updatedBy: by, updatedAt: at })
      .onConflictDoUpdate({ target: channelWebhook.id, set: { url, updatedBy: by, updatedAt: at } });
  }

  async saveDisabledKinds(kinds: ChannelPostKind[], by: string, at: Date): Promise<void> {
    await this.db
      .insert(channelWebhook)
      .values({ id: ROW_ID, disabledKinds: kinds, updatedBy: by, updatedAt: at })
      .onConflictDoUpdate({ target: channelWebhook.id, set: { disabledKinds: kinds, updatedBy: by, updatedAt: at } });
  }
}

export class DrizzleChannelPostLog implements ChannelPostLog {
  constructor(private readonly db: AppDatabase) {}

  async claim(postKey: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(channelPosts)
      .values({ postKey, claimedAt: at })
      .onConflictDoNothing({ target: channelPosts.postKey })
      .returning({ postKey: channelPosts.postKey });
    return rows.length > 0;
  }

  async markSent(postKey: string, at: Date): Promise<void> {
    await this.db.update(channelPosts).set({ sentAt: at }).where(eq(channelPosts.postKey, postKey));
  }

  async release(postKey: string): Promise<void> {
    await this.db.delete(channelPosts).where(and(eq(channelPosts.postKey, postKey), isNull(channelPosts.sentAt)));
  }
}
