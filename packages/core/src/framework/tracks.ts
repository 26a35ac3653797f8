import type { Framework, Level, Track } from "./framework.ts";

/**
 * The next level up: the next rank on the level's own track; where that track ends, the level's first
 * declared move. A framework that declares no moves at all is one ladder whose track changes as it climbs
 * (PM → Director), so there the next level up is simply the next rank.
 */
export function nextOnTrack(framework: Framework, level: Level): Level | null {
  const higher = framework.levels.filter((l) => l.rank > level.rank).sort((a, b) => a.rank - b.rank);
  if (!hasMoves(framework)) return higher[0] ?? null;
  const sameTrack = higher.find((l) => l.track === level.track);
  if (sameTrack) return sameTrack;
  const moved = (level.moves ?? []).map((id) => higher.find((l) => l.id === id)).find((l) => l !== undefined);
  return moved ?? null;
}

/** Whether the framework models parallel tracks with moves between them. */
export function hasMoves(framework: Framework): boolean {
  return framework.levels.some((l) => (l.moves ?? []).length > 0);
}

/** Every level one can move to from here: the next rank on the own track, then the declared moves. */
export function movesFrom(framework: Framework, level: Level): Level[] {
  const next = nextOnTrack(framework, level);
  const declared = (level.moves ?? []).flatMap((id) => framework.levels.filter((l) => l.id === id));
  const all = next ? [next, ...declared] : declared;
  return all.filter((l, index) => all.findIndex((other) => other.id === l.id) === index);
}

/** The framework's levels per track, in rank order; tracks without levels are left out. */
export function levelsByTrack(framework: Framework): { track: Track; levels: Level[] }[] {
  const tracks: Track[] = ["ic", "manager", "executive"];
  return tracks
    .map((track) => ({
      track,
      levels: framework.levels.filter((l) => l.track === track).sort((a, b) => a.rank - b.rank),
    }))
    .filter((entry) => entry.levels.length > 0);
}
