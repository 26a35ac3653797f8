import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AccountService } from "../accounts/account-service.ts";
import { LINK_TTL_MS } from "../accounts/account-service.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { composeMail } from "../notifications/compose-mail.ts";
import type { JobQueue, MailMessage } from "../notifications/ports.ts";
import type { Person } from "../people/person.ts";
import type { PeopleFilter, PeopleRepository } from "../people/ports.ts";
import { invitationStatusOf, type InvitationStatus } from "./invitation.ts";
import type { InvitationFacts, InvitationRepository } from "./ports.ts";

/** Whom to invite: named people, or everyone active that the people list shows with a filter. */
export type InviteSelection =
  { personIds: readonly string[] } | { filter: Pick<PeopleFilter, "search" | "team" | "levelId"> };

export type InviteSkipReason = "signed_up" | "already_invited" | "inactive";

export interface BulkInviteOptions {
  /** Send a fresh link to people whose invitation still works; their earlier links stop working. */
  resend: boolean;
  /** Decide only: nothing is created, sent or audited. */
  dryRun: boolean;
}

export interface BulkInviteOutcome {
  dryRun: boolean;
  transport: "smtp" | "outbox";
  /** `url` is the invitation link, given only when the mail went to the outbox (admins read it there anyway). */
  invited: { person: Person; expiresAt: Date; url: string | null }[];
  skipped: { person: Person; reason: InviteSkipReason; expiresAt: Date | null }[];
  skippedCounts: Record<InviteSkipReason, number>;
}

export interface InvitationPorts {
  people: Pick<PeopleRepository, "list" | "countAll">;
  invitations: InvitationRepository;
  links: Pick<AccountService, "createInviteLinks">;
  jobs: JobQueue;
  audit: AuditRepository;
  /** How mail leaves: over SMTP the links reach each person alone; in the outbox admins can read them. */
  transport: () => "smtp" | "outbox";
  publicUrl: () => string;
  /** The most people one request may name, or one filter may invite (the contract's limit). */
  maxPeople: number;
  now: () => Date;
}

/** Facts are read in chunks, so that a filter over a large organisation stays within query limits. */
const FACTS_CHUNK = 1000;

/**
 * Bulk invitations: an admin invites everyone in a selection who has not signed up, in one action.
 * People whose invitation still works are skipped unless `resend` is set (so a second click sends no
 * second mail); people who signed up, and inactive people, are always skipped and counted.
 */
export class InvitationService {
  constructor(private readonly ports: InvitationPorts) {}

