import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { buildAdvisorFramework } from "./advisor.fixtures.ts";
import { adviseAdvancement, directorLevel, type AdvancementAdvice } from "./advancement-paths.ts";
import type { BusinessModel, OrgProfile, OrgStage, ProductReportsTo } from "./org-profile.ts";

const framework = buildAdvisorFramework();

const profileOf = (stage: OrgStage, businessModel: BusinessModel, productReportsTo: ProductReportsTo): OrgProfile => ({
  stage,
  pmCount: stage === "large" ? 40 : stage === "medium" ? 6 : 2,
  productReportsTo,
  businessModel,
});

function advised(advice: AdvancementAdvice) {
  if (advice.status !== "advised") throw new Error(`expected advice, got ${advice.status}`);
  return advice;
}

/** "id kind outlook setting", one string per path, in the framework's order. */
const summarize = (advice: AdvancementAdvice) =>
  advised(advice).paths.map((p) => `${p.id} ${p.kind} ${p.outlook} ${p.setting}`);

const UP_OPEN = "follow-your-boss-up up open here";
const UP_LIMITED = "follow-your-boss-up up limited here";
const LATERALS = [
  "lateral-customer-support lateral open here",
  "lateral-sales-engineering lateral open here",
  "lateral-new-business-unit lateral open here",
];
const TRADE_HERE = "startup-vp-title startup-trade open here";
const TRADE_ELSEWHERE = "startup-vp-title startup-trade open elsewhere";
const POWER_B2B = "power-role-b2b power-role open here";
const POWER_B2C = "power-role-b2c power-role open here";

/**
 * The documented paths: every stage × business model × reporting line. Whom product reports to
 * changes reasons, never which paths are open (see the reason tests below).
 */
const TABLE: [OrgStage, BusinessModel, ProductReportsTo, string[]][] = [
  ["large", "B2B", "CEO", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2B]],
  ["large", "B2B", "Engineering", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2B]],
  ["large", "B2B", "Marketing", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2B]],
  ["large", "B2B", "CPO", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2B]],
  ["large", "B2C", "CEO", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2C]],
  ["large", "B2C", "Engineering", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2C]],
  ["large", "B2C", "Marketing", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2C]],
  ["large", "B2C", "CPO", [UP_OPEN, TRADE_ELSEWHERE, POWER_B2C]],
  ["medium", "B2B", "CEO", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2B]],
  ["medium", "B2B", "Engineering", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2B]],
  ["medium", "B2B", "Marketing", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2B]],
  ["medium", "B2B", "CPO", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2B]],
  ["medium", "B2C", "CEO", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2C]],
  ["medium", "B2C", "Engineering", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2C]],
  ["medium", "B2C", "Marketing", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2C]],
  ["medium", "B2C", "CPO", [UP_LIMITED, ...LATERALS, TRADE_ELSEWHERE, POWER_B2C]],
  ["startup", "B2B", "CEO", [TRADE_HERE, POWER_B2B]],
  ["startup", "B2B", "Engineering", [TRADE_HERE, POWER_B2B]],
  ["startup", "B2B", "Marketing", [TRADE_HERE, POWER_B2B]],
  ["startup", "B2B", "CPO", [TRADE_HERE, POWER_B2B]],
  ["startup", "B2C", "CEO", [TRADE_HERE, POWER_B2C]],
  ["startup", "B2C", "Engineering", [TRADE_HERE, POWER_B2C]],
  ["startup", "B2C", "Marketing", [TRADE_HERE, POWER_B2C]],
  ["startup", "B2C", "CPO", [TRADE_HERE, POWER_B2C]],
];

describe("adviseAdvancement: the documented paths for every organisation shape", () => {
  it("covers every stage × business model × reporting line exactly once", () => {
    const keys = new Set(TABLE.map(([stage, model, to]) => `${stage}/${model}/${to}`));
    expect(keys.size).toBe(3 * 2 * 4);
  });

  it.each(TABLE)("%s, %s, product reports to %s", (stage, model, reportsTo, expected) => {
    for (const levelId of ["director", "senior-director"]) {
      const advice = advised(adviseAdvancement(levelId, framework, profileOf(stage, model, reportsTo)));
      expect(summarize(advice)).toEqual(expected);
      expect(advice.shape.id).toBe(stage);
      expect(advice.level.id).toBe(levelId);
      for (const path of advice.paths) expect(path.reason.length).toBeGreaterThan(0);
    }
  });
});

