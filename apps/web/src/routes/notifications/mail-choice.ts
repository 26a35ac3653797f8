import type { TChannelSwitches, TMailChoice } from "@ascent/contract";

export const MAIL_CHOICES: readonly { value: TMailChoice; label: string }[] = [
  { value: "instant", label: "A mail each time" },
  { value: "daily", label: "Daily digest" },
  { value: "weekly", label: "Weekly digest" },
  { value: "off", label: "No mail" },
];

/** Whether an admin has switched the channel this choice needs off for everyone. */
export function isSwitchedOff(choice: TMailChoice, switches: TChannelSwitches): boolean {
  if (choice === "instant") return !switches.isEmailEnabled;
  if (choice === "daily" || choice === "weekly") return !switches.isDigestEnabled;
  return false;
}