  async invite(viewer: Viewer, selection: InviteSelection, options: BulkInviteOptions): Promise<BulkInviteOutcome> {
    assertAdmin(viewer);
    const people = await this.select(selection);
    const facts = await this.factsFor(people.map((person) => person.id));
    const now = this.ports.now();
    const transport = this.ports.transport();
    const toInvite: { person: Person; wasInvited: boolean }[] = [];
    const skipped: BulkInviteOutcome["skipped"] = [];
    const skippedCounts: Record<InviteSkipReason, number> = { signed_up: 0, already_invited: 0, inactive: 0 };
    const skip = (person: Person, reason: InviteSkipReason, expiresAt: Date | null) => {
      skippedCounts[reason] += 1;
      if (skipped.length < this.ports.maxPeople) skipped.push({ person, reason, expiresAt });
    };
    people.forEach((person, index) => {
      const status = invitationStatusOf(facts[index] as InvitationFacts, now);
      if (status.state === "accepted") skip(person, "signed_up", null);
      else if (person.status !== "active") skip(person, "inactive", null);
      else if (status.state === "invited" && !options.resend) skip(person, "already_invited", status.expiresAt);
      else toInvite.push({ person, wasInvited: status.state === "invited" });
    });
    if (toInvite.length > this.ports.maxPeople) {
      throw new AppError(
        "validation_failed",
        `${toInvite.length} people would be invited; at most ${this.ports.maxPeople} at once: narrow the filter`,
        [
          {
            path: "body.filter",
            message: `matches ${toInvite.length} people to invite, more than ${this.ports.maxPeople}`,
          },
        ],
      );
    }
    if (options.dryRun || toInvite.length === 0) {
      const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
      return {
        dryRun: options.dryRun,
        transport,
        invited: toInvite.map(({ person }) => ({ person, expiresAt, url: null })),
        skipped,
        skippedCounts,
      };
    }
    const resentIds = toInvite.filter((entry) => entry.wasInvited).map((entry) => entry.person.id);
    if (resentIds.length > 0) await this.ports.invitations.expireUnusedInvites(resentIds, now);
    const isMailedPrivately = transport === "smtp";
    const links = await this.ports.links.createInviteLinks(
      toInvite.map(({ person }) => person.id),
      viewer,
      isMailedPrivately,
    );
    const invited: BulkInviteOutcome["invited"] = [];
    const mails: MailMessage[] = [];
    for (const { person } of toInvite) {
      const link = links.get(person.id);
      if (!link) throw new AppError("internal", `No invitation link was made for ${person.id}`);
      const url = `${this.ports.publicUrl()}/welcome/${link.token}`;
      mails.push(invitationMail(person, viewer, url, link.key, link.expiresAt));
      invited.push({ person, expiresAt: link.expiresAt, url: isMailedPrivately ? null : url });
    }
    await this.enqueueMails(mails);
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "account.bulk_invite",
      targetType: "invitation",
      targetId: "bulk",
      details: {
        count: invited.length,
        resent: resentIds.length,
        transport,
        // Over the outbox the links come back to the admin (for the CSV): say so in the log.
        linksShownToAdmin: isMailedPrivately ? 0 : invited.length,
        skipped: skippedCounts,
      },
    });
    return { dryRun: false, transport, invited, skipped, skippedCounts };
  }

  /**
   * Where each person stands with their invitation, in the order asked. Ids of people who no longer
   * exist are left out rather than refused: a list on screen may still show someone just removed.
   */
  async statuses(viewer: Viewer, personIds: readonly string[]): Promise<InvitationStatus[]> {
    assertAdmin(viewer);
    const unique = [...new Set(personIds)];
    const { people } = await this.ports.people.list({ ids: unique, limit: Math.max(1, unique.length) });
    const known = new Set(people.map((person) => person.id));
    const facts = await this.factsFor(unique.filter((id) => known.has(id)));
    const now = this.ports.now();
    return facts.map((entry) => invitationStatusOf(entry, now));
  }

  private async enqueueMails(mails: MailMessage[]): Promise<void> {
    const { jobs } = this.ports;
    if (jobs.enqueueMany) return jobs.enqueueMany("mail.send", mails);
    for (const mail of mails) await jobs.enqueue("mail.send", mail);
  }

  private async select(selection: InviteSelection): Promise<Person[]> {
    if ("personIds" in selection) return this.byIds(selection.personIds);
    const total = await this.ports.people.countAll();
    const { people } = await this.ports.people.list({
      ...selection.filter,
      status: "active",
      limit: Math.max(1, total),
    });
    return people;
  }

  /** The people with these ids, in the order given, once each; an unknown id is named in a 404. */
  private async byIds(ids: readonly string[]): Promise<Person[]> {
    const unique = [...new Set(ids)];
    if (unique.length > this.ports.maxPeople) {
      throw new AppError("validation_failed", `At most ${this.ports.maxPeople} people at once`, [
        { path: "body.personIds", message: `${unique.length} given, at most ${this.ports.maxPeople}` },
      ]);
    }
    if (unique.length === 0) return [];
    const { people } = await this.ports.people.list({ ids: unique, limit: unique.length });
    const byId = new Map(people.map((person) => [person.id, person]));
    const missing = unique.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new AppError(
        "not_found",
        `No person with id ${missing.map((id) => `"${id}"`).join(", ")}`,
        missing.map((id) => ({ path: `body.personIds[${ids.indexOf(id)}]`, message: `no person with id "${id}"` })),
      );
    }
    return unique.map((id) => byId.get(id) as Person);
  }

  private async factsFor(personIds: readonly string[]): Promise<InvitationFacts[]> {
    const facts: InvitationFacts[] = [];
    for (let start = 0; start < personIds.length; start += FACTS_CHUNK) {
      facts.push(...(await this.ports.invitations.factsFor(personIds.slice(start, start + FACTS_CHUNK))));
    }
    return facts;
  }
}

function formatExpiry(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** One person's invitation mail; the send key names the link, so a retried job does not send it twice. */
export function invitationMail(person: Person, inviter: Viewer, url: string, linkKey: string, expiresAt: Date) {
  return composeMail({
    sendKey: `invite:${person.id}:${linkKey}`,
    to: person.email,
    subject: "You are invited to Ascent",
    greeting: `Hello ${person.name},`,
    paragraphs: [
      `${inviter.name} invited you to Ascent, where you can read your organisation's career ladder, see where you stand and plan your next step.`,
      `Choose a password with the link below to sign in. It works once, until ${formatExpiry(expiresAt)}.`,
    ],
    action: { label: "Accept the invitation", url },
    footer: "If you did not expect this invitation, ignore this mail: no account is opened until the link is used.",
  });
}
