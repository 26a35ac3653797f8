import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { assertValidGuideline, assertValidThresholds, bandOf, requireReason } from "./calibration.ts";

describe("9-box bands and adjustment rules", () => {
  const edges = { medium: 0.6, high: 0.85 };

  it("bands a score with the readiness rule's tolerance, an unknown score low", () => {
    expect(bandOf(0.5999, edges)).toBe("low");
    expect(bandOf(0.6 - 1e-12, edges)).toBe("medium");
    expect(bandOf(0.84, edges)).toBe("medium");
    expect(bandOf(0.85, edges)).toBe("high");
    expect(bandOf(null, edges)).toBe("low");
  });

  it("refuses thresholds out of order and guidelines that do not add up", () => {
    expect(() => assertValidThresholds({ performance: { medium: 0.9, high: 0.8 }, potential: edges })).toThrow(
      AppError,
    );
    expect(() => assertValidThresholds({ performance: edges, potential: edges })).not.toThrow();
    expect(() => assertValidGuideline({ low: 0.5, medium: 0.5, high: 0.5 })).toThrow(/add up to 1/);
    expect(() => assertValidGuideline({ low: 0.2, medium: 0.7, high: 0.1 })).not.toThrow();
  });

  it("requires a reason that says something", () => {
    expect(requireReason("  Led the launch ")).toBe("Led the launch");
    for (const empty of [undefined, "", "   "]) expect(() => requireReason(empty)).toThrow(/needs a reason/);
  });
});
