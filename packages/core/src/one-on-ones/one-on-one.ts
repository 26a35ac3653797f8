import { AppError, type ErrorDetail } from "../errors/app-error.ts";

/** Something one participant agreed to do; open items carry over to the pair's next 1:1. */
export interface OneOnOneActionItem {
  id: string;
  text: string;
  /** One of the two participants. */
  ownerId: string;
  isDone: boolean;
}

/** One playbook aspect as the agenda shows it, with what each side of this 1:1 brings. */
export interface AgendaAspect {
  id: string;
  name: string;
  /** What the lead (the manager) brings: the playbook's senior side. */
  leadBrings: string;
  /** What the report brings: the playbook's junior side. */
  reportBrings: string;
  prompts: string[];
}

/** The playbook an agenda came from. */
export interface AgendaPlaybook {
  id: string;
  name: string;
  lowerLevelId: string;
  upperLevelId: string;
  /** True when the pair's levels are not this playbook's pair and it was chosen as the nearest one. */
  isNearestPair: boolean;
}

/**
 * A 1:1's agenda, fixed when the 1:1 is created: the seven aspects of the pair's playbook in
 * playbook order, then the previous 1:1's open action items. No playbook (a participant has no
 * level, or the ladder has no playbooks) leaves only the carried-over items.
 */
export interface Agenda {
  playbook: AgendaPlaybook | null;
  aspects: AgendaAspect[];
  carriedOver: OneOnOneActionItem[];
}

export interface OneOnOne {
  id: string;
  /** The more senior participant by the reporting line: the manager. */
  leadId: string;
  reportId: string;
  scheduledAt: Date;
  agenda: Agenda;
  /** Visible to the two participants only. */
  sharedNotes: string;
  actionItems: OneOnOneActionItem[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewOneOnOne = Pick<OneOnOne, "leadId" | "reportId" | "scheduledAt" | "agenda" | "actionItems">;

export type OneOnOnePatch = Partial<Pick<OneOnOne, "sharedNotes" | "actionItems">>;

/** One side's private notes on a 1:1: readable by their author only, admins included. */
export interface PrivateNote {
  oneOnOneId: string;
  authorId: string;
  body: string;
  /** null until the author first saves. */
  updatedAt: Date | null;
}

/** What a participant reads before writing any private notes: an empty note. */
export function unwrittenPrivateNote(oneOnOneId: string, authorId: string): PrivateNote {
  return { oneOnOneId, authorId, body: "", updatedAt: null };
}

/** One side's 1–5 rating of each playbook aspect, at one 1:1. */
export interface HealthCheck {
  id: string;
  oneOnOneId: string;
  raterId: string;
  /** aspect id → 1..5 */
  ratings: Record<string, number>;
  at: Date;
}

export type NewHealthCheck = Pick<HealthCheck, "oneOnOneId" | "raterId" | "ratings" | "at">;

export const ONE_ON_ONE_NOTES_LIMIT = 5000;
export const ACTION_ITEM_TEXT_LIMIT = 200;
export const ACTION_ITEMS_LIMIT = 50;
export const HEALTH_RATING_MIN = 1;
export const HEALTH_RATING_MAX = 5;

export type OneOnOneSide = "lead" | "report";

export function isParticipant(oneOnOne: Pick<OneOnOne, "leadId" | "reportId">, personId: string): boolean {
  return oneOnOne.leadId === personId || oneOnOne.reportId === personId;
}

/** Which side of the 1:1 a participant sits on; null for anyone else. */
export function sideOf(oneOnOne: Pick<OneOnOne, "leadId" | "reportId">, personId: string): OneOnOneSide | null {
  if (oneOnOne.leadId === personId) return "lead";
  if (oneOnOne.reportId === personId) return "report";
  return null;
}

export function otherParticipant(oneOnOne: Pick<OneOnOne, "leadId" | "reportId">, personId: string): string {
  return oneOnOne.leadId === personId ? oneOnOne.reportId : oneOnOne.leadId;
}

/** The items still open, in their order: what the pair's next 1:1 carries over. */
export function openActionItems(items: readonly OneOnOneActionItem[]): OneOnOneActionItem[] {
  return items.filter((item) => !item.isDone);
}

function fail(details: ErrorDetail[]): never {
  const first = details[0];
  throw new AppError("validation_failed", `Invalid 1:1: ${first?.path} ${first?.message}`, details);
}

export function assertValidNotes(text: string, path: string): void {
  if (text.length > ONE_ON_ONE_NOTES_LIMIT) {
    fail([{ path, message: `must be at most ${ONE_ON_ONE_NOTES_LIMIT} characters` }]);
  }
}

/** Action items name a participant as owner, have some text, and keep their ids unique. */
export function assertValidActionItems(
  items: readonly OneOnOneActionItem[],
  oneOnOne: Pick<OneOnOne, "leadId" | "reportId">,
): void {
  const details: ErrorDetail[] = [];
  if (items.length > ACTION_ITEMS_LIMIT) {
    details.push({ path: "body.actionItems", message: `at most ${ACTION_ITEMS_LIMIT} items` });
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const path = `body.actionItems[${index}]`;
    if (!/\S/.test(item.text) || item.text.length > ACTION_ITEM_TEXT_LIMIT) {
      details.push({ path: `${path}.text`, message: `must be 1 to ${ACTION_ITEM_TEXT_LIMIT} characters, not blank` });
    }
    if (!isParticipant(oneOnOne, item.ownerId)) {
      details.push({ path: `${path}.ownerId`, message: "must be one of the two participants" });
    }
    if (seen.has(item.id)) details.push({ path: `${path}.id`, message: "is used by another item" });
    seen.add(item.id);
  });
  if (details.length > 0) fail(details);
}

/**
 * A health check rates every aspect of the 1:1's playbook, each a whole number from 1 to 5;
 * an aspect the playbook does not have is refused.
 */
export function assertValidHealthRatings(ratings: Record<string, number>, aspects: readonly AgendaAspect[]): void {
  if (aspects.length === 0) {
    throw new AppError("validation_failed", "This 1:1 has no playbook, so there is nothing to rate", [
      { path: "body.ratings", message: "the 1:1 has no playbook aspects" },
    ]);
  }
  const known = new Set(aspects.map((a) => a.id));
  const details: ErrorDetail[] = [];
  for (const [aspectId, value] of Object.entries(ratings)) {
    if (!known.has(aspectId)) {
      details.push({ path: `body.ratings.${aspectId}`, message: "is not an aspect of this 1:1's playbook" });
    } else if (!Number.isInteger(value) || value < HEALTH_RATING_MIN || value > HEALTH_RATING_MAX) {
      details.push({
        path: `body.ratings.${aspectId}`,
        message: `must be a whole number from ${HEALTH_RATING_MIN} to ${HEALTH_RATING_MAX}`,
      });
    }
  }
  for (const aspect of aspects) {
    if (!Object.hasOwn(ratings, aspect.id)) details.push({ path: `body.ratings.${aspect.id}`, message: "is missing" });
  }
  if (details.length > 0) {
    const first = details[0];
    throw new AppError("validation_failed", `Invalid health check: ${first?.path} ${first?.message}`, details);
  }
}
