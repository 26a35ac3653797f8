import Papa from "papaparse";
import type { AuditEvent, Person } from "@ascent/core";
import type { TAccessLogEntry, TAuditEvent } from "@ascent/contract";

/** The people an event names, by id; someone missing there no longer exists. */
export type PeopleIndex = ReadonlyMap<string, Person>;

function presentAuditPerson(id: string | null, people: PeopleIndex) {
  if (!id) return null;
  const person = people.get(id);
  return { id, name: person?.name ?? null, email: person?.email ?? null };
}

export function presentAuditEvent(event: AuditEvent, people: PeopleIndex): TAuditEvent {
  return {
    id: event.id,
    at: event.at.toISOString(),
    kind: event.kind,
    action: event.action,
    actor: presentAuditPerson(event.actorId, people),
    subject: presentAuditPerson(event.subjectId, people),
    targetType: event.targetType,
    targetId: event.targetId,
    details: event.details,
  };
}

/** A read of the owner's things: who read what and when; nothing else of the reader is shown. */
export function presentAccessLogEntry(event: AuditEvent, people: PeopleIndex): TAccessLogEntry {
  const reader = event.actorId ? people.get(event.actorId) : undefined;
  return {
    id: event.id,
    at: event.at.toISOString(),
    reader: reader ? { id: reader.id, name: reader.name } : null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
  };
}

export const AUDIT_CSV_COLUMNS = ["at", "actor_email", "action", "subject_email", "target", "details"] as const;

/**
 * The write log as CSV. Papa quotes commas, quotes and line breaks; cells that a spreadsheet
 * would run as a formula (=, +, -, @) are prefixed with a quote so opening the file is safe.
 */
export function presentAuditCsv(events: readonly AuditEvent[], people: PeopleIndex): string {
  const emailOf = (id: string | null) => (id ? (people.get(id)?.email ?? id) : "");
  const rows = events.map((event) => [
    event.at.toISOString(),
    emailOf(event.actorId),
    event.action,
    emailOf(event.subjectId),
    event.targetType ? `${event.targetType}:${event.targetId}` : event.targetId,
    event.details ? JSON.stringify(event.details) : "",
  ]);
  return `${Papa.unparse({ fields: [...AUDIT_CSV_COLUMNS], data: rows }, { escapeFormulae: true })}\r\n`;
}
