import { defaultChoice } from "./notification-kinds.ts";
import type {
  ChannelChoice,
  ChannelSwitches,
  DeliverySchedule,
  DigestCadence,
  MailChoice,
  QuietHours,
} from "./ports.ts";
import { dateKey, instantOf, localTimeAt, shiftDays, weekdayOf } from "./zoned-time.ts";

/** Whose choice holds for a kind: the person's, the organisation's, or the app's default. */
export type ChoiceSource = "person" | "organisation" | "app";

/** A person's choice, else the organisation's default, else the app's. */
export function resolveChoice(
  kind: string,
  personal: ReadonlyMap<string, ChannelChoice>,
  organisation: ReadonlyMap<string, ChannelChoice>,
): { choice: ChannelChoice; source: ChoiceSource } {
  const own = personal.get(kind);
  if (own) return { choice: own, source: "person" };
  const org = organisation.get(kind);
  if (org) return { choice: org, source: "organisation" };
  return { choice: defaultChoice(kind), source: "app" };
}

/** Why a mail choice is not in effect: the admin switched its channel off for everyone. */
export function switchedOffReason(mail: MailChoice, switches: ChannelSwitches): string | null {
  if (mail === "instant" && !switches.isEmailEnabled) {
    return "Your organisation has turned off a mail for each notification.";
  }
  if ((mail === "daily" || mail === "weekly") && !switches.isDigestEnabled) {
    return "Your organisation has turned off digest mail.";
  }
  return null;
}

/** The mail that actually goes: a choice whose channel is switched off sends none. */
export function mailInEffect(mail: MailChoice, switches: ChannelSwitches): MailChoice {
  return switchedOffReason(mail, switches) ? "off" : mail;
}

function isInside(minutes: number, window: QuietHours): boolean {
  if (window.start < window.end) return minutes >= window.start && minutes < window.end;
  return minutes >= window.start || minutes < window.end;
}

/**
 * When the quiet window the instant falls in ends, or null when it falls outside one (or there is none).
 * The window is read on the person's wall clock, so it follows their daylight-saving changes.
 */
export function quietHoursEnd(at: Date, schedule: DeliverySchedule | null): Date | null {
  const window = schedule?.quietHours;
  if (!schedule || !window || window.start === window.end) return null;
  const local = localTimeAt(at, schedule.timeZone);
  if (!isInside(local.minutes, window)) return null;
  // Past the opening of a window that crosses midnight, it ends tomorrow; otherwise later today.
  const endsTomorrow = window.start > window.end && local.minutes >= window.start;
  return instantOf(shiftDays(local, endsTomorrow ? 1 : 0, window.end), schedule.timeZone);
}

/** Digests go out at this local hour: daily every morning, weekly on Monday morning. */
export const DIGEST_LOCAL_MINUTES = 8 * 60;

/**
 * The latest digest moment at or before the instant in the person's zone, and the period it closes
 * (the local date, or the Monday of the week), which names the digest's send key.
 */
export function latestDigestMoment(at: Date, timeZone: string, cadence: DigestCadence): { at: Date; period: string } {
  const local = localTimeAt(at, timeZone);
  const back = cadence === "weekly" ? weekdayOf(local) : 0;
  let day = shiftDays(local, -back, DIGEST_LOCAL_MINUTES);
  let moment = instantOf(day, timeZone);
  if (moment.getTime() > at.getTime()) {
    day = shiftDays(day, cadence === "weekly" ? -7 : -1);
    moment = instantOf(day, timeZone);
  }
  return { at: moment, period: dateKey(day) };
}
