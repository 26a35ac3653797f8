import { TRACKS } from "./framework.ts";
import { formatIssuePath, type FrameworkIssue } from "./framework-issue.ts";
import {
  normalizeName,
  reportDuplicates,
  requireArray,
  requireNonEmptyArray,
  requireNumber,
  requireRecord,
  requireString,
  type KeyedValue,
} from "./field-checks.ts";

/** Level id → rank (undefined when the rank itself is invalid), in ladder order, first occurrence of each id. */
export type KnownLevels = Map<string, number | undefined>;

interface LevelFacts {
  index: number;
  id: string | undefined;
  name: string | undefined;
  rank: number | undefined;
  track: string | undefined;
  moves: { target: string; moveIndex: number }[];
  aliases: { alias: string; aliasIndex: number }[];
}

export function validateLevels(value: unknown, issues: FrameworkIssue[]): KnownLevels {
  const known: KnownLevels = new Map();
  const items = requireNonEmptyArray(value, ["levels"], issues, "level");
  if (items === undefined) return known;
  const facts = items.flatMap((item, index) => {
    const level = validateLevel(item, index, issues);
    return level === undefined ? [] : [level];
  });
  reportDuplicates(
    keyed(facts, "id", (id) => id),
    "level id",
    issues,
  );
  reportDuplicates(keyed(facts, "name", normalizeName), "level name", issues);
  checkRanks(facts, items.length, issues);
  checkAliases(facts, issues);
  checkMoves(facts, issues);
  for (const { id, rank } of facts) {
    if (id !== undefined && !known.has(id)) known.set(id, rank);
  }
  return known;
}

function validateLevel(item: unknown, index: number, issues: FrameworkIssue[]): LevelFacts | undefined {
  const path = ["levels", index];
  const level = requireRecord(item, path, issues);
  if (level === undefined) return undefined;
  const id = requireString(level.id, [...path, "id"], issues);
  const rank = requireNumber(level.rank, [...path, "rank"], issues, { integer: true });
  const name = requireString(level.name, [...path, "name"], issues);
  const track = requireString(level.track, [...path, "track"], issues);
  if (track !== undefined && !(TRACKS as readonly string[]).includes(track)) {
    issues.push({
      path: [...path, "track"],
      message: `must be one of ${TRACKS.join(", ")}, got ${JSON.stringify(track)}`,
    });
  }
  const aliases: LevelFacts["aliases"] = [];
  requireArray(level.aliases, [...path, "aliases"], issues)?.forEach((entry, aliasIndex) => {
    const alias = requireString(entry, [...path, "aliases", aliasIndex], issues);
    if (alias !== undefined) aliases.push({ alias, aliasIndex });
  });
  requireString(level.scope, [...path, "scope"], issues, { allowEmpty: true });
  requireString(level.summary, [...path, "summary"], issues, { allowEmpty: true });
  const moves: LevelFacts["moves"] = [];
  if (level.moves !== undefined) {
    requireArray(level.moves, [...path, "moves"], issues)?.forEach((entry, moveIndex) => {
      const target = requireString(entry, [...path, "moves", moveIndex], issues);
      if (target !== undefined) moves.push({ target, moveIndex });
    });
  }
  return { index, id, name, rank, track, moves, aliases };
}

function keyed(facts: LevelFacts[], field: "id" | "name", toKey: (text: string) => string): KeyedValue[] {
  return facts.flatMap((level) => {
    const text = level[field];
    return text === undefined ? [] : [{ key: toKey(text), shown: text, path: ["levels", level.index, field] }];
  });
}

/**
 * Ranks order seniority across tracks: a rank may repeat on different tracks (Principal PM beside Director),
 * never within one, and together they run 1..m with no gap.
 */
function checkRanks(facts: LevelFacts[], levelCount: number, issues: FrameworkIssue[]): void {
  const inRange: KeyedValue[] = [];
  for (const { index, rank, track } of facts) {
    if (rank === undefined) continue;
    const path = ["levels", index, "rank"];
    if (rank < 1 || rank > levelCount)
      issues.push({ path, message: `must be between 1 and ${levelCount}, got ${rank}` });
    else inRange.push({ key: `${track ?? ""}:${rank}`, shown: rank, path });
  }
  reportDuplicates(inRange, "rank on one track", issues);
  const used = new Set(inRange.map((entry) => Number(entry.key.split(":")[1])));
  const highest = Math.max(0, ...used);
  for (let rank = 1; rank <= highest; rank++) {
    if (!used.has(rank)) {
      issues.push({ path: ["levels"], message: `missing rank ${rank} (ranks must run 1..${highest} with no gap)` });
    }
  }
}

/** A move names a level of the same framework that ranks higher. */
function checkMoves(facts: LevelFacts[], issues: FrameworkIssue[]): void {
  const rankById = new Map(facts.flatMap((level) => (level.id === undefined ? [] : [[level.id, level.rank] as const])));
  for (const level of facts) {
    for (const { target, moveIndex } of level.moves) {
      const path = ["levels", level.index, "moves", moveIndex];
      if (!rankById.has(target)) {
        issues.push({ path, message: `moves to level ${JSON.stringify(target)}, which does not exist` });
        continue;
      }
      const targetRank = rankById.get(target);
      if (level.rank !== undefined && targetRank !== undefined && targetRank <= level.rank) {
        issues.push({
          path,
          message: `moves to level ${JSON.stringify(target)} (rank ${targetRank}), which does not rank above ${level.rank}`,
        });
      }
    }
  }
}

/** Title mapping resolves aliases case-insensitively, so one alias may point at one level only. */
function checkAliases(facts: LevelFacts[], issues: FrameworkIssue[]): void {
  const levelByName = new Map<string, LevelFacts>();
  for (const level of facts) {
    if (level.name !== undefined && !levelByName.has(normalizeName(level.name))) {
      levelByName.set(normalizeName(level.name), level);
    }
  }
  const firstUse = new Map<string, { level: LevelFacts; aliasIndex: number }>();
  for (const level of facts) {
    for (const { alias, aliasIndex } of level.aliases) {
      const key = normalizeName(alias);
      const path = ["levels", level.index, "aliases", aliasIndex];
      const named = levelByName.get(key);
      const earlier = firstUse.get(key);
      if (named !== undefined && named !== level) {
        issues.push({ path, message: `alias ${JSON.stringify(alias)} is the name of ${describeLevel(named)}` });
      } else if (earlier?.level === level) {
        const earlierPath = formatIssuePath(["levels", level.index, "aliases", earlier.aliasIndex]);
        issues.push({ path, message: `duplicate alias ${JSON.stringify(alias)} (first at ${earlierPath})` });
      } else if (earlier !== undefined) {
        issues.push({
          path,
          message: `alias ${JSON.stringify(alias)} is also used by ${describeLevel(earlier.level)}`,
        });
      } else {
        firstUse.set(key, { level, aliasIndex });
      }
    }
  }
}

function describeLevel(level: LevelFacts): string {
  return level.id === undefined ? formatIssuePath(["levels", level.index]) : `level ${JSON.stringify(level.id)}`;
}
