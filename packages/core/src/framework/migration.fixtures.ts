import type { Framework } from "./framework.ts";
import { buildFramework } from "./framework.fixtures.ts";
import type { FrameworkMigrationMap } from "./migration-map.ts";

/**
 * The fixture's next version: "strategy" and "leadership" merged into "direction", "communication" renamed to
 * "storytelling" (same name), level "director" renamed to "head" (its old name kept as an alias), "vp" removed.
 */
export function buildNextFramework(): Framework {
  const before = buildFramework();
  const pm = before.levels[0]!;
  const director = before.levels[1]!;
  const communication = before.competencies[2]!;
  const next = buildFramework({
    levels: [pm, { ...director, id: "head", name: "Head of Product", aliases: ["Director of Product"] }],
    competencies: [
      { id: "direction", name: "Direction", area: "Strategy", description: "Sets and shares the course." },
      { ...communication, id: "storytelling" },
    ],
    playbooks: [{ ...before.playbooks[0]!, upperLevelId: "head" }],
  });
  next.expectations = {};
  for (const [levelId, oldLevelId] of [
    ["pm", "pm"],
    ["head", "director"],
  ] as const) {
    const row = before.expectations[oldLevelId]!;
    next.expectations[levelId] = { direction: row.strategy!, storytelling: row.communication! };
  }
  return next;
}

/** The map that takes the fixture to `buildNextFramework()`. */
export function buildMigrationMap(): FrameworkMigrationMap {
  return {
    competencies: [
      { kind: "merge", from: ["strategy", "leadership"], to: "direction" },
      { kind: "rename", from: "communication", to: "storytelling" },
    ],
    levels: [
      { kind: "rename", from: "director", to: "head" },
      { kind: "remove", id: "vp", fallbackTo: "head" },
    ],
  };
}
