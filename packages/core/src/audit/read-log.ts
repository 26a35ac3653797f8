import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "./audit.ts";

/** What can be read of someone else's: the owner sees these reads in their access log. */
export type ReadTarget = "plan" | "evidence" | "notes" | "one_on_one" | "readiness" | "promotion_packet";

export interface ReadOf {
  subjectId: string;
  targetType: ReadTarget;
  targetId: string;
  /** The action logged; `<targetType>.read` unless said. */
  action?: string;
  details?: Record<string, unknown>;
}

/**
 * Records that the viewer read something of another person's (DESIGN §5: every read of someone
 * else's plan, evidence or notes is logged, and the owner can see that log). Reading your own
 * things is not recorded. Returns whether an event was written.
 */
export async function recordRead(audit: AuditRepository, viewer: Viewer, read: ReadOf): Promise<boolean> {
  if (viewer.personId === read.subjectId) return false;
  await audit.record({
    kind: "read",
    actorId: viewer.personId,
    action: read.action ?? `${read.targetType}.read`,
    subjectId: read.subjectId,
    targetType: read.targetType,
    targetId: read.targetId,
    ...(read.details ? { details: read.details } : {}),
  });
  return true;
}
