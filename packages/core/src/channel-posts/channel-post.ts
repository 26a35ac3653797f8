/**
 * Channel posts: organisation-level messages to a team chat through an incoming webhook (Slack's
 * `{text}` payload, which Mattermost and Rocket.Chat accept too). A post never names a person or
 * carries a rating: what is about one person goes to their inbox and mail instead.
 */

export const CHANNEL_POST_KINDS = [
  "cycle.opened",
  "cycle.phase-closed",
  "cycle.released",
  "promotions.decided",
] as const;
export type ChannelPostKind = (typeof CHANNEL_POST_KINDS)[number];

export const CHANNEL_POST_LABELS: Record<ChannelPostKind, string> = {
  "cycle.opened": "A review cycle opens",
  "cycle.phase-closed": "A phase of a review cycle closes",
  "cycle.released": "A review cycle's results are released",
  "promotions.decided": "Every promotion case of a review cycle is decided",
};

export function isChannelPostKind(value: string): value is ChannelPostKind {
  return (CHANNEL_POST_KINDS as readonly string[]).includes(value);
}

/** One post on the queue. The webhook address is read when it is sent, so the job never holds the secret. */
export interface ChannelPost {
  /** The same key is posted once, however often the job runs. */
  postKey: string;
  kind: ChannelPostKind;
  text: string;
}

/** What Slack's incoming webhooks take: mrkdwn text. */
export interface WebhookPayload {
  text: string;
}

/**
 * Slack reads `<…>` as links and mentions (`<!channel>` pings everyone) and `&` as an entity: text
 * an admin typed, such as a cycle's name, is escaped so that it shows as written and pings nobody.
 */
export function escapeSlackText(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A link in Slack's mrkdwn; `|` would end the address early, so it is escaped in the label too. */
export function slackLink(url: string, label: string): string {
  return `<${encodeURI(url)}|${escapeSlackText(label).replaceAll("|", "¦")}>`;
}

/** How many of the address's last characters the masked form keeps, when it is long enough to spare them. */
const KEPT_TAIL = 4;

/**
 * The webhook address as admins see it after saving: scheme and host, and the last few characters of
 * the path, so that two webhooks can be told apart without the secret leaving the server.
 */
export function maskWebhookUrl(value: string): string {
  const url = new URL(value);
  const secret = `${url.pathname}${url.search}`;
  const tail = secret.length > KEPT_TAIL * 3 ? secret.slice(-KEPT_TAIL) : "";
  return `${url.protocol}//${url.host}/…${tail}`;
}

export type WebhookUrlProblem = "not_a_url" | "not_https" | "has_credentials" | "no_path";

/** Checks an address an admin typed; null when it may be tried. */
export function webhookUrlProblem(value: string, options: { allowHttp: boolean }): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "not_a_url";
  }
  const isHttp = url.protocol === "http:";
  if (url.protocol !== "https:" && !(isHttp && options.allowHttp)) return isHttp ? "not_https" : "not_a_url";
  if (!url.hostname) return "not_a_url";
  if (url.username || url.password) return "has_credentials";
  if (url.pathname === "/" && !url.search) return "no_path";
  return null;
}

export const WEBHOOK_URL_PROBLEMS: Record<WebhookUrlProblem, string> = {
  not_a_url: "is not a web address (expected https://hooks.slack.com/services/…)",
  not_https:
    "must start with https://: the address is a secret and would cross the network in the clear " +
    "(a server started with ASCENT_WEBHOOK_ALLOW_HTTP=1 accepts http:// for a local receiver)",
  has_credentials: "carries a user name or password; an incoming webhook's address is its only secret",
  no_path: "has no path: an incoming webhook's address names its channel after the host",
};

/** Why a webhook did not take a post: the receiver's answer, a timeout, or no connection at all. */
export type WebhookFailure =
  | { kind: "status"; status: number; body: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "unreachable"; cause: string };

