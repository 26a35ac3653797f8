import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { assertAdmin } from "../access/access.ts";
import type { PeopleRepository } from "../people/ports.ts";
import { normalizeEmail, type Person } from "../people/person.ts";
import type {
  AccountRecord,
  AccountRepository,
  ApiTokenRecord,
  ApiTokenRepository,
  LinkPurpose,
  OneTimeLinkRecord,
  OneTimeLinkRepository,
  PasswordHasher,
  PasswordPolicy,
  RateLimitRepository,
  SessionRecord,
  SessionRepository,
} from "./ports.ts";
import { hashToken, randomToken, sessionHandle } from "./tokens.ts";
import { NO_MEMO, type Memo, type Remembered } from "../caching/memo.ts";
import type { AuditRepository } from "../audit/audit.ts";

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** How long an invite or admin-made reset link works. */
export const LINK_TTL_MS = 7 * 24 * 3600 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins allowed in a window. Counted per account and client address together, so that a
 * flood from one address slows that address down without locking the owner out from their own; a
 * whole address is limited only when the server trusts a proxy to tell it the real client address.
 */
export const LOGIN_LIMITS = { perAccountAndIp: 5, perIp: 30 } as const;
const TOKEN_PREFIX = "asc_";
/**
 * The name of the token a server issues for the command line on its own machine. It lives as long
 * as the server runs, so it is kept out of the owner's token list, and nobody else may take the name.
 */
export const LOCAL_TOKEN_NAME = "ascent command on this machine";

export interface AccountPorts {
  people: PeopleRepository;
  accounts: AccountRepository;
  sessions: SessionRepository;
  links: OneTimeLinkRepository;
  tokens: ApiTokenRepository;
  rateLimits: RateLimitRepository;
  hasher: PasswordHasher;
  /** The shortest password accepted; the server passes the contract's limit, which the web forms show. */
  passwordMinLength: number;
  /** Refuses common passwords and ones built from the person's own name or e-mail address. */
  passwordPolicy?: PasswordPolicy;
  /**
   * Limit every account behind one client address too. Only sensible when the address is the real
   * client's (a trusted proxy configuration): behind a proxy without it, one address is everyone.
   */
  limitWholeIp?: boolean;
  /** Sign-ins, password changes, links and tokens are written to the audit log. */
  audit: AuditRepository;
  /** Keeps who is behind a session or token between requests (the person's changes drop it). */
  memo?: Memo;
  /** SHA-256 of a token as hex; by default Web Crypto's, which is asynchronous and slower per call. */
  hashToken?: (token: string) => Promise<string>;
  now?: () => Date;
}

/** Writing the last-seen time on every request would make each read cost a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;
const NOTHING_TO_KEEP: Remembered<null> = { value: null, dependsOn: [], keep: false };

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  person: Person;
  isAdmin: boolean;
  /** Set while an admin-made reset keeps the person's private content sealed: they are told at sign-in. */
  privateSealedAt: Date | null;
}

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

function assertPasswordStrength(
  password: string,
  minLength: number,
  policy: PasswordPolicy | undefined,
  person: Pick<Person, "name" | "email"> | null,
): void {
  const field = "body.password";
  if (password.length < minLength) {
    throw new AppError("validation_failed", `The password must have at least ${minLength} characters`, [
      { path: field, message: `at least ${minLength} characters` },
    ]);
  }
  const personal = person
    ? [person.name, person.email, ...person.email.split(/[@.]/), ...person.name.split(/\s+/)]
    : [];
  const weakness = policy?.weakness(
    password,
    personal.filter((word) => word.length > 0),
  );
  if (weakness) {
    throw new AppError("validation_failed", `The password is too easy to guess: ${weakness}`, [
      { path: field, message: weakness },
    ]);
  }
}

const INVALID_LOGIN = () => new AppError("unauthenticated", "Wrong email or password");

/** Sign-in, sessions, one-time links and API tokens. Only hashes of secrets are stored. */
export class AccountService {
  private readonly now: () => Date;
  private readonly memo: Memo;
  private readonly hashToken: (token: string) => Promise<string>;

