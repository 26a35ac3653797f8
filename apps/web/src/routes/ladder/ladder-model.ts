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
