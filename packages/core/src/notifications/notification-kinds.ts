import type { ChannelChoice } from "./ports.ts";

/** A kind of notification a person can choose channels for, and what it does when they have not chosen. */
export interface NotificationKind {
  kind: string;
  /** How the settings name it. */
  label: string;
  defaults: ChannelChoice;
}

/** Every kind the app sends today; reminders and cycle notices join this list as they are built. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  {
    kind: "feedback.requested",
    label: "A colleague asks you for feedback",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "level.changed",
    label: "Your level on the ladder changes",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "promotion.stage",
    label: "A promotion case you take part in moves to its next stage",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "feedback.due",
    label: "A feedback request you have not answered closes soon",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "cycle.phase",
    label: "A phase of a review cycle where you have work opens, or closes soon",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "cycle.reminder",
    label: "An admin reminds you of your unfinished work in a review cycle",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "cycle.released",
    label: "The results of a review cycle you took part in are released",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "one-on-one.tomorrow",
    label: "You have a 1:1 within a day, with its agenda",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "goal.due",
    label: "One of your development goals is due soon, or today",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "plan.review-due",
    label: "Your career plan is due for its review",
    defaults: { inApp: true, email: true },
  },
  {
    kind: "calibration.adjusted",
    label: "A calibration changes a rating of someone who reports to you",
    defaults: { inApp: true, email: true },
  },
];

/** What a kind does without a choice: a listed kind's default, otherwise every channel its sender asks for. */
export function defaultChoice(kind: string): ChannelChoice {
  return NOTIFICATION_KINDS.find((k) => k.kind === kind)?.defaults ?? { inApp: true, email: true };
}