  constructor(private readonly ports: AccountPorts) {
    this.now = ports.now ?? (() => new Date());
    this.memo = ports.memo ?? NO_MEMO;
    this.hashToken = ports.hashToken ?? hashToken;
  }

  /** An audit entry of something a person did to their own account. */
  private recordOwn(personId: string, action: string, target?: { targetType: string; targetId: string }) {
    return this.ports.audit.record({ kind: "write", actorId: personId, action, subjectId: personId, ...target });
  }

  private async assertNotLimited(key: string, limit: number): Promise<void> {
    const state = await this.ports.rateLimits.peek(key, this.now());
    if (state && state.count >= limit) {
      const error = new AppError("rate_limited", "Too many failed sign-in attempts; try again later");
      error.retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt.getTime() - this.now().getTime()) / 1000));
      throw error;
    }
  }

  /**
   * A hash of a password nobody knows, made once, that a sign-in to an unknown account is checked
   * against: every sign-in then costs one argon2 verification, so timing does not tell which exist.
   */
  private dummyHash: Promise<string> | null = null;

  private async verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash !== null) return this.ports.hasher.verify(passwordHash, password);
    this.dummyHash ??= this.ports.hasher.hash(randomToken());
    await this.ports.hasher.verify(await this.dummyHash, password);
    return false;
  }

  async login(emailInput: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const email = normalizeEmail(emailInput);
    const pairKey = `login:account-ip:${email}|${client.ip}`;
    const ipKey = `login:ip:${client.ip}`;
    const limitIp = this.ports.limitWholeIp === true;
    await this.assertNotLimited(pairKey, LOGIN_LIMITS.perAccountAndIp);
    if (limitIp) await this.assertNotLimited(ipKey, LOGIN_LIMITS.perIp);
    const person = await this.ports.people.findByEmail(email);
    const account = person ? await this.ports.accounts.find(person.id) : null;
    const usable = person !== null && person.status === "active" && account?.passwordHash != null;
    const matches = await this.verifyPassword(usable ? (account?.passwordHash ?? null) : null, password);
    if (!matches || !person || !account) {
      await this.ports.rateLimits.hit(pairKey, LOGIN_WINDOW_MS, this.now());
      if (limitIp) await this.ports.rateLimits.hit(ipKey, LOGIN_WINDOW_MS, this.now());
      throw INVALID_LOGIN();
    }
    await this.ports.rateLimits.clear(pairKey);
    const signedIn = await this.startSession(person, account, client);
    await this.recordOwn(person.id, "auth.login");
    return signedIn;
  }

  private async startSession(person: Person, account: AccountRecord, client: ClientInfo): Promise<SignedIn> {
    const sessionToken = randomToken();
    const csrfToken = randomToken(18);
    const now = this.now();
    await this.ports.sessions.create({
      tokenHash: await this.hashToken(sessionToken),
      personId: person.id,
      csrfToken,
      userAgent: client.userAgent.slice(0, 300),
      ip: client.ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    return { sessionToken, csrfToken, person, isAdmin: account.isAdmin, privateSealedAt: account.privateSealedAt };
  }

  /** The viewer behind a session cookie, or null when it is unknown, expired or its person inactive. */
  async authenticateSession(sessionToken: string): Promise<{ viewer: Viewer; session: SessionRecord } | null> {
    const tokenHash = await this.hashToken(sessionToken);
    const found = await this.memo.remember(`session:${tokenHash}`, async () => {
      const session = await this.ports.sessions.find(tokenHash);
      if (!session) return NOTHING_TO_KEEP;
      const viewer = session.expiresAt > this.now() ? await this.viewerFor(session.personId, "session") : null;
      return {
        value: { session, viewer },
        dependsOn: [session.personId],
        validUntil: session.expiresAt,
        keep: viewer !== null,
      };
    });
    if (!found) return null;
    const now = this.now();
    if (found.session.expiresAt <= now) {
      await this.ports.sessions.delete(tokenHash);
      return null;
    }
    if (!found.viewer) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.ports.sessions.touch(tokenHash, now);
      // The kept record follows the write, which (by design) tells no cache anything.
      found.session.lastSeenAt = now;
    }
    return { viewer: found.viewer, session: found.session };
  }

  async authenticateApiToken(token: string): Promise<Viewer | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const tokenHash = await this.hashToken(token);
    const found = await this.memo.remember(`token:${tokenHash}`, async () => {
      const record = await this.ports.tokens.findByHash(tokenHash);
      if (!record || record.revokedAt) return NOTHING_TO_KEEP;
      const viewer = await this.viewerFor(record.personId, "token");
      return viewer ? { value: { record, viewer }, dependsOn: [record.personId] } : NOTHING_TO_KEEP;
    });
    if (!found) return null;
    const now = this.now();
    if (!found.record.lastUsedAt || now.getTime() - found.record.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.ports.tokens.touch(found.record.id, now);
      found.record.lastUsedAt = now;
    }
    return found.viewer;
  }

  private async viewerFor(personId: string, via: Viewer["via"]): Promise<Viewer | null> {
    const [person, account] = await Promise.all([
      this.ports.people.findById(personId),
      this.ports.accounts.find(personId),
    ]);
    if (!person || person.status !== "active") return null;
    return {
      personId,
      name: person.name,
      isAdmin: account?.isAdmin ?? false,
      via,
      privateSealedAt: account?.privateSealedAt ?? null,
    };
  }

  personOf(personId: string): Promise<Person | null> {
    return this.ports.people.findById(personId);
  }

  async logout(sessionToken: string): Promise<void> {
    await this.ports.sessions.delete(await this.hashToken(sessionToken));
  }

  /**
   * The person ends every session of their own and revokes their API tokens (all but the server's
   * own token for the command line on its machine, which dies with the server).
   */
  async logoutEverywhere(personId: string): Promise<{ ended: number; tokensRevoked: number }> {
    const ended = await this.endSessionsOf(personId);
    const tokensRevoked = await this.revokeTokensOf(personId);
    await this.recordOwn(personId, "auth.logout_everywhere");
    return { ended, tokensRevoked };
  }

  private revokeTokensOf(personId: string): Promise<number> {
    return this.ports.tokens.revokeForPerson(personId, this.now(), LOCAL_TOKEN_NAME);
  }

  /** Ends every session of the person, for another use case that writes its own audit entry. */
  endSessionsOf(personId: string): Promise<number> {
    return this.ports.sessions.deleteForPerson(personId);
  }

  async listSessions(personId: string, currentTokenHash?: string) {
    const sessions = await this.ports.sessions.listForPerson(personId);
    return sessions.map((s) => ({
      id: sessionHandle(s.tokenHash),
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      isCurrent: s.tokenHash === currentTokenHash,
    }));
  }

  async revokeSession(personId: string, handle: string): Promise<void> {
    const session = (await this.ports.sessions.listForPerson(personId)).find(
      (s) => sessionHandle(s.tokenHash) === handle,
    );
    if (!session) throw new AppError("not_found", `No session "${handle}"`);
    await this.ports.sessions.delete(session.tokenHash);
  }

  async changePassword(personId: string, current: string, next: string, keepSessionHash?: string): Promise<void> {
    const account = await this.ports.accounts.find(personId);
    if (!account?.passwordHash || !(await this.ports.hasher.verify(account.passwordHash, current))) {
      throw new AppError("validation_failed", "The current password is wrong", [
        { path: "body.currentPassword", message: "does not match" },
      ]);
    }
    assertPasswordStrength(
      next,
      this.ports.passwordMinLength,
      this.ports.passwordPolicy,
      await this.ports.people.findById(personId),
    );
    await this.ports.accounts.setPassword(personId, await this.ports.hasher.hash(next), this.now());
    await this.ports.sessions.deleteForPerson(personId, keepSessionHash);
    await this.revokeTokensOf(personId);
    await this.recordOwn(personId, "account.password_changed");
  }

  /** An invite or reset link's secret, shown once to the admin who made it (none for the first admin's). */
  async createOneTimeLink(
    personId: string,
    purpose: LinkPurpose,
    createdBy: Viewer | null,
    ttlMs: number = LINK_TTL_MS,
    isMailedPrivately = false,
  ): Promise<string> {
    if (createdBy !== null) assertAdmin(createdBy);
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    await this.ports.accounts.upsert({ personId });
    const token = randomToken();
    const now = this.now();
    await this.ports.links.create({
      tokenHash: await this.hashToken(token),
      personId,
      purpose,
      createdBy: createdBy?.personId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
      isMailedPrivately,
    });
    if (createdBy !== null) {
      await this.ports.audit.record({
        kind: "write",
        actorId: createdBy.personId,
        action: `account.${purpose}_link_created`,
        subjectId: personId,
      });
    }
    return token;
  }

  /**
   * Invite links for many people at once, for the bulk invitation, which checks the people first and
   * writes one audit entry for the whole batch (so none is written here). Each link works as long as
   * one made by createOneTimeLink. `key` is a short, non-secret handle of the link (for mail send keys).
   */
  async createInviteLinks(
    personIds: readonly string[],
    createdBy: Viewer,
    isMailedPrivately: boolean,
  ): Promise<Map<string, { token: string; key: string; expiresAt: Date }>> {
    assertAdmin(createdBy);
    const made = new Map<string, { token: string; key: string; expiresAt: Date }>();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
    const records: OneTimeLinkRecord[] = [];
    for (const personId of personIds) {
      const token = randomToken();
      const tokenHash = await this.hashToken(token);
      records.push({
        tokenHash,
        personId,
        purpose: "invite",
        createdBy: createdBy.personId,
        createdAt: now,
        expiresAt,
        usedAt: null,
        isMailedPrivately,
      });
      made.set(personId, { token, key: sessionHandle(tokenHash), expiresAt });
    }
    // Two writes for the whole batch: a thousand people are invited in one request.
    await this.ports.accounts.ensureMany(personIds);
    await this.ports.links.createMany(records);
    return made;
  }

  /**
   * A reset link for the person behind an address, to be mailed to that address only; null when the
   * address names nobody who could sign in (no one, someone inactive, or someone never set up).
   */
  async createEmailedResetLink(
    email: string,
    ttlMs: number,
    isMailedPrivately: boolean,
  ): Promise<{ token: string; person: Person } | null> {
    const person = await this.ports.people.findByEmail(normalizeEmail(email));
    if (!person || person.status !== "active") return null;
    const account = await this.ports.accounts.find(person.id);
    if (!account?.passwordHash) return null;
    return { token: await this.createOneTimeLink(person.id, "reset", null, ttlMs, isMailedPrivately), person };
  }

  /**
   * Whether an admin changed the person's address since the person last set their own password: a
   * reset mailed to that address then went where an admin chose, so it seals like an admin's reset.
   */
  private async addressChangedByOthers(personId: string, since: Date): Promise<boolean> {
    const events = await this.ports.audit.list({ kind: "write", subjectId: personId, since, limit: 1000 });
    return events.some((event) => {
      const changes = event.details?.["changes"];
      return (
        event.action === "person.update" &&
        event.actorId !== personId &&
        typeof changes === "object" &&
        changes !== null &&
        "email" in changes
      );
    });
  }

  async describeLink(token: string): Promise<{ purpose: LinkPurpose; name: string; email: string }> {
    const link = await this.ports.links.find(await this.hashToken(token));
    if (!link || link.usedAt || link.expiresAt <= this.now()) {
      throw new AppError("not_found", "This link is unknown, expired or already used; ask an admin for a new one");
    }
    const person = await this.ports.people.findById(link.personId);
    if (!person) throw new AppError("not_found", "The person of this link no longer exists");
    return { purpose: link.purpose, name: person.name, email: person.email };
  }

  /** Sets the password from a one-time link and signs the person in. */
  async redeemLink(token: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const described = await this.describeLink(token);
    assertPasswordStrength(password, this.ports.passwordMinLength, this.ports.passwordPolicy, described);
    const tokenHash = await this.hashToken(token);
    const link = await this.ports.links.find(tokenHash);
    if (!link || !(await this.ports.links.markUsed(tokenHash, this.now()))) {
      throw new AppError("not_found", "This link was already used; ask an admin for a new one");
    }
    if (link.purpose === "invite") {
      // Accepted once is accepted: any other invitation of the person (a bulk one, a copied one)
      // stops working, so that nobody holding it can set the password again.
      await this.ports.links.expireUnused(link.personId, "invite", this.now());
    }
    const before = await this.ports.accounts.find(link.personId);
    const isAdminReset = link.purpose === "reset" && link.createdBy !== null;
    // A reset mailed over SMTP does not seal: only the person reads that mailbox (decisions/0004). One
    // kept in the outbox was readable by admins, and one sent to an address an admin changed since the
    // person last chose a password went where the admin chose: both seal like an admin's reset.
    const isSelfServiceReset = link.purpose === "reset" && link.createdBy === null;
    const isSeenByOthers =
      isSelfServiceReset &&
      before !== null &&
      (!link.isMailedPrivately ||
        (await this.addressChangedByOthers(link.personId, before.passwordChangedAt ?? before.createdAt)));
    if ((isAdminReset || isSeenByOthers) && before?.passwordHash) {
      // Whoever holds the link, admin or person, cannot read private content until the person
      // matches the password from before (decisions/0004).
      await this.ports.accounts.seal(link.personId, before.passwordHash, this.now());
    }
    await this.ports.accounts.setPassword(link.personId, await this.ports.hasher.hash(password), this.now());
    await this.ports.sessions.deleteForPerson(link.personId);
    await this.revokeTokensOf(link.personId);
    const person = await this.ports.people.findById(link.personId);
    const account = await this.ports.accounts.find(link.personId);
    if (!person || !account) throw new AppError("not_found", "The person of this link no longer exists");
    const signedIn = await this.startSession(person, account, client);
    await this.recordOwn(person.id, "auth.link_redeemed");
    if (isAdminReset && link.createdBy) {
      // In the person's access log: their account was opened with a link an admin made.
      await this.ports.audit.record({
        kind: "read",
        actorId: link.createdBy,
        action: "account.reset_link_used",
        subjectId: person.id,
      });
    }
    return signedIn;
  }

  /** Only a signed-in person makes tokens: a token cannot make more of itself. */
  /**
   * Unseals the person's private content with the password they had before an admin-made reset.
   * Only a signed-in session may try, a few times per window, so that a link holder cannot guess.
   */
  async unsealPrivateContent(viewer: Viewer, previousPassword: string, currentSessionHash?: string): Promise<void> {
    if (viewer.via !== "session") throw new AppError("forbidden", "Sign in to unseal your private content");
    const account = await this.ports.accounts.find(viewer.personId);
    if (!account?.privateSealedAt || !account.previousPasswordHash) {
      throw new AppError("conflict", "Nothing of yours is sealed");
    }
    const key = `unseal:${viewer.personId}`;
    await this.assertNotLimited(key, LOGIN_LIMITS.perAccountAndIp);
    if (!(await this.ports.hasher.verify(account.previousPasswordHash, previousPassword))) {
      await this.ports.rateLimits.hit(key, LOGIN_WINDOW_MS, this.now());
      throw new AppError("validation_failed", "That is not the password you had before the reset", [
        { path: "body.previousPassword", message: "does not match the password from before the reset" },
      ]);
    }
    await this.ports.rateLimits.clear(key);
    await this.ports.accounts.unseal(viewer.personId);
    // Whoever else signed in with the reset password (the admin, perhaps) must not inherit the unsealing.
    await this.ports.sessions.deleteForPerson(viewer.personId, currentSessionHash);
    await this.revokeTokensOf(viewer.personId);
    await this.recordOwn(viewer.personId, "account.private_unsealed");
  }

  async createApiToken(
    personId: string,
    name: string,
    via: Viewer["via"] = "session",
  ): Promise<{ token: string; record: ApiTokenRecord }> {
    if (via === "token") {
      throw new AppError("forbidden", "An API token cannot create API tokens; sign in to make one");
    }
    if (name.trim().toLowerCase().startsWith(LOCAL_TOKEN_NAME)) {
      throw new AppError("validation_failed", `The token name "${LOCAL_TOKEN_NAME}" is reserved for the server`, [
        { path: "body.name", message: "reserved: choose another name" },
      ]);
    }
    return this.issueApiToken(personId, name);
  }

  private async issueApiToken(personId: string, name: string): Promise<{ token: string; record: ApiTokenRecord }> {
    const id = randomToken(6);
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const record: ApiTokenRecord = {
      id,
      personId,
      name,
      tokenHash: await this.hashToken(token),
      createdAt: this.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.ports.tokens.create(record);
    await this.recordOwn(personId, "account.token_created", { targetType: "api_token", targetId: id });
    return { token, record };
  }

  async listApiTokens(personId: string): Promise<ApiTokenRecord[]> {
    const tokens = await this.ports.tokens.listForPerson(personId);
    return tokens.filter((token) => !token.name.startsWith(LOCAL_TOKEN_NAME));
  }

  async revokeApiToken(personId: string, id: string): Promise<void> {
    if (!(await this.ports.tokens.revoke(personId, id, this.now()))) {
      throw new AppError("not_found", `No API token "${id}"`);
    }
    await this.recordOwn(personId, "account.token_revoked", { targetType: "api_token", targetId: id });
  }

  /**
   * An API token of the longest-standing active admin, for the `ascent` command on the server's own
   * machine (the server leaves it in its data folder, readable by its owner only, and revokes it on
   * shutdown). Null when no active admin exists.
   */
  async createLocalAdminToken(
    server: string,
  ): Promise<{ token: string; record: ApiTokenRecord; person: Person } | null> {
    for (const personId of await this.ports.accounts.listAdminIds()) {
      const person = await this.ports.people.findById(personId);
      if (person?.status === "active") {
        return { ...(await this.issueApiToken(personId, `${LOCAL_TOKEN_NAME} (${server})`)), person };
      }
    }
    return null;
  }

  /**
   * On an empty database, makes the first admin and returns their one-time sign-in link's token;
   * null when any account exists already.
   */
  async ensureFirstAdmin(): Promise<{ token: string; person: Person } | null> {
    if ((await this.ports.accounts.count()) > 0) return null;
    const email = "admin@ascent.local";
    const person =
      (await this.ports.people.findByEmail(email)) ??
      (await this.ports.people.create({ name: "Administrator", email, title: "Ascent administrator" }));
    await this.ports.accounts.upsert({ personId: person.id, isAdmin: true });
    const token = await this.createOneTimeLink(person.id, "first-admin", null);
    return { token, person };
  }

  async setPasswordDirectly(personId: string, password: string, isAdmin?: boolean): Promise<void> {
    await this.setSharedPasswordDirectly([personId], password, isAdmin);
  }

  /**
   * One password for several accounts, hashed once (the demo organisation's public password: a shared
   * salt gives nothing away that the login page does not already show). Each is checked for strength
   * against its own person.
   */
  async setSharedPasswordDirectly(personIds: string[], password: string, isAdmin?: boolean): Promise<void> {
    for (const personId of personIds) {
      assertPasswordStrength(
        password,
        this.ports.passwordMinLength,
        this.ports.passwordPolicy,
        await this.ports.people.findById(personId),
      );
    }
    const passwordHash = await this.ports.hasher.hash(password);
    for (const personId of personIds) {
      await this.ports.accounts.upsert({ personId, ...(isAdmin === undefined ? {} : { isAdmin }) });
      await this.ports.accounts.setPassword(personId, passwordHash, this.now());
    }
  }
}
