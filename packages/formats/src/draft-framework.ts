import type { Competency, ExpectationMatrix, Framework, Level, Scale, Track } from "@ascent/core";

/** The 1–5 scale a spreadsheet import starts from; the admin can rename the points later. */
export const DRAFT_SCALE: Scale = {
  min: 1,
  max: 5,
  points: [
    { value: 1, label: "Learning", description: "Is learning this with close guidance." },
    { value: 2, label: "Developing", description: "Does this with some support." },
    { value: 3, label: "Proficient", description: "Does this reliably without support." },
    { value: 4, label: "Advanced", description: "Does this in hard situations and coaches others." },
    { value: 5, label: "Leading", description: "Sets the standard for this across the organisation." },
  ],
};

/** Lower-case, ASCII, hyphen-separated; falls back when nothing usable is left. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? fallback : slug;
}

/** Slugifies each name, suffixing -2, -3… so that every id is unique within the list. */
export function uniqueSlugs(names: readonly string[], fallback: string): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name, fallback);
    let candidate = base;
    for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}-${suffix}`;
    used.add(candidate);
    return candidate;
  });
}

/** A first guess from the level's name; the admin confirms it in the preview. */
export function guessTrack(levelName: string): Track {
  if (/\b(vp|svp|evp|vice[\s-]+president|president|chief|cpo|cto|ceo)\b/i.test(levelName)) return "executive";
  if (/\b(director|head)\b/i.test(levelName)) return "manager";
  return "ic";
}

/** Spreads the columns evenly over the scale: the first level expects the minimum, the last the maximum. */
export function expectedForPosition(index: number, count: number, scale: Scale = DRAFT_SCALE): number {
  if (count <= 1) return Math.round((scale.min + scale.max) / 2);
  return scale.min + Math.round((index * (scale.max - scale.min)) / (count - 1));
}

export interface DraftCompetencyInput {
  name: string;
  area: string;
  description?: string;
  /** One descriptor per level, in level order; "" where the cell was empty. */
  descriptors: readonly string[];
}

export interface DraftFrameworkInput {
  name: string;
  slug?: string;
  description?: string;
  /** Level names from the most junior to the most senior. */
  levels: readonly string[];
  competencies: readonly DraftCompetencyInput[];
}

/** Builds a framework with sensible defaults from names and descriptor text alone. */
export function buildDraftFramework(input: DraftFrameworkInput): Framework {
  const levelIds = uniqueSlugs(input.levels, "level");
  const competencyIds = uniqueSlugs(
    input.competencies.map((competency) => competency.name),
    "competency",
  );
  const levels: Level[] = input.levels.map((name, index) => ({
    id: levelIds[index] ?? `level-${index + 1}`,
    rank: index + 1,
    name,
    track: guessTrack(name),
    aliases: [],
    scope: "",
    summary: "",
  }));
  const competencies: Competency[] = input.competencies.map((competency, index) => ({
    id: competencyIds[index] ?? `competency-${index + 1}`,
    name: competency.name,
    area: competency.area,
    description: competency.description ?? "",
  }));
  const expectations: ExpectationMatrix = {};
  levels.forEach((level, levelIndex) => {
    const row: ExpectationMatrix[string] = {};
    competencies.forEach((competency, competencyIndex) => {
      row[competency.id] = {
        expected: expectedForPosition(levelIndex, levels.length),
        weight: 1,
        descriptor: input.competencies[competencyIndex]?.descriptors[levelIndex] ?? "",
        interpolated: false,
      };
    });
    expectations[level.id] = row;
  });
  return {
    slug: input.slug ?? slugify(input.name, "imported-framework"),
    name: input.name,
    description: input.description ?? "",
    sources: [],
    scale: structuredClone(DRAFT_SCALE),
    levels,
    competencies,
    expectations,
    playbooks: [],
  };
}
