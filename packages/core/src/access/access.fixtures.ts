import type { PeopleRepository } from "../people/ports.ts";
import { Access } from "./access.ts";

/** Access that reads how the viewer stands from the reporting chain, as the server works it out. */
export function accessFromReportingChain(people: Pick<PeopleRepository, "findById" | "chainAbove">): Access {
  return new Access(async (viewer, subjectId) => {
    const person = await people.findById(subjectId);
    if (!person) return null;
    const managers = (await people.chainAbove(person.id)).map((manager) => manager.id);
    return {
      isSelf: person.id === viewer.personId,
      isDirectManager: managers[0] === viewer.personId,
      isInManagementChain: managers.includes(viewer.personId),
      hasOpenFeedbackRequest: false,
    };
  });
}
