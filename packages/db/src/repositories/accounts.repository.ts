import { and, count, eq, gt, isNull, like, ne, not, sql } from "drizzle-orm";
import type {
  AccountRecord,
  AccountRepository,
  ApiTokenRecord,
  ApiTokenRepository,
  LinkPurpose,
  OneTimeLinkRecord,
  OneTimeLinkRepository,
  RateLimitRepository,
  SessionRecord,
  SessionRepository,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { accounts, apiTokens, oneTimeLinks, rateLimits, sessions } from "../schema/index.ts";

export class DrizzleAccountRepository implements AccountRepository {
  constructor(private readonly db: AppDatabase) {}

  async find(personId: string): Promise<AccountRecord | null> {
    const [row] = await this.db.select().from(accounts).where(eq(accounts.personId, personId));
    return row ?? null;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(accounts);
    return Number(row?.n ?? 0);
  }

  async listAdminIds(): Promise<string[]> {
    const rows = await this.db
      .select({ personId: accounts.personId })
      .from(accounts)
      .where(eq(accounts.isAdmin, true))
      .orderBy(accounts.createdAt, accounts.personId);
    return rows.map((row) => row.personId);
  }

  async upsert(account: { personId: string; passwordHash?: string | null; isAdmin?: boolean }): Promise<AccountRecord> {
    const set = {
      ...(account.passwordHash === undefined ? {} : { passwordHash: account.passwordHash }),
      ...(account.isAdmin === undefined ? {} : { isAdmin: account.isAdmin }),
    };
    const [row] = await this.db
      .insert(accounts)
      .values({ personId: account.personId, ...set })
      .onConflictDoUpdate({
        target: accounts.personId,
        set: Object.keys(set).length ? set : { personId: account.personId },
      })
      .returning();
    if (!row) throw new Error("upsert into accounts returned no row");
    return row;
  }

  async ensureMany(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.db
      .insert(accounts)
      .values(personIds.map((personId) => ({ personId })))
      .onConflictDoNothing({ target: accounts.personId });
  }

  async setPassword(personId: string, passwordHash: string, at: Date): Promise<void> {
    await this.db.update(accounts).set({ passwordHash, passwordChangedAt: at }).where(eq(accounts.personId, personId));
  }

  async setAdmin(personId: string, isAdmin: boolean): Promise<void> {
    await this.upsert({ personId, isAdmin });
  }

  async seal(personId: string, previousPasswordHash: string, at: Date): Promise<void> {
    await this.db
      .update(accounts)
      .set({
        privateSealedAt: sql`coalesce(${accounts.privateSealedAt}, ${at.toISOString()}::timestamptz)`,
        previousPasswordHash: sql`coalesce(${accounts.previousPasswordHash}, ${previousPasswordHash})`,
      })
      .where(eq(accounts.personId, personId));
  }

  async unseal(personId: string): Promise<void> {
    await this.db
      .update(accounts)
      .set({ privateSealedAt: null, previousPasswordHash: null })
      .where(eq(accounts.personId, personId));
  }
}

export class DrizzleSessionRepository implements SessionRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(session: SessionRecord): Promise<void> {
    await this.db.insert(sessions).values(session);
  }

  async find(tokenHash: string): Promise<SessionRecord | null> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    return row ?? null;
  }

  async touch(tokenHash: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  }

  async listForPerson(personId: string): Promise<SessionRecord[]> {
    return this.db.select().from(sessions).where(eq(sessions.personId, personId)).orderBy(sessions.createdAt);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteForPerson(personId: string, exceptTokenHash?: string): Promise<number> {
    const where = exceptTokenHash
      ? and(eq(sessions.personId, personId), ne(sessions.tokenHash, exceptTokenHash))
      : eq(sessions.personId, personId);
    return (await this.db.delete(sessions).where(where).returning({ h: sessions.tokenHash })).length;
  }
}

export class DrizzleOneTimeLinkRepository implements OneTimeLinkRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(link: OneTimeLinkRecord): Promise<void> {
    await this.db.insert(oneTimeLinks).values(link);
  }

  async createMany(links: readonly OneTimeLinkRecord[]): Promise<void> {
    if (links.length === 0) return;
    await this.db.insert(oneTimeLinks).values([...links]);
  }

  async find(tokenHash: string): Promise<OneTimeLinkRecord | null> {
    const [row] = await this.db.select().from(oneTimeLinks).where(eq(oneTimeLinks.tokenHash, tokenHash));
    return row ? { ...row, purpose: row.purpose as OneTimeLinkRecord["purpose"] } : null;
  }

  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(oneTimeLinks)
      .set({ usedAt: at })
      .where(and(eq(oneTimeLinks.tokenHash, tokenHash), isNull(oneTimeLinks.usedAt)))
      .returning({ h: oneTimeLinks.tokenHash });
    return rows.length === 1;
  }

  async expireUnused(personId: string, purpose: LinkPurpose, at: Date): Promise<number> {
    const rows = await this.db
      .update(oneTimeLinks)
      .set({ expiresAt: at })
      .where(
        and(
          eq(oneTimeLinks.personId, personId),
          eq(oneTimeLinks.purpose, purpose),
          isNull(oneTimeLinks.usedAt),
          gt(oneTimeLinks.expiresAt, at),
        ),
      )
      .returning({ h: oneTimeLinks.tokenHash });
    return rows.length;
  }
}

export class DrizzleApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(token: ApiTokenRecord): Promise<void> {
    await this.db.insert(apiTokens).values(token);
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const [row] = await this.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  async listForPerson(personId: string): Promise<ApiTokenRecord[]> {
    return this.db.select().from(apiTokens).where(eq(apiTokens.personId, personId)).orderBy(apiTokens.createdAt);
  }

  async revoke(personId: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length === 1;
  }

  async revokeForPerson(personId: string, at: Date, keepNamePrefix: string): Promise<number> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(apiTokens.personId, personId),
          isNull(apiTokens.revokedAt),
          not(like(apiTokens.name, `${keepNamePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
        ),
      )
      .returning({ id: apiTokens.id });
    return rows.length;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  }
}

export class DrizzleRateLimitRepository implements RateLimitRepository {
  constructor(private readonly db: AppDatabase) {}

  async hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }> {
    const resetAt = new Date(now.getTime() + windowMs);
    // One statement, so concurrent servers counting the same key cannot lose a hit.
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key, count: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then ${resetAt.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
        },
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
    if (!row) throw new Error("rate limit upsert returned no row");
    return row;
  }

  async peek(key: string, now: Date): Promise<{ count: number; resetAt: Date } | null> {
    const [row] = await this.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    if (!row || row.resetAt <= now) return null;
    return { count: row.count, resetAt: row.resetAt };
  }

  async clear(key: string): Promise<void> {
    await this.db.delete(rateLimits).where(eq(rateLimits.key, key));
  }
}