export function describeWebhookFailure(failure: WebhookFailure): string {
  switch (failure.kind) {
    case "status":
      return `the receiver answered ${failure.status}${failure.body ? ` (${failure.body})` : ""}`;
    case "timeout":
      return `the receiver did not answer within ${failure.seconds} seconds`;
    case "unreachable":
      return `the receiver could not be reached (${failure.cause})`;
  }
}

/** Thrown by a WebhookPoster; its message names the failure, and never the address. */
export class WebhookPostError extends Error {
  constructor(readonly failure: WebhookFailure) {
    super(`The webhook did not take the post: ${describeWebhookFailure(failure)}`);
    this.name = "WebhookPostError";
  }
}

/** A day as 2027-03-14: the same in every reader's locale, and no clock of the server's leaks in. */
function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** How posts name a cycle's phases. */
const PHASE_WORDS: Record<string, string> = {
  self: "self-assessment",
  nomination: "nomination",
  manager: "manager assessment",
  calibration: "calibration",
  release: "release",
};

function phaseWords(phase: string): string {
  return PHASE_WORDS[phase] ?? phase;
}

/** A cycle as posts name it: its name, counts and dates, never a person. */
export interface CycleFacts {
  id: string;
  name: string;
}

interface PhaseDue {
  phase: string;
  dueAt: Date;
}

/** What happened in the organisation, as the use cases that made it happen tell it. */
export type OrganisationEvent =
  | { kind: "cycle.opened"; cycle: CycleFacts; participants: number; firstDue: PhaseDue | null }
  | { kind: "cycle.phase-closed"; cycle: CycleFacts; phase: string; closedAt: Date; nextDue: PhaseDue | null }
  | { kind: "cycle.released"; cycle: CycleFacts }
  | { kind: "promotions.decided"; cycle: CycleFacts };

/** The words of the post about an event; links lead into the app at `appUrl`. */
export function channelPostFor(event: OrganisationEvent, appUrl: string): ChannelPost {
  const tasks = slackLink(`${appUrl}/tasks`, "My tasks");
  const name = `*${escapeSlackText(event.cycle.name)}*`;
  switch (event.kind) {
    case "cycle.opened": {
      const due = event.firstDue
        ? ` The ${phaseWords(event.firstDue.phase)} phase is due on ${day(event.firstDue.dueAt)}.`
        : "";
      return {
        postKey: `cycle.opened:${event.cycle.id}`,
        kind: event.kind,
        text: `:rocket: The review cycle ${name} is open for ${event.participants} people.${due} See what is yours to do: ${tasks}`,
      };
    }
    case "cycle.phase-closed": {
      const next = event.nextDue
        ? ` Next: the ${phaseWords(event.nextDue.phase)} phase, due on ${day(event.nextDue.dueAt)}.`
        : "";
      return {
        postKey: `cycle.phase-closed:${event.cycle.id}:${event.phase}:${event.closedAt.toISOString()}`,
        kind: event.kind,
        text: `:lock: The ${phaseWords(event.phase)} phase of ${name} has closed.${next}`,
      };
    }
    case "cycle.released":
      return {
        postKey: `cycle.released:${event.cycle.id}`,
        kind: event.kind,
        text: `:tada: The results of ${name} are released. Each person reads their own and acknowledges them: ${tasks}`,
      };
    case "promotions.decided":
      // Neither who nor how many, nor which way: each candidate hears their own outcome in Ascent.
      return {
        postKey: `promotions.decided:${event.cycle.id}`,
        kind: event.kind,
        text: `:scales: Every promotion case of ${name} is decided. Each candidate reads their own outcome in Ascent.`,
      };
  }
}

/** The message that proves a webhook works before it is saved. */
export function testPayload(appUrl: string): WebhookPayload {
  return {
    text:
      ":wave: Ascent will post here when a review cycle opens, a phase closes, results are released and a " +
      `cycle's promotion cases are decided (${slackLink(appUrl, "Ascent")}).`,
  };
}
