import type { Agenda } from "./one-on-one.ts";

export type CalendarRepeat = "weekly" | "biweekly" | "monthly";
export const CALENDAR_REPEATS: readonly CalendarRepeat[] = ["weekly", "biweekly", "monthly"];

export interface RecurringEvent {
  /** Globally unique and stable, so that importing the file again updates the same series. */
  uid: string;
  start: Date;
  durationMinutes: number;
  repeat: CalendarRepeat;
  summary: string;
  description: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
}

const CRLF = "\r\n";
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;

const RRULES: Record<CalendarRepeat, string> = {
  weekly: "FREQ=WEEKLY",
  biweekly: "FREQ=WEEKLY;INTERVAL=2",
  monthly: "FREQ=MONTHLY",
};

/** A UTC date-time in the RFC 5545 basic format: 20260302T093000Z. */
export function formatIcsDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** Control characters other than tab and line breaks are not allowed in TEXT. */
function isAllowedInText(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0x7f);
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma are escaped, line breaks become \n, and
 * other control characters are dropped.
 */
export function escapeIcsText(text: string): string {
  return [...text]
    .filter(isAllowedInText)
    .join("")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into pieces of at most 75 octets (continuations start with one space,
 * which counts), never splitting a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      pieces.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(CRLF);
}

/** A VCALENDAR holding one recurring event, with CRLF line endings and folded lines. */
export function buildRecurringEventIcs(event: RecurringEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Ascent//One-on-ones//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${formatIcsDate(event.stamp)}`,
    `DTSTART:${formatIcsDate(event.start)}`,
    `DURATION:PT${Math.round(event.durationMinutes)}M`,
    `RRULE:${RRULES[event.repeat]}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

/** The agenda as plain text for a calendar event's description. */
export function describeAgenda(agenda: Agenda): string {
  const parts: string[] = [];
  if (agenda.playbook) parts.push(`Playbook: ${agenda.playbook.name}`);
  agenda.aspects.forEach((aspect, index) => {
    parts.push("", `${index + 1}. ${aspect.name}`, ...aspect.prompts.map((prompt) => `- ${prompt}`));
  });
  if (agenda.carriedOver.length > 0) {
    parts.push("", "Open action items:", ...agenda.carriedOver.map((item) => `- ${item.text}`));
  }
  return parts.join("\n");
}
