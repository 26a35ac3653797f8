import type { Relationship, Viewer } from "./viewer.ts";

/** Who may stand where towards the subject of a request. */
export type SubjectRole = "self" | "directManager" | "managementChain" | "feedbackRequested" | "admin";

/**
 * Every route declares one policy. Admins manage frameworks, people and cycles, but a
 * subject policy lets them in only when it lists "admin": private content never does.
 */
export type Policy =
  | { kind: "public" }
  | { kind: "authenticated" }
  | { kind: "admin" }
  | { kind: "subject"; param: string; allow: readonly SubjectRole[] };

export const PUBLIC: Policy = { kind: "public" };
export const AUTHENTICATED: Policy = { kind: "authenticated" };
export const ADMIN: Policy = { kind: "admin" };
export function subject(param: string, ...allow: SubjectRole[]): Policy {
  return { kind: "subject", param, allow };
}

export type AccessDecision =
  { isAllowed: true } | { isAllowed: false; code: "unauthenticated" | "forbidden"; reason: string };

const ALLOWED: AccessDecision = { isAllowed: true };

function holdsRole(role: SubjectRole, viewer: Viewer, relationship: Relationship): boolean {
  switch (role) {
    case "self":
      return relationship.isSelf;
    case "directManager":
      return relationship.isDirectManager;
    case "managementChain":
      return relationship.isInManagementChain;
    case "feedbackRequested":
      return relationship.hasOpenFeedbackRequest;
    case "admin":
      return viewer.isAdmin;
  }
}

export function decideAccess(policy: Policy, viewer: Viewer | null, relationship?: Relationship): AccessDecision {
  if (policy.kind === "public") return ALLOWED;
  if (!viewer) return { isAllowed: false, code: "unauthenticated", reason: "Sign in first" };
  if (policy.kind === "authenticated") return ALLOWED;
  if (policy.kind === "admin") {
    return viewer.isAdmin ? ALLOWED : { isAllowed: false, code: "forbidden", reason: "Only an admin can do this" };
  }
  if (relationship && policy.allow.some((role) => holdsRole(role, viewer, relationship))) return ALLOWED;
  return {
    isAllowed: false,
    code: "forbidden",
    reason: `Only ${policy.allow.map(describeRole).join(", ")} can do this`,
  };
}

function describeRole(role: SubjectRole): string {
  return {
    self: "the person themself",
    directManager: "their direct manager",
    managementChain: "managers in their reporting chain",
    feedbackRequested: "colleagues asked for feedback",
    admin: "an admin",
  }[role];
}
