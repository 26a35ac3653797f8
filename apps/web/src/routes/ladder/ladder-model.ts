import type { TFramework } from "@ascent/contract";

export type Level = TFramework["levels"][number];
export type Competency = TFramework["competencies"][number];
export type Expectation = TFramework["expectations"][string][string];

export const TRACK_LABELS: Record<Level["track"], string> = {
  ic: "Individual contributor",
  manager: "Manager",
  executive: "Executive",
};

const UNGROUPED = "Other";

export function levelsByRank(framework: TFramework): Level[] {
  return [...framework.levels].sort((a, b) => a.rank - b.rank);
}

/** Competencies grouped by area, in the order the framework first mentions each area. */
export function competenciesByArea(framework: TFramework): { area: string; competencies: Competency[] }[] {
  const groups = new Map<string, Competency[]>();
  for (const competency of framework.competencies) {
    const area = competency.area.trim() || UNGROUPED;
    groups.set(area, [...(groups.get(area) ?? []), competency]);
  }
  return [...groups].map(([area, competencies]) => ({ area, competencies }));
}

export function expectationOf(framework: TFramework, levelId: string, competencyId: string): Expectation | undefined {
  return framework.expectations[levelId]?.[competencyId];
}

/** "3 · Proficient": the number and the scale's word for it. */
export function scaleLabel(framework: TFramework, value: number): string {
  const point = framework.scale.points.find((p) => p.value === value);
  return point ? `${value} · ${point.label}` : String(value);
}

/** The sourced levels an interpolated descriptor sits between: the nearest non-interpolated ones. */
export function interpolatedBetween(
  framework: TFramework,
  levelId: string,
  competencyId: string,
): { below?: Level; above?: Level } {
  const levels = levelsByRank(framework);
  const index = levels.findIndex((l) => l.id === levelId);
  const isSourced = (level: Level) => expectationOf(framework, level.id, competencyId)?.interpolated === false;
  const below = levels.slice(0, index).reverse().find(isSourced);
  const above = levels.slice(index + 1).find(isSourced);
  return { ...(below ? { below } : {}), ...(above ? { above } : {}) };
}

/** Whether a competency counts at a level: weight 0 means "does not apply". */
export function applies(expectation: Expectation | undefined): boolean {
  return expectation !== undefined && expectation.weight > 0;
}

/**
 * The next level up from a level, as core decides it: the next rank on its own track, else its first
 * declared move; a framework without moves is one ladder, so there it is simply the next rank.
 */
export function nextOnTrack(framework: TFramework, level: Level): Level | undefined {
  const higher = levelsByRank(framework).filter((l) => l.rank > level.rank);
  if (!framework.levels.some((l) => (l.moves ?? []).length > 0)) return higher[0];
  return (
    higher.find((l) => l.track === level.track) ??
    (level.moves ?? []).map((id) => higher.find((l) => l.id === id)).find((l) => l !== undefined)
  );
}

/** Where one can go from a level: the next rank on its track, then the moves to other tracks. */
export function movesFrom(framework: TFramework, level: Level): Level[] {
  const next = nextOnTrack(framework, level);
  const declared = (level.moves ?? []).flatMap((id) => framework.levels.filter((l) => l.id === id));
  const all = next ? [next, ...declared] : declared;
  return all.filter((l, index) => all.findIndex((other) => other.id === l.id) === index);
}
