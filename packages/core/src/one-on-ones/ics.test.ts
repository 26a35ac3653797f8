import { describe, expect, it } from "vitest";
import { buildRecurringEventIcs, describeAgenda, escapeIcsText, foldIcsLine, formatIcsDate } from "./ics.ts";
import type { Agenda } from "./one-on-one.ts";

/** UTF-8 octets of a string, as a calendar application counts them. */
const octets = (text: string) => new TextEncoder().encode(text).length;

/** RFC 5545 unfolding: a CRLF followed by one space or tab joins the lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

const event = {
  uid: "0b6c-1@ascent",
  start: new Date("2026-03-02T09:30:00Z"),
  durationMinutes: 30,
  repeat: "biweekly" as const,
  summary: "1:1: Dana Director and Mia Member",
  description: `Playbook: PM and Director\n\n1. Strategic alignment\n- ${"Which part of the strategy, if any; feels off? ".repeat(4)}`,
  stamp: new Date("2026-02-20T12:00:00.123Z"),
};

describe("buildRecurringEventIcs", () => {
  const ics = buildRecurringEventIcs(event);
  const lines = ics.split("\r\n");

  it("writes one VEVENT in a VCALENDAR with CRLF line endings only", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("carries the UID, DTSTAMP, DTSTART in UTC, the duration and the RRULE", () => {
    const unfolded = unfold(ics).split("\r\n");
    expect(unfolded).toContain("UID:0b6c-1@ascent");
    expect(unfolded).toContain("DTSTAMP:20260220T120000Z");
    expect(unfolded).toContain("DTSTART:20260302T093000Z");
    expect(unfolded).toContain("DURATION:PT30M");
    expect(unfolded).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2");
    expect(unfolded).toContain("SUMMARY:1:1: Dana Director and Mia Member");
  });

  it("folds every line to at most 75 octets and unfolds back to the escaped description", () => {
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const description = unfold(ics)
      .split("\r\n")
      .find((line) => line.startsWith("DESCRIPTION:"));
    expect(description).toBe(`DESCRIPTION:${escapeIcsText(event.description)}`);
  });

  it("uses the right RRULE for each cadence", () => {
    expect(buildRecurringEventIcs({ ...event, repeat: "weekly" })).toContain("\r\nRRULE:FREQ=WEEKLY\r\n");
    expect(buildRecurringEventIcs({ ...event, repeat: "monthly" })).toContain("\r\nRRULE:FREQ=MONTHLY\r\n");
  });
});

describe("ICS text helpers", () => {
  it("escapes backslashes, semicolons, commas and line breaks, and drops other control characters", () => {
    expect(escapeIcsText("a\\b;c,d\r\ne\nf\u0007g\th")).toBe("a\\\\b\\;c\\,d\\ne\\nfg\th");
  });

  it("never splits a multi-byte character when folding", () => {
    const line = `DESCRIPTION:${"Équipe 🚀 ".repeat(20)}`;
    const folded = foldIcsLine(line);
    for (const piece of folded.split("\r\n")) expect(octets(piece)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("leaves a short line alone and formats dates in UTC", () => {
    expect(foldIcsLine("VERSION:2.0")).toBe("VERSION:2.0");
    expect(formatIcsDate(new Date("2026-12-31T23:59:59.999Z"))).toBe("20261231T235959Z");
  });

  it("describes the agenda aspect by aspect, then the open action items", () => {
    const agenda: Agenda = {
      playbook: {
        id: "p",
        name: "PM and Director",
        lowerLevelId: "pm",
        upperLevelId: "director",
        isNearestPair: false,
      },
      aspects: [{ id: "a", name: "Roadmap", leadBrings: "", reportBrings: "", prompts: ["Why now?"] }],
      carriedOver: [{ id: "i", text: "Send the plan", ownerId: "x", isDone: false }],
    };
    expect(describeAgenda(agenda)).toBe(
      "Playbook: PM and Director\n\n1. Roadmap\n- Why now?\n\nOpen action items:\n- Send the plan",
    );
  });
});
