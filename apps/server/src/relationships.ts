import type { PeopleRepository, Relationship, Viewer } from "@ascent/core";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FeedbackRequestLookup {
  hasOpenRequest(raterId: string, subjectId: string): Promise<boolean>;
}

/** How a viewer stands towards a person, from the reporting chain (and open feedback requests). */
export function relationshipResolver(people: PeopleRepository, feedback?: FeedbackRequestLookup) {
  return async (viewer: Viewer, subjectId: string): Promise<Relationship | null> => {
    if (!UUID.test(subjectId)) return null;
    const subject = await people.findById(subjectId);
    if (!subject) return null;
    const isSelf = subject.id === viewer.personId;
    const chain = isSelf ? [] : await people.chainAbove(subject.id);
    return {
      isSelf,
      isDirectManager: subject.managerId === viewer.personId,
      isInManagementChain: chain.some((manager) => manager.id === viewer.personId),
      hasOpenFeedbackRequest: feedback ? await feedback.hasOpenRequest(viewer.personId, subject.id) : false,
    };
  };
}
