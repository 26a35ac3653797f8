import {
  STRENGTH_AT,
  VP_FIT_MAX,
  VP_FIT_MIN,
  WATCH_OUT_AT,
  type AdvancementAdvice,
  type LevelAdvice,
  type Level,
  type OrgShape,
  type ScoredVpFitCheck,
  type VpRoleProfile,
} from "@ascent/core";
import type { TAdvancement, TVpFitCheck, TVpProfile, TVpRole } from "@ascent/contract";

const levelRef = (level: Level) => ({ id: level.id, name: level.name });

/** The role profile without its self-check statements, which only the self-check page needs. */
export function presentVpRole(role: VpRoleProfile): TVpRole {
  return {
    summary: role.summary,
    traits: role.traits.map((t) => ({ id: t.id, name: t.name, description: t.description })),
    beyond: role.beyond,
  };
}

export function presentVpProfile(role: VpRoleProfile): TVpProfile {
  return {
    ...presentVpRole(role),
    reflections: role.reflections.map((r) => ({ id: r.id, statement: r.statement, traitId: r.traitId })),
    scale: { min: VP_FIT_MIN, max: VP_FIT_MAX },
    thresholds: { strengthAt: STRENGTH_AT, watchOutAt: WATCH_OUT_AT },
  };
}

const presentShape = (shape: OrgShape) => ({
  id: shape.id,
  name: shape.name,
  description: shape.description,
  advice: shape.advice,
});

function presentLevelAdvice(advice: LevelAdvice) {
  return {
    nextSteps: advice.nextSteps.map((step) => ({
      level: step.level ? levelRef(step.level) : null,
      name: step.name,
      description: step.description,
    })),
    notes: advice.notes.map((note) => ({
      id: note.id,
      name: note.name,
      text: note.text,
      concerns: note.concerns,
      citation: note.citation,
    })),
    chart: advice.chart ? { ...advice.chart } : null,
  };
}

export function presentAdvancement(advice: AdvancementAdvice, role: VpRoleProfile): TAdvancement {
  const vpRole = presentVpRole(role);
  switch (advice.status) {
    case "advised":
      return {
        status: "advised",
        level: levelRef(advice.level),
        profile: { ...advice.profile },
        shape: presentShape(advice.shape),
        paths: advice.paths.map((p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          reason: p.reason,
          outlook: p.outlook,
          setting: p.setting,
        })),
        disagreements: advice.disagreements.map((d) => ({ ...d })),
        vpRole,
        ...presentLevelAdvice(advice),
      };
    case "no-profile":
      return {
        status: "no-profile",
        level: levelRef(advice.level),
        explanation: advice.explanation,
        vpRole,
        ...presentLevelAdvice(advice),
      };
    case "below-director":
      return {
        status: "below-director",
        level: advice.level ? levelRef(advice.level) : null,
        explanation: advice.explanation,
        directorLevel: levelRef(advice.directorLevel),
        nextLevel: advice.nextLevel ? levelRef(advice.nextLevel) : null,
        vpRole,
      };
  }
}

/** The owner's own check: only ever presented to them. */
export function presentVpFitCheck({ check, profile }: ScoredVpFitCheck): TVpFitCheck {
  return {
    id: check.id,
    at: check.at.toISOString(),
    answers: { ...check.answers },
    traits: profile.traits.map((t) => ({
      traitId: t.traitId,
      name: t.name,
      description: t.description,
      mean: t.mean,
      answered: t.answered,
      band: t.band,
    })),
    strengths: profile.strengths,
    watchOuts: profile.watchOuts,
    overallMean: profile.overallMean,
  };
}
