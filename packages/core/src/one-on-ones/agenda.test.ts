import { describe, expect, it } from "vitest";
import { buildAgenda, choosePlaybook } from "./agenda.ts";
import { buildSevenLevelLadder } from "./one-on-ones.fixtures.ts";

const ladder = buildSevenLevelLadder();
const chosen = (lead: string | null, report: string | null) => {
  const choice = choosePlaybook(ladder, lead, report);
  return choice && { id: choice.playbook.id, isNearestPair: choice.isNearestPair };
};

describe("choosePlaybook", () => {
  it("takes the pair's own playbook when the levels are a seeded pair", () => {
    expect(chosen("director", "pm")).toEqual({ id: "pm-director", isNearestPair: false });
    expect(chosen("vp", "director")).toEqual({ id: "director-vp", isNearestPair: false });
    expect(chosen("cpo", "vp")).toEqual({ id: "vp-cpo", isNearestPair: false });
  });

  it("takes the nearest pair by rank when the levels are not a seeded pair", () => {
    // PM (1) under a VP (6): Director–VP is 2 away, PM–Director 3, VP–CPO 6.
    expect(chosen("vp", "pm")).toEqual({ id: "director-vp", isNearestPair: true });
    expect(chosen("director", "senior-pm")).toEqual({ id: "pm-director", isNearestPair: true });
    expect(chosen("senior-director", "director")).toEqual({ id: "director-vp", isNearestPair: true });
    expect(chosen("cpo", "head")).toEqual({ id: "vp-cpo", isNearestPair: true });
    expect(chosen("pm", "pm")).toEqual({ id: "pm-director", isNearestPair: true });
  });

  it("breaks a tie towards the pair whose senior level is nearer the lead's", () => {
    // Head (5) with Head: Director–VP and VP–CPO are both 3 away; VP is nearer than CPO to Head.
    expect(chosen("head", "head")).toEqual({ id: "director-vp", isNearestPair: true });
  });

  it("breaks a remaining tie towards the pair lower on the ladder", () => {
    const base = buildSevenLevelLadder();
    const [pmDirector] = base.playbooks;
    if (!pmDirector) throw new Error("fixture has no playbooks");
    const framework = {
      ...base,
      playbooks: [{ ...pmDirector, id: "director-director", lowerLevelId: "director" }, pmDirector],
    };
    // Director (3) leading a Senior PM (2): both pairs have Director on top and sit 1 away below
    // (Director above, PM below); the one listed first loses to the one lower on the ladder.
    expect(choosePlaybook(framework, "director", "senior-pm")?.playbook.id).toBe("pm-director");
  });

  it("chooses nothing when a level is unmapped or unknown, or the ladder has no playbooks", () => {
    expect(chosen(null, "pm")).toBeNull();
    expect(chosen("director", "astronaut")).toBeNull();
    expect(choosePlaybook({ ...ladder, playbooks: [] }, "director", "pm")).toBeNull();
  });
});

describe("buildAgenda", () => {
  const item = (id: string, isDone: boolean) => ({ id, text: `Item ${id}`, ownerId: "report", isDone });

  it("lists the seven aspects in playbook order with prompts and what each side brings, then the open items", () => {
    const agenda = buildAgenda(choosePlaybook(ladder, "director", "pm"), [item("a", false), item("b", true)]);
    expect(agenda.playbook).toMatchObject({ id: "pm-director", lowerLevelId: "pm", upperLevelId: "director" });
    expect(agenda.aspects.map((a) => a.id)).toEqual(ladder.playbooks[0]?.aspects.map((a) => a.id));
    expect(agenda.aspects).toHaveLength(7);
    expect(agenda.aspects[2]).toEqual({
      id: "pm-director-aspect-3",
      name: "pm-director aspect 3",
      leadBrings: "What the director brings to aspect 3.",
      reportBrings: "What the pm brings to aspect 3.",
      prompts: ["First question on aspect 3?", "Second question on aspect 3?"],
    });
    expect(agenda.carriedOver.map((i) => i.id)).toEqual(["a"]);
  });

  it("keeps only the carried-over items when there is no playbook", () => {
    const agenda = buildAgenda(null, [item("a", false)]);
    expect(agenda).toEqual({ playbook: null, aspects: [], carriedOver: [item("a", false)] });
  });

  it("copies what it takes, so changing the playbook later does not change a stored agenda", () => {
    const framework = buildSevenLevelLadder();
    const agenda = buildAgenda(choosePlaybook(framework, "director", "pm"), []);
    framework.playbooks[0]?.aspects[0]?.prompts.push("Added later?");
    expect(agenda.aspects[0]?.prompts).toHaveLength(2);
  });
});