describe("adviseAdvancement: reasons", () => {
  const reasonOf = (profile: OrgProfile, id: string) =>
    advised(adviseAdvancement("director", framework, profile)).paths.find((p) => p.id === id)?.reason ?? "";

  it("keeps the framework's reason where a path is open in its own shape", () => {
    expect(reasonOf(profileOf("large", "B2B", "CEO"), "follow-your-boss-up")).toBe("Up.");
    expect(reasonOf(profileOf("medium", "B2B", "CEO"), "lateral-sales-engineering")).toBe("Sales engineering.");
    expect(reasonOf(profileOf("startup", "B2C", "CEO"), "startup-vp-title")).toBe("Trade.");
    expect(reasonOf(profileOf("startup", "B2C", "CEO"), "power-role-b2c")).toBe("B2C power.");
  });

  it.each([
    ["CEO", "the CEO"],
    ["Engineering", "the head of Engineering"],
    ["Marketing", "the head of Marketing"],
    ["CPO", "a Chief Product Officer"],
  ] as const)("says why moving up is limited in a medium company reporting to %s", (reportsTo, phrase) => {
    const reason = reasonOf({ ...profileOf("medium", "B2B", reportsTo), pmCount: 7 }, "follow-your-boss-up");
    expect(reason).toContain(phrase);
    expect(reason).toContain("7 product managers");
    expect(reason).not.toBe("Up.");
  });

  it("explains that the start-up trade outside a start-up means joining one", () => {
    const reason = reasonOf(profileOf("large", "B2C", "CPO"), "startup-vp-title");
    expect(reason).toMatch(/joining one/);
    expect(reason).toContain("Trade.");
  });

  it.each([
    ["B2B", "Engineering", "power-role-b2b", true],
    ["B2B", "Marketing", "power-role-b2b", false],
    ["B2C", "Marketing", "power-role-b2c", true],
    ["B2C", "Engineering", "power-role-b2c", false],
    ["B2B", "CEO", "power-role-b2b", false],
  ] as const)("in %s reporting to %s, notes an existing link to the power function: %s", (model, to, id, isNoted) => {
    const reason = reasonOf(profileOf("medium", model, to), id);
    expect(reason.startsWith(model === "B2B" ? "B2B power." : "B2C power.")).toBe(true);
    expect(reason.includes(`already reports to ${to}`)).toBe(isNoted);
  });
});

describe("adviseAdvancement: who it is for", () => {
  const profile = profileOf("large", "B2B", "CPO");

  it("finds the Director level by track, not by id", () => {
    expect(directorLevel(framework).id).toBe("director");
  });

  it("explains to a PM that the advisor starts at Director and points to their next level", () => {
    const advice = adviseAdvancement("pm", framework, profile);
    expect(advice.status).toBe("below-director");
    if (advice.status !== "below-director") return;
    expect(advice.explanation).toContain("Director of Product and above");
    expect(advice.explanation).toContain("Senior Product Manager");
    expect(advice.nextLevel?.id).toBe("senior-pm");
    expect(advice.directorLevel.id).toBe("director");
  });

  it("points a Senior PM to Director", () => {
    const advice = adviseAdvancement("senior-pm", framework, profile);
    expect(advice.status === "below-director" && advice.nextLevel?.id).toBe("director");
  });

  it("explains that an unplaced title cannot be advised", () => {
    for (const levelId of [null, "no-such-level"]) {
      const advice = adviseAdvancement(levelId, framework, profile);
      expect(advice.status).toBe("below-director");
      if (advice.status !== "below-director") return;
      expect(advice.level).toBeNull();
      expect(advice.nextLevel).toBeNull();
      expect(advice.explanation).toMatch(/not placed on the ladder/);
    }
  });

  it("asks for the organisation profile when none is set", () => {
    const advice = adviseAdvancement("director", framework, null);
    expect(advice).toMatchObject({ status: "no-profile", level: { id: "director" } });
  });

  it("refuses a framework without guidance", () => {
    const bare = buildAdvisorFramework({ guidance: undefined });
    expect(() => adviseAdvancement("director", bare, profile)).toThrow(AppError);
  });

  it("offers a power-role path that names no business model in both models", () => {
    const guidance = buildAdvisorFramework().guidance;
    if (!guidance) throw new Error("fixture has guidance");
    const generic = buildAdvisorFramework({
      guidance: {
        ...guidance,
        advancementPaths: [
          { id: "wider", kind: "power-role", name: "A wider role", shapes: ["large"], reason: "Wider." },
        ],
      },
    });
    for (const model of ["B2B", "B2C"] as const) {
      expect(summarize(adviseAdvancement("director", generic, profileOf("large", model, "CEO")))).toEqual([
        "wider power-role open here",
      ]);
    }
  });
});
