import { describe, expect, it } from "vitest";
import { validateFramework } from "@ascent/core";
import { buildDraftFramework, expectedForPosition, guessTrack, slugify, uniqueSlugs } from "./draft-framework.ts";

describe("draft framework defaults", () => {
  it("guesses tracks from level names", () => {
    expect(["Product Manager", "Group Product Manager", "Principal PM"].map(guessTrack)).toEqual(["ic", "ic", "ic"]);
    expect(["Director of Product", "Head of Product", "Senior Director"].map(guessTrack)).toEqual([
      "manager",
      "manager",
      "manager",
    ]);
    expect(
      ["VP Product", "Vice-President, Product", "Chief Product Officer", "CPO", "President"].map(guessTrack),
    ).toEqual(["executive", "executive", "executive", "executive", "executive"]);
  });

  it("spreads expected scores from the scale's minimum to its maximum", () => {
    expect([0, 1, 2].map((index) => expectedForPosition(index, 3))).toEqual([1, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((index) => expectedForPosition(index, 7))).toEqual([1, 2, 2, 3, 4, 4, 5]);
    expect(expectedForPosition(0, 1)).toBe(3);
  });

  it("slugifies names into unique kebab-case ids", () => {
    expect(slugify("  Stratégie & Vision! ", "x")).toBe("strategie-and-vision");
    expect(slugify("—", "fallback")).toBe("fallback");
    expect(uniqueSlugs(["PM", "P.M.", "pm"], "level")).toEqual(["pm", "p-m", "pm-2"]);
  });

  it("builds a framework that passes validation", () => {
    const framework = buildDraftFramework({
      name: "Ünïcode ladder",
      levels: ["PM", "Head of Product"],
      competencies: [{ name: "Vision", area: "Strategy", descriptors: ["Knows it", ""] }],
    });
    expect(framework.slug).toBe("unicode-ladder");
    expect(validateFramework(framework)).toEqual([]);
    expect(framework.expectations["head-of-product"]?.vision).toEqual({
      expected: 5,
      weight: 1,
      descriptor: "",
      interpolated: false,
    });
  });
});
