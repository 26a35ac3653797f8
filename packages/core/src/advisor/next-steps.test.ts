import { describe, expect, it } from "vitest";
import type { Level } from "../framework/framework.ts";
import { buildAdvisorFramework, buildGuidance } from "./advisor.fixtures.ts";
import { adviseAdvancement, type AdvancementAdvice } from "./advancement-paths.ts";
import type { ChartShape } from "./org-chart-shape.ts";
import type { OrgProfile } from "./org-profile.ts";

const level = (id: string, rank: number, name: string, track: Level["track"]): Level => ({
  id,
  rank,
  name,
  track,
  aliases: [],
  scope: `${name} scope.`,
  summary: `${name} summary.`,
});

/** The seven levels of the built-in ladder, with its tracks, and two notes of each kind. */
const guidance = buildGuidance();
const framework = buildAdvisorFramework({
  sources: [{ id: "mironov-vp", title: "On the VP role", author: "R. Author", usedFor: "The VP role." }],
  levels: [
    level("pm", 1, "Product Manager", "ic"),
    level("senior-pm", 2, "Senior Product Manager", "ic"),
    level("director", 3, "Director of Product", "manager"),
    level("senior-director", 4, "Senior Director of Product", "manager"),
    level("head", 5, "Head of Product", "manager"),
    level("vp", 6, "VP of Product", "executive"),
    level("cpo", 7, "Chief Product Officer", "executive"),
  ],
  guidance: {
    ...guidance,
    vpRole: {
      ...guidance.vpRole,
      notes: [
        { id: "due", name: "Due", text: "Due.", concerns: "step-to-vp", sourceId: "mironov-vp" },
        { id: "mentor", name: "Mentor", text: "Mentor.", concerns: "step-to-vp", sourceId: "mironov-vp" },
        { id: "neutral", name: "Neutral", text: "Neutral.", concerns: "vp-role", sourceId: "mironov-vp" },
        { id: "rare", name: "Rare", text: "Rare.", concerns: "vp-role", sourceId: "mironov-vp" },
      ],
    },
  },
});

const PROFILE: OrgProfile = { stage: "large", pmCount: 40, productReportsTo: "CPO", businessModel: "B2C" };
const CHART: ChartShape = { pmCount: 36, hasProductVp: true, hasCpo: true, productReportsTo: "CPO" };

function steps(advice: AdvancementAdvice): string[] {
  if (advice.status === "below-director") throw new Error("expected advice from Director up");
  return advice.nextSteps.map((step) => step.level?.id ?? "beyond");
}

describe("advice starts from the person's level", () => {
  it.each([
    ["director", ["senior-director", "head", "vp"]],
    ["senior-director", ["head", "vp"]],
    ["head", ["vp"]],
    ["vp", ["cpo", "beyond"]],
    ["cpo", ["beyond"]],
  ])("%s: next steps %j", (levelId, expected) => {
    expect(steps(adviseAdvancement(levelId, framework, PROFILE, CHART))).toEqual(expected);
    expect(steps(adviseAdvancement(levelId, framework, null, CHART))).toEqual(expected);
  });

  it("tells a VP about the CPO step and the CEO or CMO candidacy, not how to get a VP title", () => {
    const advice = adviseAdvancement("vp", framework, PROFILE, CHART);
    if (advice.status !== "advised") throw new Error(advice.status);
    expect(advice.paths).toEqual([]);
    expect(advice.nextSteps[0]?.name).toBe("Chief Product Officer");
    expect(advice.nextSteps[1]).toMatchObject({ level: null, description: guidance.vpRole.beyond });
    expect(advice.notes.map((note) => note.id)).toEqual(["neutral", "rare"]);
  });

  it("gives a Director the paths to a VP title and all four points, each with its citation", () => {
    const advice = adviseAdvancement("director", framework, PROFILE, CHART);
    if (advice.status !== "advised") throw new Error(advice.status);
    expect(advice.paths.length).toBeGreaterThan(0);
    expect(advice.notes.map((note) => note.id)).toEqual(["due", "mentor", "neutral", "rare"]);
    for (const note of advice.notes) expect(note.citation).toBe("R. Author, On the VP role");
  });

  it("still gives next steps and points without an organisation profile", () => {
    const advice = adviseAdvancement("head", framework, null, CHART);
    expect(advice).toMatchObject({ status: "no-profile", chart: CHART });
    if (advice.status !== "no-profile") return;
    expect(advice.notes).toHaveLength(4);
  });
});

describe("the org chart wins over the profile and says where they differ", () => {
  it("uses the chart's PM count and reporting line in the reasons and lists both differences", () => {
    const profile: OrgProfile = { stage: "medium", pmCount: 9, productReportsTo: "Marketing", businessModel: "B2B" };
    const chart: ChartShape = { pmCount: 4, hasProductVp: false, hasCpo: false, productReportsTo: "Engineering" };
    const advice = adviseAdvancement("director", framework, profile, chart);
    if (advice.status !== "advised") throw new Error(advice.status);
    expect(advice.profile).toEqual({ ...profile, pmCount: 4, productReportsTo: "Engineering" });
    expect(advice.disagreements).toEqual([
      { field: "pmCount", profile: 9, chart: 4 },
      { field: "productReportsTo", profile: "Marketing", chart: "Engineering" },
    ]);
    const up = advice.paths.find((path) => path.kind === "up");
    expect(up?.reason).toContain("4 product managers");
    expect(up?.reason).toContain("the head of Engineering");
  });

  it("keeps the profile's reporting line when the chart cannot tell, and reports no difference", () => {
    const chart: ChartShape = { pmCount: 40, hasProductVp: false, hasCpo: false, productReportsTo: null };
    const advice = adviseAdvancement("director", framework, { ...PROFILE, productReportsTo: "CEO" }, chart);
    if (advice.status !== "advised") throw new Error(advice.status);
    expect(advice.profile.productReportsTo).toBe("CEO");
    expect(advice.disagreements).toEqual([]);
  });
});
