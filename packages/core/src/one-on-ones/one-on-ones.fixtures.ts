import type { Framework, Level, Playbook } from "../framework/framework.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";

const LEVELS: [string, string][] = [
  ["pm", "Product Manager"],
  ["senior-pm", "Senior Product Manager"],
  ["director", "Director of Product"],
  ["senior-director", "Senior Director of Product"],
  ["head", "Head of Product"],
  ["vp", "VP of Product"],
  ["cpo", "Chief Product Officer"],
];

function buildPlaybook(id: string, lowerLevelId: string, upperLevelId: string): Playbook {
  return {
    id,
    name: `${lowerLevelId} and ${upperLevelId}`,
    lowerLevelId,
    upperLevelId,
    aspects: Array.from({ length: 7 }, (_, index) => ({
      id: `${id}-aspect-${index + 1}`,
      name: `${id} aspect ${index + 1}`,
      lowerBrings: `What the ${lowerLevelId} brings to aspect ${index + 1}.`,
      upperBrings: `What the ${upperLevelId} brings to aspect ${index + 1}.`,
      prompts: [`First question on aspect ${index + 1}?`, `Second question on aspect ${index + 1}?`],
    })),
  };
}

/** The built-in ladder's shape: seven levels ranked 1–7 and the three seeded pairs, seven aspects each. */
export function buildSevenLevelLadder(overrides: Partial<Framework> = {}): Framework {
  const levels: Level[] = LEVELS.map(([id, name], index) => ({
    id,
    name,
    rank: index + 1,
    track: index === 0 ? "ic" : "manager",
    aliases: [],
    scope: `${name} scope.`,
    summary: `${name} summary.`,
  }));
  const base = buildFramework();
  const expectations: Framework["expectations"] = {};
  for (const level of levels) {
    expectations[level.id] = Object.fromEntries(
      base.competencies.map((c) => [
        c.id,
        { expected: Math.min(1 + Math.floor(level.rank / 2), 5), weight: 1, descriptor: "d", interpolated: false },
      ]),
    );
  }
  return buildFramework({
    levels,
    expectations,
    playbooks: [
      buildPlaybook("pm-director", "pm", "director"),
      buildPlaybook("director-vp", "director", "vp"),
      buildPlaybook("vp-cpo", "vp", "cpo"),
    ],
    ...overrides,
  });
}
