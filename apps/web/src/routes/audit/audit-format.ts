import type { TAuditEvent } from "@ascent/contract";

/** Plain words for the actions the server records; an action not listed shows as recorded. */
const ACTION_LABELS: Record<string, string> = {
  "person.create": "Added a person",
  "person.update": "Changed a person",
  "person.deactivate": "Deactivated a person",
  "people.import": "Imported people",
  "titles.override.set": "Mapped a title",
  "titles.override.remove": "Removed a title mapping",
  "demo.seed": "Loaded the demo organisation",
  "demo.remove": "Removed the demo organisation",
  "account.invite_link_created": "Created an invite link",
  "account.reset_link_created": "Created a password reset link",
  "account.bulk_invite": "Invited people in bulk",
  "account.password_changed": "Changed a password",
  "account.token_created": "Created an API token",
  "account.token_revoked": "Revoked an API token",
  "auth.login": "Signed in",
  "auth.logout_everywhere": "Signed out everywhere",
  "auth.link_redeemed": "Used a one-time link",
  "settings.readiness.update": "Changed readiness settings",
  "org.profile.update": "Changed the organisation profile",
  "assessments.migrate": "Migrated assessments",
  "calibration.session.create": "Opened a calibration session",
  "calibration.rating.adjust": "Adjusted a rating in calibration",
  "calibration.box.move": "Moved a person in the 9-box",
  "calibration.session.close": "Closed a calibration session",
  "settings.calibration.update": "Changed the 9-box thresholds",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function primitive(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (["string", "number", "boolean"].includes(typeof value)) return String(value);
  return null;
}

/** A calibration value: a rating, or a 9-box place as its two bands. */
function calibrationValue(value: unknown): string {
  if (isRecord(value)) return `${String(value.performance)} performance, ${String(value.potential)} potential`;
  return primitive(value) ?? "not rated";
}

/** One line about what an event carried: the fields changed, an import's counts, and so on. */
export function summariseDetails(event: TAuditEvent): string {
  const details = event.details;
  if (!details) return "";
  if (event.action === "calibration.rating.adjust" || event.action === "calibration.box.move") {
    const what = primitive(details.competencyId) ?? "9-box place";
    return `${what}: ${calibrationValue(details.from)} → ${calibrationValue(details.to)}. Reason: ${String(details.reason)}`;
  }
  if (event.action === "people.import") {
    const n = (key: string) => Number(details[key] ?? 0);
    return `${String(details.fileName ?? event.targetId)}: ${n("created")} added, ${n("updated")} updated, ${n("unchanged")} unchanged`;
  }
  if (event.action === "account.bulk_invite") {
    const n = (key: string) => Number(details[key] ?? 0);
    const shown = n("linksShownToAdmin");
    const links = shown > 0 ? `, ${shown} links handed to the admin (outbox)` : ", links mailed over SMTP";
    return `${n("count")} invited (${n("resent")} sent again)${links}`;
  }
  if (isRecord(details.changes)) return `Changed ${Object.keys(details.changes).join(", ")}`;
  if (Array.isArray(details.warnings) && details.warnings.length > 0) return details.warnings.map(String).join("; ");
  return Object.entries(details)
    .flatMap(([key, value]) => {
      const text = primitive(value);
      return text === null || text === "" ? [] : [`${key}: ${text}`];
    })
    .slice(0, 4)
    .join(", ");
}

/** Who or what the event was about: a person, else the thing it touched (a title, a file). */
export function describeTarget(event: TAuditEvent): string {
  if (event.subject) return event.subject.name ?? event.subject.email ?? "A removed person";
  if (!event.targetId) return "";
  switch (event.targetType) {
    case "title_override":
      return `Title “${event.targetId}”`;
    case "people":
      return `File ${event.targetId}`;
    case "invitation":
      return "People not signed up";
    default:
      return `${event.targetType.replaceAll("_", " ")} ${event.targetId}`.trim();
  }
}
