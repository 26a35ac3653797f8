import type { TFramework } from "@ascent/contract";

type Level = TFramework["levels"][number];
type Competency = TFramework["competencies"][number];
type Expectation = TFramework["expectations"][string][string];

/** A problem the editor shows in place before the server is asked, keyed by field path. */
export interface DraftProblem {
  path: string;
  message: string;
}

function unusedId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

function emptyExpectation(framework: TFramework): Expectation {
  return { expected: framework.scale.min, weight: 0, descriptor: "", interpolated: false };
}

/** Ranks follow the order of the list within each track: 1, 2, 3… per track, as the list reads. */
function rerank(levels: Level[]): Level[] {
  const next = new Map<string, number>();
  const usesTrackRanks = new Set(levels.map((level) => level.rank)).size < levels.length;
  return levels.map((level, index) => {
    if (!usesTrackRanks) return { ...level, rank: index + 1 };
    const rank = (next.get(level.track) ?? 0) + 1;
    next.set(level.track, rank);
    return { ...level, rank };
  });
}

/** Adds a level at the top of the ladder, with an expectation for every competency that does not apply yet. */
export function addLevel(framework: TFramework): { framework: TFramework; levelId: string } {
  const id = unusedId(
    "level",
    framework.levels.map((level) => level.id),
  );
  const top = framework.levels.at(-1);
  const level: Level = {
    id,
    rank: framework.levels.length + 1,
    name: "",
    track: top?.track ?? "ic",
    aliases: [],
    scope: "",
    summary: "",
  };
  const row = Object.fromEntries(framework.competencies.map((c) => [c.id, emptyExpectation(framework)]));
  return {
    framework: {
      ...framework,
      levels: rerank([...framework.levels, level]),
      expectations: { ...framework.expectations, [id]: row },
    },
    levelId: id,
  };
}

/** Removes a level with its expectations and the playbooks of pairs it belonged to. */
export function removeLevel(framework: TFramework, levelId: string): TFramework {
  const { [levelId]: _removed, ...expectations } = framework.expectations;
  return {
    ...framework,
    levels: rerank(framework.levels.filter((level) => level.id !== levelId)),
    expectations,
    playbooks: framework.playbooks.filter((p) => p.lowerLevelId !== levelId && p.upperLevelId !== levelId),
  };
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** Moves a level one place down (-1) or up (+1) the ladder; ranks follow the new order. */
export function moveLevel(framework: TFramework, levelId: string, by: -1 | 1): TFramework {
  const index = framework.levels.findIndex((level) => level.id === levelId);
  return { ...framework, levels: rerank(move(framework.levels, index, by)) };
}

/** Adds a competency in the last competency's area, not applying at any level yet. */
export function addCompetency(framework: TFramework): { framework: TFramework; competencyId: string } {
  const id = unusedId(
    "competency",
    framework.competencies.map((c) => c.id),
  );
  const competency: Competency = { id, name: "", area: framework.competencies.at(-1)?.area ?? "", description: "" };
  const expectations = Object.fromEntries(
    framework.levels.map((level) => [
      level.id,
      { ...framework.expectations[level.id], [id]: emptyExpectation(framework) },
    ]),
  );
  return {
    framework: { ...framework, competencies: [...framework.competencies, competency], expectations },
    competencyId: id,
  };
}

export function removeCompetency(framework: TFramework, competencyId: string): TFramework {
  const expectations = Object.fromEntries(
    Object.entries(framework.expectations).map(([levelId, row]) => {
      const { [competencyId]: _removed, ...rest } = row;
      return [levelId, rest];
    }),
  );
  return { ...framework, competencies: framework.competencies.filter((c) => c.id !== competencyId), expectations };
}

export function moveCompetency(framework: TFramework, competencyId: string, by: -1 | 1): TFramework {
  const index = framework.competencies.findIndex((c) => c.id === competencyId);
  return { ...framework, competencies: move(framework.competencies, index, by) };
}

/** Sets the labels of the scale's points, one per value from min to max. */
export function setScaleLabel(framework: TFramework, value: number, label: string): TFramework {
  return {
    ...framework,
    scale: {
      ...framework.scale,
      points: framework.scale.points.map((point) => (point.value === value ? { ...point, label } : point)),
    },
  };
}

/**
 * The rules the editor checks as one types: no duplicate ids, no gap in ranks within a track, a
 * descriptor wherever a competency applies (weight > 0), names present and expected values on the scale.
 */
export function draftProblems(framework: TFramework): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const duplicates = (ids: readonly string[], at: string, what: string) => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        problems.push({ path: `${at}.${index}.id`, message: `duplicate ${what} id "${id}"` });
    });
  };
  duplicates(
    framework.levels.map((level) => level.id),
    "levels",
    "level",
  );
  duplicates(
    framework.competencies.map((c) => c.id),
    "competencies",
    "competency",
  );
  framework.levels.forEach((level, index) => {
    if (level.name.trim() === "") problems.push({ path: `levels.${index}.name`, message: "the level needs a name" });
  });
  framework.competencies.forEach((competency, index) => {
    if (competency.name.trim() === "") {
      problems.push({ path: `competencies.${index}.name`, message: "the competency needs a name" });
    }
  });
  problems.push(...rankGaps(framework.levels));
  const { min, max } = framework.scale;
  for (const level of framework.levels) {
    for (const competency of framework.competencies) {
      const cell = framework.expectations[level.id]?.[competency.id];
      if (!cell) continue;
      const at = `expectations.${level.id}.${competency.id}`;
      if (cell.weight > 0 && cell.descriptor.trim() === "") {
        problems.push({
          path: `${at}.descriptor`,
          message: `"${competency.name || competency.id}" applies at ${level.name || level.id} (weight ${cell.weight}) but has no descriptor`,
        });
      }
      if (cell.expected < min || cell.expected > max) {
        problems.push({ path: `${at}.expected`, message: `expected must be within the scale ${min}–${max}` });
      }
    }
  }
  return problems;
}

function rankGaps(levels: readonly Level[]): DraftProblem[] {
  // Ranks run 1..n across the ladder, or 1..n within each track where tracks rank on their own.
  const usesTrackRanks = new Set(levels.map((level) => level.rank)).size < levels.length;
  const groups = new Map<string, Level[]>();
  for (const level of levels) {
    const group = usesTrackRanks ? level.track : "all";
    groups.set(group, [...(groups.get(group) ?? []), level]);
  }
  const problems: DraftProblem[] = [];
  for (const [group, members] of groups) {
    const ranks = new Set(members.map((level) => level.rank));
    for (let rank = 1; rank <= members.length; rank++) {
      if (!ranks.has(rank)) {
        const where = group === "all" ? "the ladder" : `the ${group} track`;
        problems.push({ path: "levels", message: `${where} has no level at rank ${rank}` });
      }
    }
  }
  return problems;
}
