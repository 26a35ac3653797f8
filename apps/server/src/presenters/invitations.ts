import Papa from "papaparse";
import type { BulkInviteOutcome, InvitationStatus, Person } from "@ascent/core";
import type { TBulkInviteResult, TInvitationStatus } from "@ascent/contract";

export const INVITATION_CSV_COLUMNS = ["name", "email", "link", "expires"] as const;

/**
 * The new invitation links as CSV, one row per person. Papa quotes commas, quotes and line breaks;
 * cells a spreadsheet would run as a formula (=, +, -, @, tab, return) get a leading quote.
 */
export function presentInvitationLinksCsv(invited: BulkInviteOutcome["invited"]): string {
  const rows = invited.flatMap(({ person, url, expiresAt }) =>
    url ? [[person.name, person.email, url, expiresAt.toISOString()]] : [],
  );
  return `${Papa.unparse({ fields: [...INVITATION_CSV_COLUMNS], data: rows }, { escapeFormulae: true })}\r\n`;
}

const invitee = (person: Person) => ({ id: person.id, name: person.name, email: person.email });

export function presentBulkInvite(outcome: BulkInviteOutcome): TBulkInviteResult {
  const hasLinks = outcome.invited.some((entry) => entry.url !== null);
  return {
    dryRun: outcome.dryRun,
    transport: outcome.transport,
    invited: outcome.invited.map(({ person, expiresAt }) => ({
      ...invitee(person),
      expiresAt: expiresAt.toISOString(),
    })),
    skippedCounts: outcome.skippedCounts,
    skipped: outcome.skipped.map(({ person, reason, expiresAt }) => ({
      ...invitee(person),
      reason,
      expiresAt: expiresAt?.toISOString() ?? null,
    })),
    linksCsv: hasLinks ? presentInvitationLinksCsv(outcome.invited) : null,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentInvitationStatus(status: InvitationStatus): TInvitationStatus {
  return {
    personId: status.personId,
    state: status.state,
    invitedAt: iso(status.invitedAt),
    expiresAt: iso(status.expiresAt),
    acceptedAt: iso(status.acceptedAt),
  };
}
