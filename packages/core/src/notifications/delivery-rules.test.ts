import { describe, expect, it } from "vitest";
import { latestDigestMoment, mailInEffect, quietHoursEnd, resolveChoice, switchedOffReason } from "./delivery-rules.ts";
import { instantOf, isTimeZone, localTimeAt, parseClockTime } from "./zoned-time.ts";

const at = (iso: string) => new Date(iso);
const quiet = (timeZone: string, start: string, end: string) => ({
  timeZone,
  quietHours: { start: parseClockTime(start)!, end: parseClockTime(end)! },
});

describe("time zones", () => {
  it("knows IANA zones and refuses made-up names and bare offsets", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("+02:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("reads the wall clock and turns it back into the same instant", () => {
    const instant = at("2026-07-01T20:15:00Z");
    const local = localTimeAt(instant, "Asia/Kolkata");
    expect(local).toEqual({ year: 2026, month: 7, day: 2, minutes: 1 * 60 + 45 });
    expect(instantOf(local, "Asia/Kolkata").toISOString()).toBe(instant.toISOString());
  });

  it("moves a skipped time on by the jump and takes the later of a repeated time, east and west of UTC", () => {
    // Berlin springs 02:00 → 03:00 on 29 March 2026; New York on 8 March 2026.
    expect(instantOf({ year: 2026, month: 3, day: 29, minutes: 150 }, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(instantOf({ year: 2026, month: 3, day: 8, minutes: 150 }, "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // Berlin falls back 03:00 → 02:00 on 25 October 2026; New York 02:00 → 01:00 on 1 November 2026.
    expect(instantOf({ year: 2026, month: 10, day: 25, minutes: 150 }, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T01:30:00.000Z",
    );
    expect(instantOf({ year: 2026, month: 11, day: 1, minutes: 90 }, "America/New_York").toISOString()).toBe(
      "2026-11-01T06:30:00.000Z",
    );
  });
});

describe("quiet hours", () => {
  it("holds nothing outside the window, or without quiet hours", () => {
    const berlin = quiet("Europe/Berlin", "22:00", "07:00");
    expect(quietHoursEnd(at("2026-06-10T12:00:00Z"), berlin)).toBeNull();
    expect(quietHoursEnd(at("2026-06-10T23:00:00Z"), { timeZone: "Europe/Berlin", quietHours: null })).toBeNull();
    expect(quietHoursEnd(at("2026-06-10T23:00:00Z"), null)).toBeNull();
    // 07:00 local (05:00Z in summer) is the first minute after the window.
    expect(quietHoursEnd(at("2026-06-11T05:00:00Z"), berlin)).toBeNull();
  });

  it("ends a window that crosses midnight the next morning, in the person's zone", () => {
    const berlin = quiet("Europe/Berlin", "22:00", "07:00");
    // 23:30 in Berlin (CEST, UTC+2) → 07:00 next day = 05:00Z.
    expect(quietHoursEnd(at("2026-06-10T21:30:00Z"), berlin)?.toISOString()).toBe("2026-06-11T05:00:00.000Z");
    // 01:00 in Berlin, after midnight → 07:00 the same day.
    expect(quietHoursEnd(at("2026-06-10T23:00:00Z"), berlin)?.toISOString()).toBe("2026-06-11T05:00:00.000Z");
    // The same instant for someone in Tokyo (08:00 there) is outside their window.
    expect(quietHoursEnd(at("2026-06-10T23:00:00Z"), quiet("Asia/Tokyo", "22:00", "07:00"))).toBeNull();
  });

  it("handles a window inside one day", () => {
    const lunch = quiet("America/New_York", "12:00", "13:30");
    // 12:10 EDT = 16:10Z → 13:30 EDT = 17:30Z.
    expect(quietHoursEnd(at("2026-06-10T16:10:00Z"), lunch)?.toISOString()).toBe("2026-06-10T17:30:00.000Z");
    expect(quietHoursEnd(at("2026-06-10T17:30:00Z"), lunch)).toBeNull();
  });

  it("ends at the person's 07:00 across a daylight-saving change, however long the night was", () => {
    const berlin = quiet("Europe/Berlin", "22:00", "07:00");
    // Spring: 23:00 CET on 28 March is 22:00Z; 07:00 CEST on 29 March is 05:00Z (a night an hour short).
    expect(quietHoursEnd(at("2026-03-28T22:00:00Z"), berlin)?.toISOString()).toBe("2026-03-29T05:00:00.000Z");
    // Autumn: 23:00 CEST on 24 October is 21:00Z; 07:00 CET on 25 October is 06:00Z.
    expect(quietHoursEnd(at("2026-10-24T21:00:00Z"), berlin)?.toISOString()).toBe("2026-10-25T06:00:00.000Z");
    // A window ending at a time the clocks skip ends once the clock has jumped past it.
    const skipped = quiet("Europe/Berlin", "23:00", "02:30");
    expect(quietHoursEnd(at("2026-03-29T00:30:00Z"), skipped)?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("whose choice holds", () => {
  const personal = new Map([["feedback.requested", { inApp: false, mail: "weekly" as const }]]);
  const organisation = new Map([
    ["feedback.requested", { inApp: true, mail: "off" as const }],
    ["level.changed", { inApp: true, mail: "daily" as const }],
  ]);

  it("takes the person's, then the organisation's, then the app's default", () => {
    expect(resolveChoice("feedback.requested", personal, organisation)).toEqual({
      choice: { inApp: false, mail: "weekly" },
      source: "person",
    });
    expect(resolveChoice("level.changed", personal, organisation)).toEqual({
      choice: { inApp: true, mail: "daily" },
      source: "organisation",
    });
    expect(resolveChoice("promotion.stage", personal, organisation).source).toBe("app");
  });

  it("sends no mail on a channel switched off for everyone, and says why", () => {
    const emailOff = { isEmailEnabled: false, isDigestEnabled: true };
    const digestOff = { isEmailEnabled: true, isDigestEnabled: false };
    expect(mailInEffect("instant", emailOff)).toBe("off");
    expect(mailInEffect("daily", emailOff)).toBe("daily");
    expect(mailInEffect("weekly", digestOff)).toBe("off");
    expect(mailInEffect("instant", digestOff)).toBe("instant");
    expect(switchedOffReason("daily", digestOff)).toMatch(/digest/);
    expect(switchedOffReason("off", digestOff)).toBeNull();
  });
});

describe("digest moments", () => {
  it("is 08:00 on the person's clock, today once it has passed and yesterday before", () => {
    const before = latestDigestMoment(at("2026-06-10T05:00:00Z"), "Europe/Berlin", "daily");
    expect(before).toEqual({ at: at("2026-06-09T06:00:00Z"), period: "2026-06-09" });
    const after = latestDigestMoment(at("2026-06-10T06:00:00Z"), "Europe/Berlin", "daily");
    expect(after).toEqual({ at: at("2026-06-10T06:00:00Z"), period: "2026-06-10" });
  });

  it("is Monday 08:00 for the weekly digest", () => {
    // Wednesday 10 June 2026 → Monday 8 June; Monday before 08:00 → the Monday before.
    expect(latestDigestMoment(at("2026-06-10T12:00:00Z"), "UTC", "weekly")).toEqual({
      at: at("2026-06-08T08:00:00Z"),
      period: "2026-06-08",
    });
    expect(latestDigestMoment(at("2026-06-08T07:59:00Z"), "UTC", "weekly")).toEqual({
      at: at("2026-06-01T08:00:00Z"),
      period: "2026-06-01",
    });
  });
});
