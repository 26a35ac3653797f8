import type { CalibrationAdjustment, CalibrationSession, LoadedSession, ManagerAdjustment } from "@ascent/core";
import type { TCalibrationAdjustment, TCalibrationSession, TLoadedCalibrationSession } from "@ascent/contract";

export function presentCalibrationSession(session: CalibrationSession): TCalibrationSession {
  return {
    id: session.id,
    cycleId: session.cycleId,
    name: session.name,
    scope: session.scope,
    facilitatorId: session.facilitatorId,
    participantIds: session.participantIds,
    status: session.status,
    guideline: session.guideline,
    createdAt: session.createdAt.toISOString(),
    closedAt: session.closedAt?.toISOString() ?? null,
  };
}

/**
 * Each person's view field by field: the peer and upward entries are readiness's released group
 * summaries (mean and count over at least k raters, or why hidden), never a rater or one answer.
 */
export function presentLoadedSession(loaded: LoadedSession): TLoadedCalibrationSession {
  return {
    session: presentCalibrationSession(loaded.session),
    thresholds: loaded.thresholds,
    isFrozen: loaded.isFrozen,
    names: loaded.names,
    people: loaded.people.map((person) => ({
      personId: person.personId,
      name: person.name,
      title: person.title,
      team: person.team,
      levelId: person.levelId,
      managerId: person.managerId,
      competencies: person.competencies.map((c) => ({
        competencyId: c.competencyId,
        managerRating: c.managerRating,
        calibratedRating: c.calibratedRating,
        selfRating: c.selfRating,
        peer: c.peer,
        upward: c.upward,
      })),
      performance: person.performance,
      potential: person.potential,
      box: person.box,
      proposedBox: person.proposedBox,
      boxReason: person.boxReason,
      managerRaterEffect: person.managerRaterEffect,
    })),
  };
}

export function presentCalibrationAdjustment(adjustment: CalibrationAdjustment): TCalibrationAdjustment {
  return {
    id: adjustment.id,
    sessionId: adjustment.sessionId,
    subjectId: adjustment.subjectId,
    competencyId: adjustment.competencyId,
    kind: adjustment.kind,
    from: adjustment.from,
    to: adjustment.to,
    reason: adjustment.reason,
    by: adjustment.by,
    at: adjustment.at.toISOString(),
  };
}

export function presentManagerAdjustment(
  adjustment: ManagerAdjustment,
): TCalibrationAdjustment & { subjectName: string; byName: string | null } {
  return {
    ...presentCalibrationAdjustment(adjustment),
    subjectName: adjustment.subjectName,
    byName: adjustment.byName,
  };
}
