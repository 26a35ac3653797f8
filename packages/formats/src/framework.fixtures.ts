import type { Framework } from "@ascent/core";

/**
 * A valid ladder whose text is hard on file formats: commas, semicolons, quotes, newlines, pipes,
 * non-ASCII, text that spreadsheets would run as formulas, YAML-looking values and an empty cell.
 */
export function buildAwkwardFramework(): Framework {
  const levels = [
    {
      id: "apm",
      rank: 1,
      name: "Associate PM",
      track: "ic",
      aliases: ["APM"],
      scope: "A feature.",
      summary: "Learns the craft.",
    },
    {
      id: "pm",
      rank: 2,
      name: "Product Manager",
      track: "ic",
      aliases: [],
      scope: "A product; one team.",
      summary: "Owns outcomes.",
    },
    {
      id: "head",
      rank: 3,
      name: "Head of Product, EMEA",
      track: "manager",
      aliases: [],
      scope: "A region.",
      summary: "Leads PMs.",
    },
    {
      id: "cpo",
      rank: 4,
      name: "Chief Product Officer",
      track: "executive",
      aliases: ["CPO"],
      scope: "The company.",
      summary: "Sets direction.",
    },
  ] satisfies Framework["levels"];
  const competencies = [
    { id: "strategy", name: "Strategy & vision", area: "Strategy", description: "Knows where we are going." },
    { id: "discovery", name: "Discovery; research", area: "Strategy", description: "" },
    { id: "delivery", name: 'Delivery "at pace"', area: "Execution", description: "Ships." },
    { id: "people", name: "Coaching — others", area: "Leadership | People", description: "Grows people." },
  ] satisfies Framework["competencies"];
  const text: Record<string, Record<string, string>> = {
    apm: {
      strategy: "Explains the product goal, and how the feature serves it.",
      discovery: "- runs interviews with help\n- writes up notes",
      delivery: "=SUM(A1:A2) is not a formula here",
      people: "",
    },
    pm: {
      strategy: 'Writes the product strategy; reviews it "quarterly".',
      discovery: "Plans research.\n\nShares findings widely.",
      delivery: "+1 for shipping on time, @team",
      people: "Mentors an APM.",
    },
    head: {
      strategy: "yes",
      discovery: "Résumé of all research; naïve assumptions challenged.",
      delivery: "1.0",
      people: "Hires | coaches | grows PMs",
    },
    cpo: {
      strategy: "Sets the company's product vision: 3–5 years.",
      discovery: "null",
      delivery: "Holds the whole org to account,\tacross teams.",
      people: "Builds the leadership bench.",
    },
  };
  const expectations: Framework["expectations"] = {};
  levels.forEach((level, levelIndex) => {
    expectations[level.id] = {};
    for (const competency of competencies) {
      (expectations[level.id] as Record<string, Framework["expectations"][string][string]>)[competency.id] = {
        expected: Math.min(5, levelIndex + 2),
        weight: competency.id === "people" && level.id === "apm" ? 0 : 1,
        descriptor: text[level.id]?.[competency.id] ?? "",
        interpolated: level.id === "head",
      };
    }
  });
  return {
    slug: "awkward-ladder",
    name: "Awkward ladder",
    description: "A ladder for format tests.\nSecond line: with a colon.",
    sources: [{ id: "torabi", title: "PM career ladder", author: "P. Torabi", year: 2023, usedFor: "Levels." }],
    scale: {
      min: 1,
      max: 5,
      points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Point ${value}`, description: `Level ${value} of 5.` })),
    },
    levels,
    competencies,
    expectations,
    playbooks: [
      {
        id: "apm-pm",
        name: "APM and PM",
        lowerLevelId: "apm",
        upperLevelId: "pm",
        aspects: [
          {
            id: "alignment",
            name: "Alignment",
            lowerBrings: "Fresh questions.",
            upperBrings: "Context | history.",
            prompts: ["Which goal does this serve?", "What would you cut?"],
          },
        ],
      },
    ],
  };
}
