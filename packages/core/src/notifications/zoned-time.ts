/**
 * Wall-clock time in a person's IANA time zone, from the runtime's own time-zone database (Intl): core
 * stays free of dependencies, and the runtime's tzdata is the one the rest of the process uses.
 */

/** A wall-clock reading: a local date and the minutes since its midnight. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the zone by this name ("Europe/Berlin", "UTC"); offsets and abbreviations are not zones. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

function partsAt(instant: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The wall clock in the zone at an instant. */
export function localTimeAt(instant: Date, timeZone: string): LocalTime {
  const p = partsAt(instant, timeZone);
  return { year: p.year!, month: p.month!, day: p.day!, minutes: p.hour! * 60 + p.minute! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = partsAt(new Date(epochMs), timeZone);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in the zone. A time the clocks skip (spring forward) moves on
 * by the size of the jump, 02:30 becoming 03:30; a time that happens twice (fall back) is the later one,
 * so a quiet window never ends before the person's clock has passed its end both times.
 */
export function instantOf(local: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  // The zone's offsets a day either side: around a change they differ, and each gives a candidate.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const shown = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (shown.length > 0) return new Date(Math.max(...shown));
  return new Date(wall - before);
}

/** The local date `days` after the given one (negative goes back), with the minutes given. */
export function shiftDays(local: LocalTime, days: number, minutes = local.minutes): LocalTime {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), minutes };
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(local: LocalTime): number {
  return (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
}

export function dateKey(local: LocalTime): string {
  return `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
}

/** "22:30" → 1350; null for anything that is not a 24-hour clock time. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
