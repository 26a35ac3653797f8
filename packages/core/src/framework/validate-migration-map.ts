import type { Framework } from "./framework.ts";
import { formatIssuePath, type FrameworkIssue, type IssuePath } from "./framework-issue.ts";
import type { CompetencyMigration, FrameworkMigrationMap, LevelMigration } from "./migration-map.ts";

/** Checks a migration map against the two versions it connects; paths point into the map. */
export function validateMigrationMap(
  map: FrameworkMigrationMap,
  before: Framework,
  after: Framework,
): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  checkCompetencies(map.competencies, before, after, issues);
  checkLevels(map.levels, before, after, issues);
  return issues;
}

function checkCompetencies(
  entries: CompetencyMigration[],
  before: Framework,
  after: Framework,
  issues: FrameworkIssue[],
): void {
  const ids = trackIds(COMPETENCY_WORDS, before.competencies, after.competencies, issues);
  entries.forEach((entry, index) => {
    const path = ["competencies", index];
    if (entry.kind === "remove") {
      ids.claimSource(entry.id, [...path, "id"], entry.kind);
      return;
    }
    if (entry.kind === "rename") {
      ids.claimSource(entry.from, [...path, "from"], entry.kind);
    } else {
      if (entry.from.length < 2)
        issues.push({ path: [...path, "from"], message: "a merge needs at least two competencies" });
      entry.from.forEach((id, fromIndex) => ids.claimSource(id, [...path, "from", fromIndex], entry.kind));
    }
    ids.claimTarget(entry.to, [...path, "to"]);
  });
  ids.finish();
}

function checkLevels(entries: LevelMigration[], before: Framework, after: Framework, issues: FrameworkIssue[]): void {
  const ids = trackIds(LEVEL_WORDS, before.levels, after.levels, issues);
  entries.forEach((entry, index) => {
    const path = ["levels", index];
    if (entry.kind === "remove") {
      ids.claimSource(entry.id, [...path, "id"], entry.kind);
      if (entry.fallbackTo !== undefined) ids.requireNew(entry.fallbackTo, [...path, "fallbackTo"]);
      return;
    }
    ids.claimSource(entry.from, [...path, "from"], entry.kind);
    // Many levels may move onto one, but a rename says "this is the same level under a new id".
    if (entry.kind === "rename") ids.claimTarget(entry.to, [...path, "to"]);
    else ids.requireNew(entry.to, [...path, "to"]);
  });
  ids.finish();
}

interface Words {
  noun: string;
  section: string;
  /** What to do instead when a target is claimed twice or also carries over unchanged. */
  sharedTargetHint: string;
  mappingVerbs: string;
}

const COMPETENCY_WORDS: Words = {
  noun: "competency",
  section: "competencies",
  sharedTargetHint: "use one merge instead",
  mappingVerbs: "rename, merge or remove",
};

const LEVEL_WORDS: Words = {
  noun: "level",
  section: "levels",
  sharedTargetHint: "use move instead",
  mappingVerbs: "move, rename or remove",
};

/** Tracks which old ids the map consumes and which new ids it claims, reporting conflicts as it goes. */
function trackIds(
  words: Words,
  oldItems: readonly { id: string }[],
  newItems: readonly { id: string }[],
  issues: FrameworkIssue[],
) {
  const oldIds = new Set(oldItems.map((item) => item.id));
  const newIds = new Set(newItems.map((item) => item.id));
  const sources = new Map<string, { path: IssuePath; kind: string }>();
  const targets = new Map<string, IssuePath>();
  const describe = (id: string) => `${words.noun} ${JSON.stringify(id)}`;
  const entryPath = (path: IssuePath) => formatIssuePath(path.slice(0, 2));

  function requireNew(id: string, path: IssuePath): boolean {
    if (newIds.has(id)) return true;
    issues.push({ path, message: `unknown ${describe(id)} in the new version` });
    return false;
  }

  function claimSource(id: string, path: IssuePath, kind: string): void {
    const earlier = sources.get(id);
    if (!oldIds.has(id)) issues.push({ path, message: `unknown ${describe(id)} in the old version` });
    else if (earlier !== undefined) {
      issues.push({
        path,
        message: `${describe(id)} is already mapped by ${entryPath(earlier.path)} (${earlier.kind})`,
      });
    } else sources.set(id, { path, kind });
  }

  function claimTarget(id: string, path: IssuePath): void {
    if (!requireNew(id, path)) return;
    const earlier = targets.get(id);
    if (earlier === undefined) targets.set(id, path);
    else {
      issues.push({
        path,
        message: `${describe(id)} is already the target of ${entryPath(earlier)}; ${words.sharedTargetHint}`,
      });
    }
  }

  function finish(): void {
    for (const [id, path] of targets) {
      if (oldIds.has(id) && !sources.has(id)) {
        issues.push({ path, message: `${describe(id)} exists in both versions; ${words.sharedTargetHint}` });
      }
    }
    for (const id of oldIds) {
      if (!newIds.has(id) && !sources.has(id)) {
        issues.push({
          path: [words.section],
          message: `${describe(id)} is not in the new version; ${words.mappingVerbs} it`,
        });
      }
    }
  }

  return { requireNew, claimSource, claimTarget, finish };
}
