import fc from "fast-check";
import { TRACKS } from "@ascent/core";
import type { Expectation, Framework, Guidance, Level, Playbook, Source } from "@ascent/core";

/**
 * Valid frameworks whose text is hard on file formats: delimiters, quotes, line breaks, emoji,
 * accents, formula-looking and YAML-looking values, CSV section markers. Texts have no space at
 * either end (spreadsheet cells are trimmed); texts that share a cell with others (aliases,
 * prompts) are single lines.
 */
const FRAGMENTS = [
  "a",
  "Product",
  "x y",
  "Zoë",
  "naïve",
  "😀",
  "👩🏽‍💻",
  "—",
  ",",
  ";",
  '"',
  "'",
  "|",
  ":",
  "#",
  "=",
  "+",
  "-",
  "@",
  "[ascent:Levels]",
  "null",
  "1.0",
  "yes",
  "{}",
  " ",
];

const singleLine = fc
  .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join("").trim())
  .filter((text) => text !== "");

const multiLine = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constant("\n")), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join("").trim())
  .filter((text) => text !== "");

const optionalText = fc.oneof(multiLine, fc.constant(""));
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,4}(?:-[a-z0-9]{1,3})?$/);

function uniqueIds(minLength: number, maxLength: number) {
  return fc.uniqueArray(id, { minLength, maxLength });
}

const guidance: fc.Arbitrary<Guidance> = fc.record({
  careerPlanning: fc.array(
    fc.record({
      id: fc.constantFrom("envision", "self-awareness", "continual-learning", "proactive-steps"),
      name: singleLine,
      summary: multiLine,
      themes: fc.array(singleLine, { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  vpRole: fc.record({
    summary: optionalText,
    traits: fc.array(fc.record({ id, name: singleLine, description: multiLine }), { maxLength: 2 }),
    reflections: fc.array(fc.record({ id, statement: multiLine, traitId: id }), { maxLength: 2 }),
    beyond: optionalText,
  }),
  orgShapes: fc.constant([]),
  advancementPaths: fc.array(
    fc.record({
      id,
      kind: fc.constantFrom("up", "lateral", "startup-trade", "power-role"),
      name: singleLine,
      shapes: fc.subarray(["large", "medium", "startup"] as const),
      reason: multiLine,
    }),
    { maxLength: 2 },
  ),
});

export const frameworkArbitrary: fc.Arbitrary<Framework> = fc
  .record({
    levelIds: uniqueIds(1, 5),
    competencyIds: uniqueIds(1, 5),
    min: fc.integer({ min: 0, max: 1 }),
    span: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ levelIds, competencyIds, min, span }) => {
    const max = min + span;
    const values = Array.from({ length: span + 1 }, (_, index) => min + index);
    const levels: fc.Arbitrary<Level[]> = fc
      .tuple(
        fc.shuffledSubarray(
          levelIds.map((_, index) => index + 1),
          { minLength: levelIds.length, maxLength: levelIds.length },
        ),
        fc.array(
          fc.record({
            name: singleLine,
            track: fc.constantFrom(...TRACKS),
            aliases: fc.array(singleLine, { maxLength: 2 }),
            scope: optionalText,
            summary: optionalText,
          }),
          { minLength: levelIds.length, maxLength: levelIds.length },
        ),
      )
      .map(([ranks, details]) =>
        levelIds.map((levelId, index) => {
          const detail = details[index] ?? { name: "", track: "ic", aliases: [], scope: "", summary: "" };
          // Suffixes keep names and aliases unique, which the framework rules require.
          return {
            id: levelId,
            rank: ranks[index] ?? index + 1,
            name: `${detail.name} L${index}`,
            track: detail.track,
            aliases: detail.aliases.map((alias, aliasIndex) => `${alias} A${index}.${aliasIndex}`),
            scope: detail.scope,
            summary: detail.summary,
          };
        }),
      );
    const expectation: fc.Arbitrary<Expectation> = fc.record({
      expected: fc.constantFrom(...values, ...values.slice(1).map((value) => value - 0.5)),
      weight: fc.constantFrom(0, 0.5, 1, 2, 3),
      descriptor: optionalText,
      interpolated: fc.boolean(),
    });
    const expectations = fc
      .array(expectation, {
        minLength: levelIds.length * competencyIds.length,
        maxLength: levelIds.length * competencyIds.length,
      })
      .map((cells) =>
        Object.fromEntries(
          levelIds.map((levelId, levelIndex) => [
            levelId,
            Object.fromEntries(
              competencyIds.map((competencyId, index) => [
                competencyId,
                cells[levelIndex * competencyIds.length + index] as Expectation,
              ]),
            ),
          ]),
        ),
      );
    const sources: fc.Arbitrary<Source[]> = uniqueIds(0, 2).chain((ids) =>
      fc.tuple(
        ...ids.map((sourceId) =>
          fc.record(
            {
              id: fc.constant(sourceId),
              title: singleLine,
              author: singleLine,
              publisher: singleLine,
              year: fc.integer({ min: 1990, max: 2030 }),
              usedFor: multiLine,
            },
            { requiredKeys: ["id", "title", "author", "usedFor"] },
          ),
        ),
      ),
    );
    return fc.record({
      slug: id,
      name: singleLine,
      description: optionalText,
      sources,
      scale: fc
        .array(fc.record({ label: singleLine, description: optionalText }), {
          minLength: values.length,
          maxLength: values.length,
        })
        .map((points) => ({
          min,
          max,
          points: points.map((point, index) => ({ value: min + index, ...point })),
        })),
      levels,
      competencies: fc
        .array(fc.record({ name: singleLine, area: singleLine, description: optionalText }), {
          minLength: competencyIds.length,
          maxLength: competencyIds.length,
        })
        .map((details) =>
          competencyIds.map((competencyId, index) => {
            const detail = details[index] ?? { name: "", area: "", description: "" };
            return { id: competencyId, ...detail, name: `${detail.name} C${index}` };
          }),
        ),
      expectations,
      playbooks: fc.constant([] as Playbook[]),
      guidance: fc.option(guidance, { nil: undefined }),
    });
  })
  .chain((framework) => playbooksFor(framework).map((playbooks) => withoutUndefined({ ...framework, playbooks })));

/** Up to two playbooks between pairs of levels of different rank, the lower-ranked one first. */
function playbooksFor(framework: Framework): fc.Arbitrary<Playbook[]> {
  const pairs = framework.levels.flatMap((lower) =>
    framework.levels.filter((upper) => upper.rank > lower.rank).map((upper) => [lower, upper] as const),
  );
  if (pairs.length === 0) return fc.constant([]);
  return fc.uniqueArray(fc.integer({ min: 0, max: pairs.length - 1 }), { maxLength: 2 }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((pairIndex, index) => {
        const [lower, upper] = pairs[pairIndex] as readonly [Level, Level];
        return fc.record({
          id: fc.constant(`playbook-${index}`),
          name: singleLine,
          lowerLevelId: fc.constant(lower.id),
          upperLevelId: fc.constant(upper.id),
          aspects: uniqueIds(1, 3).chain((ids) =>
            fc.tuple(
              ...ids.map((aspectId) =>
                fc.record({
                  id: fc.constant(aspectId),
                  name: singleLine,
                  lowerBrings: multiLine,
                  upperBrings: multiLine,
                  prompts: fc.array(singleLine, { minLength: 1, maxLength: 3 }),
                }),
              ),
            ),
          ),
        });
      }),
    ),
  );
}

function withoutUndefined(framework: Framework): Framework {
  if (framework.guidance !== undefined) return framework;
  const { guidance: _omitted, ...rest } = framework;
  return rest;
}
