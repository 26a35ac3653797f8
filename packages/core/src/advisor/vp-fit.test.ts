import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { buildGuidance } from "./advisor.fixtures.ts";
import { scoreVpFit, validateVpFitAnswers } from "./vp-fit.ts";

const role = buildGuidance().vpRole;

function validationPaths(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed")
      return (error.details ?? []).map((d) => d.path ?? "");
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("scoreVpFit", () => {
  it("takes the mean per trait and bands strengths (≥ 4) and watch-outs (≤ 2)", () => {
    const profile = scoreVpFit(role, { r1: 5, r2: 4, r3: 3, r4: 2, r5: 1 });
    expect(profile.traits.map((t) => [t.traitId, t.mean, t.answered, t.band])).toEqual([
      ["broker", 4.5, 2, "strength"],
      ["influence", 3, 1, "middle"],
      ["humility", 1.5, 2, "watch-out"],
      ["unrated", null, 0, "unanswered"],
    ]);
    expect(profile.strengths).toEqual(["broker"]);
    expect(profile.watchOuts).toEqual(["humility"]);
    expect(profile.overallMean).toBe(3);
  });

  it("puts the thresholds on the inclusive side", () => {
    const profile = scoreVpFit(role, { r1: 4, r2: 4, r3: 2, r4: 3, r5: 3 });
    expect(profile.strengths).toEqual(["broker"]);
    expect(profile.watchOuts).toEqual(["influence"]);
    expect(profile.traits.find((t) => t.traitId === "humility")?.band).toBe("middle");
  });

  it("ignores answers to reflections the role no longer has", () => {
    const profile = scoreVpFit(role, { r1: 1, r2: 1, gone: 5 });
    expect(profile.overallMean).toBe(1);
    expect(profile.traits.find((t) => t.traitId === "influence")?.band).toBe("unanswered");
  });
});

describe("validateVpFitAnswers", () => {
  const full = { r1: 3, r2: 3, r3: 3, r4: 3, r5: 3 };

  it("accepts every reflection rated 1–5", () => {
    expect(() => validateVpFitAnswers(role, full)).not.toThrow();
  });

  it("names unknown reflections, missing ones and ratings off the scale", () => {
    const { r5: _missing, ...partial } = full;
    expect(validationPaths(() => validateVpFitAnswers(role, { ...partial, r1: 6, r2: 2.5, r99: 3 }))).toEqual([
      "answers.r1",
      "answers.r2",
      "answers.r99",
      "answers.r5",
    ]);
    expect(validationPaths(() => validateVpFitAnswers(role, { ...full, r3: 0 }))).toEqual(["answers.r3"]);
  });
});
