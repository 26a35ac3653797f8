import type { Person } from "../people/person.ts";

/**
 * How a rater stands to the person rated, from the org chart (DESIGN §4): the person themself, their
 * direct manager, a manager further up their chain, an admin (who can read anyone's aggregates), one of
 * their direct reports, or anyone else (a peer). The subject, their whole management chain and every
 * admin can read the subject's aggregates; none of them may answer as a peer or report, and a direct
 * report answers upward, not as a peer.
 */
export type RaterStanding = "self" | "manager" | "chain" | "admin" | "report" | "peer";

export function raterStanding(
  rater: Pick<Person, "id" | "managerId"> & { isAdmin?: boolean },
  subject: Pick<Person, "id" | "managerId">,
  chainAbove: readonly Pick<Person, "id">[],
): RaterStanding {
  if (rater.id === subject.id) return "self";
  if (subject.managerId === rater.id) return "manager";
  if (chainAbove.some((manager) => manager.id === rater.id)) return "chain";
  if (rater.isAdmin === true) return "admin";
  if (rater.managerId === subject.id) return "report";
  return "peer";
}

/** Why a person in this standing cannot answer as a peer, in words naming the conflict. */
export function peerConflict(standing: RaterStanding, raterName: string, subjectName: string): string | null {
  switch (standing) {
    case "self":
      return `${raterName} is the person rated`;
    case "manager":
      return `${raterName} is ${subjectName}'s manager and rates as manager, not as a peer`;
    case "chain":
      return `${raterName} is above ${subjectName} in the reporting line and can read their results`;
    case "admin":
      return `${raterName} is an admin and can read ${subjectName}'s results`;
    case "report":
      return `${raterName} reports to ${subjectName} and gives upward feedback, not peer feedback`;
    case "peer":
      return null;
  }
}
