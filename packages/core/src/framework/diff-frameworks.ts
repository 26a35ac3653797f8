import { deepEqual } from "./deep-equal.ts";
import type {
  Competency,
  Expectation,
  Framework,
  Guidance,
  Level,
  Playbook,
  PlaybookAspect,
  ScalePoint,
  Source,
} from "./framework.ts";

/** One field that differs; a value that is absent on one side is `null`, so the change survives JSON. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Added and changed entries follow the new version's order, removed ones the old version's. */
export interface ListDiff<Item, Key> {
  added: Item[];
  removed: Item[];
  changed: (Key & { changes: FieldChange[] })[];
}

export interface ExpectationEntry {
  levelId: string;
  competencyId: string;
  expectation: Expectation;
}

export interface PlaybookAspectEntry {
  playbookId: string;
  aspect: PlaybookAspect;
}

export type PlaybookHeader = Omit<Playbook, "aspects">;

/** What changed between two framework versions. Plain data: print it or send it as JSON. */
export interface FrameworkDiff {
  /** slug, name, description */
  framework: FieldChange[];
  /** min, max */
  scale: FieldChange[];
  scalePoints: ListDiff<ScalePoint, { value: number }>;
  sources: ListDiff<Source, { id: string }>;
  levels: ListDiff<Level, { id: string }>;
  competencies: ListDiff<Competency, { id: string }>;
  /** Keyed by level × competency, in ladder order then competency order. */
  expectations: ListDiff<ExpectationEntry, { levelId: string; competencyId: string }>;
  /** A playbook's own fields; its aspects are diffed in `playbookAspects`. */
  playbooks: ListDiff<PlaybookHeader, { id: string }>;
  playbookAspects: ListDiff<PlaybookAspectEntry, { playbookId: string; aspectId: string }>;
  /** One change per guidance section that differs (careerPlanning, vpRole, orgShapes, advancementPaths). */
  guidance: FieldChange[];
}

const LEVEL_FIELDS = ["rank", "name", "track", "aliases", "scope", "summary"] as const;
const COMPETENCY_FIELDS = ["name", "area", "description"] as const;
const EXPECTATION_FIELDS = ["expected", "weight", "descriptor", "interpolated"] as const;
const SOURCE_FIELDS = ["title", "author", "publisher", "year", "usedFor"] as const;
const POINT_FIELDS = ["label", "description"] as const;
const PLAYBOOK_FIELDS = ["name", "lowerLevelId", "upperLevelId"] as const;
const ASPECT_FIELDS = ["name", "lowerBrings", "upperBrings", "prompts"] as const;
const GUIDANCE_SECTIONS: readonly (keyof Guidance)[] = ["careerPlanning", "vpRole", "orgShapes", "advancementPaths"];

export function diffFrameworks(before: Framework, after: Framework): FrameworkDiff {
  const diff: FrameworkDiff = {
    framework: compareFields(before, after, ["slug", "name", "description"]),
    scale: compareFields(before.scale, after.scale, ["min", "max"]),
    scalePoints: diffList(
      before.scale.points,
      after.scale.points,
      (point) => String(point.value),
      (point) => ({ value: point.value }),
      (old, next) => compareFields(old, next, POINT_FIELDS),
    ),
    sources: diffById(before.sources, after.sources, SOURCE_FIELDS),
    levels: diffById(before.levels, after.levels, LEVEL_FIELDS),
    competencies: diffById(before.competencies, after.competencies, COMPETENCY_FIELDS),
    expectations: diffList(
      listExpectations(before),
      listExpectations(after),
      (entry) => JSON.stringify([entry.levelId, entry.competencyId]),
      ({ levelId, competencyId }) => ({ levelId, competencyId }),
      (old, next) => compareFields(old.expectation, next.expectation, EXPECTATION_FIELDS),
    ),
    playbooks: diffById(before.playbooks.map(toPlaybookHeader), after.playbooks.map(toPlaybookHeader), PLAYBOOK_FIELDS),
    playbookAspects: diffList(
      listAspects(before),
      listAspects(after),
      (entry) => JSON.stringify([entry.playbookId, entry.aspect.id]),
      (entry) => ({ playbookId: entry.playbookId, aspectId: entry.aspect.id }),
      (old, next) => compareFields(old.aspect, next.aspect, ASPECT_FIELDS),
    ),
    guidance: compareFields<Partial<Guidance>>(before.guidance ?? {}, after.guidance ?? {}, GUIDANCE_SECTIONS),
  };
  // The diff must not share objects with either framework, so callers may keep or change it freely.
  return structuredClone(diff);
}

function compareFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields
    .filter((field) => !deepEqual(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
): ListDiff<T, { id: string }> {
  return diffList(
    before,
    after,
    (item) => item.id,
    (item) => ({ id: item.id }),
    (old, next) => compareFields(old, next, fields),
  );
}

function diffList<T, Key>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  identify: (item: T) => Key,
  compare: (before: T, after: T) => FieldChange[],
): ListDiff<T, Key> {
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterKeys = new Set(after.map(keyOf));
  const diff: ListDiff<T, Key> = { added: [], removed: [], changed: [] };
  for (const item of after) {
    const old = beforeByKey.get(keyOf(item));
    if (old === undefined) {
      diff.added.push(item);
      continue;
    }
    const changes = compare(old, item);
    if (changes.length > 0) diff.changed.push({ ...identify(item), changes });
  }
  diff.removed = before.filter((item) => !afterKeys.has(keyOf(item)));
  return diff;
}

function listExpectations(framework: Framework): ExpectationEntry[] {
  return framework.levels.flatMap((level) =>
    framework.competencies.flatMap((competency) => {
      const expectation = framework.expectations[level.id]?.[competency.id];
      return expectation === undefined ? [] : [{ levelId: level.id, competencyId: competency.id, expectation }];
    }),
  );
}

function listAspects(framework: Framework): PlaybookAspectEntry[] {
  return framework.playbooks.flatMap((playbook) =>
    playbook.aspects.map((aspect) => ({ playbookId: playbook.id, aspect })),
  );
}

function toPlaybookHeader({ id, name, lowerLevelId, upperLevelId }: Playbook): PlaybookHeader {
  return { id, name, lowerLevelId, upperLevelId };
}
