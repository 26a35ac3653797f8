import { isRequestClosed, type FeedbackRequest, type LevelRef } from "@ascent/core";
import type { TFeedbackInvitation, TFeedbackRequest } from "@ascent/contract";
import type { PeopleIndex } from "./assessment.ts";

const nameOf = (id: string, people: PeopleIndex) => people.get(id)?.name ?? "(removed)";

/**
 * A request for the person and their managers: the colleagues asked by name, sorted so that the
 * order says nothing, and how many answered. Never who answered, when, or how.
 */
export function presentFeedbackRequest(request: FeedbackRequest, people: PeopleIndex, now: Date): TFeedbackRequest {
  return {
    id: request.id,
    subject: { id: request.subjectId, name: nameOf(request.subjectId, people) },
    relation: request.relation,
    message: request.message,
    dueAt: request.dueAt.toISOString(),
    closedAt: request.closedAt?.toISOString() ?? null,
    status: isRequestClosed(request, now) ? "closed" : "open",
    requestedBy: request.requestedBy ? { id: request.requestedBy, name: nameOf(request.requestedBy, people) } : null,
    invited: request.raters
      .map((r) => ({ name: nameOf(r.raterId, people) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    answeredCount: request.raters.filter((r) => r.answeredAt !== null).length,
    createdAt: request.createdAt.toISOString(),
  };
}

/** A request for one of the colleagues it asks: about whom, and by when. Nothing about the other raters. */
export function presentFeedbackInvitation(
  request: FeedbackRequest,
  people: PeopleIndex,
  levels: ReadonlyMap<string, LevelRef>,
): TFeedbackInvitation {
  const levelId = people.get(request.subjectId)?.levelId ?? null;
  return {
    id: request.id,
    subject: {
      id: request.subjectId,
      name: nameOf(request.subjectId, people),
      level: levelId ? { id: levelId, name: levels.get(levelId)?.name ?? levelId } : null,
    },
    relation: request.relation,
    message: request.message,
    dueAt: request.dueAt.toISOString(),
    requestedBy: request.requestedBy ? { id: request.requestedBy, name: nameOf(request.requestedBy, people) } : null,
  };
}
