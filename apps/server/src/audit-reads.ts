import type { AuditRepository, Viewer } from "@ascent/core";

/** What can be read of someone else's: the owner sees these reads in their access log. */
export type ReadTarget = "plan" | "evidence" | "notes";

/**
 * Records that the viewer read something of another person's (DESIGN §5: every read of someone
 * else's plan, evidence or notes is logged, and the owner can see that log). Reading your own
 * things is not recorded. Returns whether an event was written.
 */
export async function recordRead(
  services: { audit: AuditRepository },
  viewer: Viewer,
  subjectId: string,
  targetType: ReadTarget,
  targetId: string,
): Promise<boolean> {
  if (viewer.personId === subjectId) return false;
  await services.audit.record({
    kind: "read",
    actorId: viewer.personId,
    action: `${targetType}.read`,
    subjectId,
    targetType,
    targetId,
  });
  return true;
}
