import type { CaseView, Committee, Person, PromotionCase } from "@ascent/core";
import type { TPromotionCase, TPromotionCaseView, TPromotionCommittee } from "@ascent/contract";

export type PeopleById = ReadonlyMap<string, Person>;

/** Every person a case view names, so their names come in one read. */
export function peopleNamedIn(
  views: {
    promotionCase: PromotionCase;
    committee?: Committee | null;
    votes?: { memberId: string }[] | null;
    comments?: { authorId: string | null }[] | null;
  }[],
): string[] {
  const ids = new Set<string>();
  for (const view of views) {
    ids.add(view.promotionCase.personId);
    if (view.promotionCase.nominatedBy) ids.add(view.promotionCase.nominatedBy);
    if (view.committee) for (const id of [view.committee.chairId, ...view.committee.memberIds]) ids.add(id);
    for (const vote of view.votes ?? []) ids.add(vote.memberId);
    for (const comment of view.comments ?? []) if (comment.authorId) ids.add(comment.authorId);
  }
  return [...ids];
}

function link(id: string, people: PeopleById) {
  return { id, name: people.get(id)?.name ?? "Former colleague" };
}

export function presentPromotionCase(promotionCase: PromotionCase, people: PeopleById): TPromotionCase {
  return {
    id: promotionCase.id,
    person: link(promotionCase.personId, people),
    fromLevelId: promotionCase.fromLevelId,
    toLevelId: promotionCase.toLevelId,
    nominatedBy: promotionCase.nominatedBy ? link(promotionCase.nominatedBy, people) : null,
    cycleId: promotionCase.cycleId,
    status: promotionCase.status,
    managerCase: promotionCase.managerCase,
    committeeId: promotionCase.committeeId,
    submittedAt: promotionCase.submittedAt?.toISOString() ?? null,
    decision:
      promotionCase.outcome && promotionCase.decidedAt
        ? {
            outcome: promotionCase.outcome,
            rationale: promotionCase.rationale ?? "",
            effectiveDate: promotionCase.effectiveDate,
            decidedAt: promotionCase.decidedAt.toISOString(),
            isApplied: promotionCase.appliedAt !== null,
          }
        : null,
    createdAt: promotionCase.createdAt.toISOString(),
  };
}

export function presentCommittee(committee: Committee, people: PeopleById): TPromotionCommittee {
  return {
    id: committee.id,
    name: committee.name,
    minRank: committee.minRank,
    maxRank: committee.maxRank,
    team: committee.team,
    chair: link(committee.chairId, people),
    members: committee.memberIds.map((id) => link(id, people)),
  };
}

export function presentCaseView(view: CaseView, people: PeopleById): TPromotionCaseView {
  return {
    case: presentPromotionCase(view.promotionCase, people),
    roles: view.roles,
    committee: view.committee ? presentCommittee(view.committee, people) : null,
    votes:
      view.votes?.map((vote) => ({
        member: link(vote.memberId, people),
        vote: vote.vote,
        reason: vote.reason,
        at: vote.at.toISOString(),
      })) ?? null,
    comments:
      view.comments?.map((comment) => ({
        id: comment.id,
        author: comment.authorId ? link(comment.authorId, people).name : "Former colleague",
        body: comment.body,
        at: comment.at.toISOString(),
      })) ?? null,
  };
}
