import { AppError } from "../errors/app-error.ts";
import { ADMIN, decideAccess, type Policy } from "./policy.ts";
import type { Relationship, Viewer } from "./viewer.ts";

/** How the viewer stands towards the person with this id; null when no such person exists. */
export type RelationshipSource = (viewer: Viewer, subjectId: string) => Promise<Relationship | null>;

/** Throws the policy's refusal unless it lets the viewer in: the one place a refusal is made. */
export function assertAllowed(policy: Policy, viewer: Viewer | null, relationship?: Relationship): void {
  const decision = decideAccess(policy, viewer, relationship);
  if (!decision.isAllowed) throw new AppError(decision.code, decision.reason);
}

/**
 * For use cases only an admin may run (people, titles, settings, imports, the write log): each
 * calls this first, so that a CLI command or a job calling it cannot skip the check the API makes.
 */
export function assertAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  assertAllowed(ADMIN, viewer);
}

/**
 * Decides whether a viewer may act under a policy, looking up how they stand towards the subject
 * (the person the request is about) when the policy depends on it. An unknown subject is not found.
 */
export class Access {
  constructor(private readonly relationshipOf: RelationshipSource) {}

  async authorize(viewer: Viewer | null, policy: Policy, subjectId?: string): Promise<void> {
    let relationship: Relationship | undefined;
    if (policy.kind === "subject" && viewer) {
      if (subjectId === undefined) throw new AppError("internal", `No subject given for a :${policy.param} policy`);
      relationship = (await this.relationshipOf(viewer, subjectId)) ?? undefined;
      if (!relationship) throw new AppError("not_found", `No person with id "${subjectId}"`);
    }
    assertAllowed(policy, viewer, relationship);
  }
}
