import type { Competency, Expectation, Framework, Level, Playbook } from "./framework.ts";

/** A small valid ladder for tests: 3 levels × 3 competencies, one playbook. Every call returns fresh objects. */
export function buildFramework(overrides: Partial<Framework> = {}): Framework {
  const levels = buildLevels();
  const competencies = buildCompetencies();
  return {
    slug: "test-ladder",
    name: "Test ladder",
    description: "A small ladder for tests.",
    sources: [
      {
        id: "torabi",
        title: "Product management career ladder",
        author: "P. Torabi",
        publisher: "Blog",
        year: 2023,
        usedFor: "Levels and criteria.",
      },
    ],
    scale: {
      min: 1,
      max: 5,
      points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Point ${value}`, description: `Level ${value} of 5.` })),
    },
    levels,
    competencies,
    expectations: buildExpectations(levels, competencies),
    playbooks: [buildPlaybook()],
    ...overrides,
  };
}

function buildLevels(): Level[] {
  return [
    {
      id: "pm",
      rank: 1,
      name: "Product Manager",
      track: "ic",
      aliases: ["PM", "Associate PM"],
      scope: "One product.",
      summary: "Owns a product.",
    },
    {
      id: "director",
      rank: 2,
      name: "Director of Product",
      track: "manager",
      aliases: ["Product Director"],
      scope: "A team of PMs.",
      summary: "Runs an area.",
    },
    {
      id: "vp",
      rank: 3,
      name: "VP of Product",
      track: "executive",
      aliases: [],
      scope: "Several lines.",
      summary: "Leads the function.",
    },
  ];
}

function buildCompetencies(): Competency[] {
  return [
    { id: "strategy", name: "Strategic thinking", area: "Strategy", description: "Sees the long game." },
    { id: "leadership", name: "Leadership", area: "People", description: "Brings people along." },
    { id: "communication", name: "Communication", area: "People", description: "Says it clearly." },
  ];
}

function buildExpectations(levels: Level[], competencies: Competency[]): Framework["expectations"] {
  const matrix: Framework["expectations"] = {};
  for (const level of levels) {
    const row: Record<string, Expectation> = {};
    for (const competency of competencies) {
      row[competency.id] = {
        expected: Math.min(level.rank + 1, 5),
        weight: 1,
        descriptor: `${competency.name} at ${level.name}.`,
        interpolated: level.id === "director",
      };
    }
    matrix[level.id] = row;
  }
  return matrix;
}

function buildPlaybook(): Playbook {
  return {
    id: "pm-director",
    name: "PM and Director",
    lowerLevelId: "pm",
    upperLevelId: "director",
    aspects: [
      {
        id: "strategic-alignment",
        name: "Strategic alignment",
        lowerBrings: "Product insight.",
        upperBrings: "Area strategy.",
        prompts: ["Which goal does this serve?"],
      },
      {
        id: "coaching",
        name: "Coaching and mentorship",
        lowerBrings: "Questions.",
        upperBrings: "Experience.",
        prompts: ["What would you do differently?", "Who could help?"],
      },
    ],
  };
}
