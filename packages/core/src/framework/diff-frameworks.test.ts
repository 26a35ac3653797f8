import { describe, expect, it } from "vitest";
import { diffFrameworks, type FrameworkDiff } from "./diff-frameworks.ts";
import { buildFramework } from "./framework.fixtures.ts";
import { isDiffEmpty, summarizeDiff } from "./summarize-diff.ts";

function emptyDiff(): FrameworkDiff {
  const list = () => ({ added: [], removed: [], changed: [] });
  return {
    framework: [],
    scale: [],
    scalePoints: list(),
    sources: list(),
    levels: list(),
    competencies: list(),
    expectations: list(),
    playbooks: list(),
    playbookAspects: list(),
    guidance: [],
  };
}

describe("diffFrameworks", () => {
  it("finds nothing between identical frameworks", () => {
    const diff = diffFrameworks(buildFramework(), buildFramework());
    expect(diff).toEqual(emptyDiff());
    expect(isDiffEmpty(diff)).toBe(true);
  });

  it("reports name and description changes", () => {
    const after = buildFramework({ name: "Product ladder", description: "New words." });
    expect(diffFrameworks(buildFramework(), after)).toEqual({
      ...emptyDiff(),
      framework: [
        { field: "name", before: "Test ladder", after: "Product ladder" },
        { field: "description", before: "A small ladder for tests.", after: "New words." },
      ],
    });
  });

  it("reports changed fields of a level, with before and after values", () => {
    const after = buildFramework();
    after.levels[1]!.name = "Director";
    after.levels[1]!.aliases.push("Head of PM");
    expect(diffFrameworks(buildFramework(), after)).toEqual({
      ...emptyDiff(),
      levels: {
        added: [],
        removed: [],
        changed: [
          {
            id: "director",
            changes: [
              { field: "name", before: "Director of Product", after: "Director" },
              { field: "aliases", before: ["Product Director"], after: ["Product Director", "Head of PM"] },
            ],
          },
        ],
      },
    });
  });

  it("reports an added level together with its expectations", () => {
    const before = buildFramework();
    const after = buildFramework();
    const cpo = { ...after.levels[2]!, id: "cpo", rank: 4, name: "Chief Product Officer", aliases: ["CPO"] };
    after.levels.push(cpo);
    after.expectations.cpo = structuredClone(after.expectations.vp!);
    const diff = diffFrameworks(before, after);
    expect(diff.levels).toEqual({ added: [cpo], removed: [], changed: [] });
    expect(diff.expectations.added.map((entry) => [entry.levelId, entry.competencyId])).toEqual([
      ["cpo", "strategy"],
      ["cpo", "leadership"],
      ["cpo", "communication"],
    ]);
    expect(diff.expectations.added[0]?.expectation).toEqual(after.expectations.vp?.strategy);
    expect(summarizeDiff(diff).total).toBe(4);
  });

  it("reports a renamed competency id as one removal and one addition", () => {
    const before = buildFramework();
    const after = buildFramework();
    after.competencies[2] = { ...after.competencies[2]!, id: "comms" };
    for (const row of Object.values(after.expectations)) {
      row.comms = row.communication!;
      delete row.communication;
    }
    const diff = diffFrameworks(before, after);
    expect(diff.competencies).toEqual({
      added: [after.competencies[2]],
      removed: [before.competencies[2]],
      changed: [],
    });
    expect(diff.expectations.added.map((entry) => `${entry.levelId}×${entry.competencyId}`)).toEqual([
      "pm×comms",
      "director×comms",
      "vp×comms",
    ]);
    expect(diff.expectations.removed.map((entry) => `${entry.levelId}×${entry.competencyId}`)).toEqual([
      "pm×communication",
      "director×communication",
      "vp×communication",
    ]);
    expect(diff.expectations.changed).toEqual([]);
  });

  it("reports each changed expectation field by level × competency", () => {
    const after = buildFramework();
    after.expectations.vp!.leadership = { ...after.expectations.vp!.leadership!, expected: 5, weight: 2 };
    after.expectations.pm!.strategy!.interpolated = true;
    expect(diffFrameworks(buildFramework(), after)).toEqual({
      ...emptyDiff(),
      expectations: {
        added: [],
        removed: [],
        changed: [
          {
            levelId: "pm",
            competencyId: "strategy",
            changes: [{ field: "interpolated", before: false, after: true }],
          },
          {
            levelId: "vp",
            competencyId: "leadership",
            changes: [
              { field: "expected", before: 4, after: 5 },
              { field: "weight", before: 1, after: 2 },
            ],
          },
        ],
      },
    });
  });

  it("reports playbook aspects by playbook and aspect id", () => {
    const before = buildFramework();
    const after = buildFramework();
    const aspects = after.playbooks[0]!.aspects;
    aspects[0]!.prompts = ["Which goal?"];
    const removed = aspects.splice(1, 1);
    const added = { id: "roadmap", name: "Roadmap", lowerBrings: "Detail.", upperBrings: "Direction.", prompts: ["?"] };
    aspects.push(added);
    expect(diffFrameworks(before, after)).toEqual({
      ...emptyDiff(),
      playbookAspects: {
        added: [{ playbookId: "pm-director", aspect: added }],
        removed: [{ playbookId: "pm-director", aspect: removed[0] }],
        changed: [
          {
            playbookId: "pm-director",
            aspectId: "strategic-alignment",
            changes: [{ field: "prompts", before: ["Which goal does this serve?"], after: ["Which goal?"] }],
          },
        ],
      },
    });
  });

  it("reports a playbook's own fields apart from its aspects", () => {
    const after = buildFramework();
    after.playbooks[0]!.upperLevelId = "vp";
    expect(diffFrameworks(buildFramework(), after)).toEqual({
      ...emptyDiff(),
      playbooks: {
        added: [],
        removed: [],
        changed: [{ id: "pm-director", changes: [{ field: "upperLevelId", before: "director", after: "vp" }] }],
      },
    });
  });

  it("reports scale bounds and points", () => {
    const after = buildFramework();
    after.scale.max = 6;
    after.scale.points.push({ value: 6, label: "Point 6", description: "Beyond." });
    after.scale.points[0]!.label = "Novice";
    expect(diffFrameworks(buildFramework(), after)).toEqual({
      ...emptyDiff(),
      scale: [{ field: "max", before: 5, after: 6 }],
      scalePoints: {
        added: [{ value: 6, label: "Point 6", description: "Beyond." }],
        removed: [],
        changed: [{ value: 1, changes: [{ field: "label", before: "Point 1", after: "Novice" }] }],
      },
    });
  });

  it("reports source changes, writing absent optional values as null", () => {
    const before = buildFramework();
    const after = buildFramework();
    delete after.sources[0]!.publisher;
    const mironov = { id: "mironov", title: "VP of Product", author: "R. Mironov", usedFor: "The VP role." };
    after.sources.push(mironov);
    expect(diffFrameworks(before, after)).toEqual({
      ...emptyDiff(),
      sources: {
        added: [mironov],
        removed: [],
        changed: [{ id: "torabi", changes: [{ field: "publisher", before: "Blog", after: null }] }],
      },
    });
  });

  it("reports guidance sections that differ", () => {
    const careerPlanning = [{ id: "envision" as const, name: "Envision", summary: "", themes: [] }];
    const vpRole = { summary: "", traits: [], reflections: [], beyond: "" };
    const after = buildFramework({ guidance: { careerPlanning, vpRole, orgShapes: [], advancementPaths: [] } });
    const diff = diffFrameworks(buildFramework(), after);
    expect(diff.guidance).toEqual([
      { field: "careerPlanning", before: null, after: careerPlanning },
      { field: "vpRole", before: null, after: vpRole },
      { field: "orgShapes", before: null, after: [] },
      { field: "advancementPaths", before: null, after: [] },
    ]);
  });

  it("orders removed entries by the old version and added ones by the new", () => {
    const before = buildFramework();
    const after = buildFramework();
    const [strategy, leadership, communication] = before.competencies;
    after.competencies = [
      { ...communication!, id: "c2" },
      { ...strategy!, id: "s2" },
      { ...leadership!, id: "l2" },
    ];
    const diff = diffFrameworks(before, after);
    expect(diff.competencies.removed.map((c) => c.id)).toEqual(["strategy", "leadership", "communication"]);
    expect(diff.competencies.added.map((c) => c.id)).toEqual(["c2", "s2", "l2"]);
  });

  it("returns plain data that shares nothing with its inputs and survives JSON", () => {
    const after = buildFramework();
    after.levels[0]!.aliases = ["Junior PM"];
    const diff = diffFrameworks(buildFramework(), after);
    const change = diff.levels.changed[0]?.changes[0];
    expect(change?.after).not.toBe(after.levels[0]!.aliases);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe("summarizeDiff", () => {
  it("counts every kind of change", () => {
    const before = buildFramework();
    const after = buildFramework({ name: "Renamed" });
    after.scale.points[2]!.description = "Middle.";
    after.levels[0]!.scope = "A feature.";
    after.competencies.pop();
    for (const row of Object.values(after.expectations)) delete row.communication;
    after.expectations.vp!.strategy!.weight = 3;
    const summary = summarizeDiff(diffFrameworks(before, after));
    expect(summary).toEqual({
      fieldChanges: 1,
      scalePoints: { added: 0, removed: 0, changed: 1 },
      sources: { added: 0, removed: 0, changed: 0 },
      levels: { added: 0, removed: 0, changed: 1 },
      competencies: { added: 0, removed: 1, changed: 0 },
      expectations: { added: 0, removed: 3, changed: 1 },
      playbooks: { added: 0, removed: 0, changed: 0 },
      playbookAspects: { added: 0, removed: 0, changed: 0 },
      total: 8,
    });
    expect(isDiffEmpty(diffFrameworks(before, after))).toBe(false);
  });
});
