import type { TFramework } from "@ascent/contract";
import { describe, expect, it } from "vitest";
import { addCompetency, addLevel, draftProblems, moveLevel, removeCompetency, removeLevel } from "./draft-edits.ts";

function buildDraft(): TFramework {
  const cell = (descriptor: string) => ({ expected: 2, weight: 1, descriptor, interpolated: false });
  return {
    slug: "ladder",
    name: "Ladder",
    description: "",
    sources: [],
    scale: { min: 1, max: 3, points: [1, 2, 3].map((value) => ({ value, label: `P${value}`, description: "" })) },
    levels: [
      { id: "pm", rank: 1, name: "PM", track: "ic", aliases: [], scope: "", summary: "" },
      { id: "director", rank: 2, name: "Director", track: "manager", aliases: [], scope: "", summary: "" },
    ],
    competencies: [{ id: "vision", name: "Vision", area: "Strategy", description: "" }],
    expectations: { pm: { vision: cell("Knows the goal") }, director: { vision: cell("Sets the goal") } },
    playbooks: [
      {
        id: "pm-director",
        name: "PM and Director",
        lowerLevelId: "pm",
        upperLevelId: "director",
        aspects: [{ id: "a", name: "A", lowerBrings: "x", upperBrings: "y", prompts: ["?"] }],
      },
    ],
  } as TFramework;
}

describe("draft edits", () => {
  it("adds a level with an expectation per competency that does not apply yet", () => {
    const { framework, levelId } = addLevel(buildDraft());
    expect(framework.levels.map((level) => [level.id, level.rank])).toEqual([
      ["pm", 1],
      ["director", 2],
      [levelId, 3],
    ]);
    expect(framework.expectations[levelId]).toEqual({
      vision: { expected: 1, weight: 0, descriptor: "", interpolated: false },
    });
    expect(draftProblems(framework)).toEqual([{ path: "levels.2.name", message: "the level needs a name" }]);
  });

  it("removes a level with its expectations and playbooks, and ranks the rest without a gap", () => {
    const framework = removeLevel(buildDraft(), "pm");
    expect(framework.levels).toMatchObject([{ id: "director", rank: 1 }]);
    expect(Object.keys(framework.expectations)).toEqual(["director"]);
    expect(framework.playbooks).toEqual([]);
    expect(draftProblems(framework)).toEqual([]);
  });

  it("reorders levels and ranks follow", () => {
    const framework = moveLevel(buildDraft(), "director", -1);
    expect(framework.levels.map((level) => [level.id, level.rank])).toEqual([
      ["director", 1],
      ["pm", 2],
    ]);
  });

  it("adds and removes a competency across every level", () => {
    const { framework, competencyId } = addCompetency(buildDraft());
    expect(framework.expectations.pm?.[competencyId]?.weight).toBe(0);
    expect(framework.expectations.director?.[competencyId]).toBeDefined();
    const removed = removeCompetency(framework, competencyId);
    expect(removed.expectations).toEqual(buildDraft().expectations);
  });

  it("flags a missing descriptor where the weight is above 0, a rank gap, a duplicate id and an off-scale value", () => {
    const draft = buildDraft();
    draft.expectations.pm = { vision: { expected: 5, weight: 2, descriptor: " ", interpolated: false } };
    draft.levels = [draft.levels[0]!, { ...draft.levels[1]!, rank: 3 }];
    const messages = draftProblems(draft).map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toEqual([
      "levels: the ladder has no level at rank 2",
      'expectations.pm.vision.descriptor: "Vision" applies at PM (weight 2) but has no descriptor',
      "expectations.pm.vision.expected: expected must be within the scale 1–3",
    ]);
    const twice = buildDraft();
    twice.competencies.push({ ...twice.competencies[0]! });
    expect(draftProblems(twice)).toContainEqual({
      path: "competencies.1.id",
      message: 'duplicate competency id "vision"',
    });
  });
});
