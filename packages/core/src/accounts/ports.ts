export interface AccountRecord {
  personId: string;
  passwordHash: string | null;
  isAdmin: boolean;
  createdAt: Date;
  passwordChangedAt: Date | null;
  /** Since an admin-made reset link was used; private content stays sealed until the person unseals it. */
  privateSealedAt: Date | null;
  /** The hash of the password from before that reset: only the person can match it (decisions/0004). */
  previousPasswordHash: string | null;
}

export interface SessionRecord {
  tokenHash: string;
  personId: string;
  csrfToken: string;
  userAgent: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export type LinkPurpose = "invite" | "reset" | "first-admin";

export interface OneTimeLinkRecord {
  tokenHash: string;
  personId: string;
  purpose: LinkPurpose;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** Mailed over SMTP to the person alone, never shown to an admin (decisions/0004). */
  isMailedPrivately: boolean;
}

export interface ApiTokenRecord {
  id: string;
  personId: string;
  name: string;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface AccountRepository {
  find(personId: string): Promise<AccountRecord | null>;
  count(): Promise<number>;
  /** The people with an admin account, longest-standing first. */
  listAdminIds(): Promise<string[]>;
  upsert(account: { personId: string; passwordHash?: string | null; isAdmin?: boolean }): Promise<AccountRecord>;
  /** Makes an account (no password, not an admin) for each of these people who has none, in one write. */
  ensureMany(personIds: readonly string[]): Promise<void>;
  setPassword(personId: string, passwordHash: string, at: Date): Promise<void>;
  setAdmin(personId: string, isAdmin: boolean): Promise<void>;
  /**
   * Seals the person's private content after an admin-made reset. A second reset keeps the hash from
   * before the first: the person's own password, never one an admin chose.
   */
  seal(personId: string, previousPasswordHash: string, at: Date): Promise<void>;
  unseal(personId: string): Promise<void>;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  listForPerson(personId: string): Promise<SessionRecord[]>;
  delete(tokenHash: string): Promise<void>;
  deleteForPerson(personId: string, exceptTokenHash?: string): Promise<number>;
}

export interface OneTimeLinkRepository {
  create(link: OneTimeLinkRecord): Promise<void>;
  createMany(links: readonly OneTimeLinkRecord[]): Promise<void>;
  find(tokenHash: string): Promise<OneTimeLinkRecord | null>;
  /** Marks the link used; false when it was already used (a race between two redeemers). */
  markUsed(tokenHash: string, at: Date): Promise<boolean>;
  /** Makes the person's unused links of this purpose stop working at `at`; returns how many. */
  expireUnused(personId: string, purpose: LinkPurpose, at: Date): Promise<number>;
}

export interface ApiTokenRepository {
  create(token: ApiTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listForPerson(personId: string): Promise<ApiTokenRecord[]>;
  revoke(personId: string, id: string, at: Date): Promise<boolean>;
  /** Revokes every live token of the person except those whose name starts with keepNamePrefix; returns how many. */
  revokeForPerson(personId: string, at: Date, keepNamePrefix: string): Promise<number>;
  touch(id: string, at: Date): Promise<void>;
}

export interface RateLimitRepository {
  /** Counts one more event for the key in a fixed window; returns the count so far. */
  hit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }>;
  peek(key: string, now: Date): Promise<{ count: number; resetAt: Date } | null>;
  clear(key: string): Promise<void>;
}

/**
 * Judges a new password beyond its length: common and breached-style passwords, and the person's own
 * name and e-mail address. Returns why it is refused, or null when it is acceptable.
 */
export interface PasswordPolicy {
  weakness(password: string, personal: string[]): string | null;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
