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
];

/** What a kind does without a choice: a listed kind's default, otherwise every channel its sender asks for. */
export function defaultChoice(kind: string): ChannelChoice {
  return NOTIFICATION_KINDS.find((k) => k.kind === kind)?.defaults ?? { inApp: true, email: true };
}
