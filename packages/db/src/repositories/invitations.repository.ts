import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { InvitationFacts, InvitationRepository } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { accounts, oneTimeLinks } from "../schema/index.ts";

/** Invitation links and sign-up facts, read from the accounts and one-time links tables. */
export class DrizzleInvitationRepository implements InvitationRepository {
  constructor(private readonly db: AppDatabase) {}

  async factsFor(personIds: readonly string[]): Promise<InvitationFacts[]> {
    if (personIds.length === 0) return [];
    const ids = [...personIds];
    const [accountRows, linkRows] = await Promise.all([
      this.db
        .select({
          personId: accounts.personId,
          passwordHash: accounts.passwordHash,
          passwordChangedAt: accounts.passwordChangedAt,
        })
        .from(accounts)
        .where(inArray(accounts.personId, ids)),
      this.db
        .select({
          personId: oneTimeLinks.personId,
          createdAt: oneTimeLinks.createdAt,
          expiresAt: oneTimeLinks.expiresAt,
          usedAt: oneTimeLinks.usedAt,
        })
        .from(oneTimeLinks)
        .where(and(eq(oneTimeLinks.purpose, "invite"), inArray(oneTimeLinks.personId, ids)))
        .orderBy(asc(oneTimeLinks.createdAt)),
    ]);
    const accountOf = new Map(accountRows.map((row) => [row.personId, row]));
    const latest = new Map<string, InvitationFacts["latestInvite"]>();
    const firstUse = new Map<string, Date>();
    for (const link of linkRows) {
      // Ordered oldest first: the last one seen is the newest, the first used one is the sign-up.
      latest.set(link.personId, { createdAt: link.createdAt, expiresAt: link.expiresAt, usedAt: link.usedAt });
      if (link.usedAt && !firstUse.has(link.personId)) firstUse.set(link.personId, link.usedAt);
    }
    return ids.map((personId) => {
      const account = accountOf.get(personId);
      const hasPassword = account?.passwordHash != null;
      return {
        personId,
        hasPassword,
        signedUpAt: hasPassword ? (firstUse.get(personId) ?? account?.passwordChangedAt ?? null) : null,
        latestInvite: latest.get(personId) ?? null,
      };
    });
  }

  async expireUnusedInvites(personIds: readonly string[], at: Date): Promise<number> {
    if (personIds.length === 0) return 0;
    const rows = await this.db
      .update(oneTimeLinks)
      .set({ expiresAt: at })
      .where(
        and(
          eq(oneTimeLinks.purpose, "invite"),
          inArray(oneTimeLinks.personId, [...personIds]),
          isNull(oneTimeLinks.usedAt),
          gt(oneTimeLinks.expiresAt, at),
        ),
      )
      .returning({ tokenHash: oneTimeLinks.tokenHash });
    return rows.length;
  }
}
