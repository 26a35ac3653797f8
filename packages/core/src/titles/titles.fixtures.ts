import type { Framework, Level, Track } from "../framework/framework.ts";

/** A small seven-level product ladder, shaped like the built-in one, for title tests. */
export function buildLadder(): Framework {
  return {
    slug: "test-ladder",
    name: "Test product ladder",
    description: "A seven-level product ladder for title-mapping tests.",
    sources: [],
    scale: { min: 1, max: 5, points: [] },
    levels: [
      buildLevel("pm", 1, "Product Manager", "ic", ["Junior PM", "Associate PM", "APM", "PM"]),
      buildLevel("senior-pm", 2, "Senior Product Manager", "ic", ["Product Lead", "Group PM", "Senior PM"]),
      buildLevel("director", 3, "Director of Product", "manager", []),
      buildLevel("senior-director", 4, "Senior Director of Product", "manager", []),
      buildLevel("head", 5, "Head of Product", "manager", []),
      buildLevel("vp", 6, "VP of Product", "executive", []),
      buildLevel("cpo", 7, "Chief Product Officer", "executive", []),
    ],
    competencies: [],
    expectations: {},
    playbooks: [],
  };
}

export function buildLevel(id: string, rank: number, name: string, track: Track, aliases: string[]): Level {
  return {
    id,
    rank,
    name,
    track,
    aliases,
    scope: `${name} scope`,
    summary: `${name} summary`,
  };
}
