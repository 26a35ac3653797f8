import type { ChannelChoice } from "./ports.ts";

/** A kind of notification a person can choose channels for, and what it does when nobody has chosen. */
export interface NotificationKind {
  kind: string;
  /** How the settings name it. */
  label: string;
  /** The app's default, used when neither the person nor the organisation chose. */
  defaults: ChannelChoice;
}

/** Every kind the app sends, with what it does when neither the person nor the organisation chose. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  {
    kind: "feedback.requested",
    label: "A colleague asks you for feedback",
    // Someone waits on the answer: worth a mail at once.
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "level.changed",
    label: "Your level on the ladder changes",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "promotion.stage",
    label: "A promotion case you take part in moves to its next stage",
    // Committees see many stage changes; one mail a day gathers them.
    defaults: { inApp: true, mail: "daily" },
  },
  {
    kind: "feedback.due",
    label: "A feedback request you have not answered closes soon",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "cycle.phase",
    label: "A phase of a review cycle where you have work opens, or closes soon",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "cycle.reminder",
    label: "An admin reminds you of your unfinished work in a review cycle",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "cycle.released",
    label: "The results of a review cycle you took part in are released",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "one-on-one.tomorrow",
    label: "You have a 1:1 within a day, with its agenda",
    defaults: { inApp: true, mail: "instant" },
  },
  {
    kind: "goal.due",
    label: "One of your development goals is due soon, or today",
    defaults: { inApp: true, mail: "daily" },
  },
  {
    kind: "plan.review-due",
    label: "Your career plan is due for its review",
    defaults: { inApp: true, mail: "daily" },
  },
  {
    kind: "calibration.adjusted",
    // A calibration session adjusts many ratings in an afternoon: one mail the next morning gathers them.
    label: "A calibration changes a rating of someone who reports to you",
    defaults: { inApp: true, mail: "daily" },
  },
];

/** A kind the app sends but does not list (a sender's own test kinds) shows in the app and mails at once. */
const UNLISTED_DEFAULT: ChannelChoice = { inApp: true, mail: "instant" };

/** What a kind does without anyone's choice. */
export function defaultChoice(kind: string): ChannelChoice {
  return NOTIFICATION_KINDS.find((k) => k.kind === kind)?.defaults ?? UNLISTED_DEFAULT;
}

export function isKnownKind(kind: string): boolean {
  return NOTIFICATION_KINDS.some((k) => k.kind === kind);
}
