import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { validateOrgProfile } from "./org-profile.ts";

const valid = { stage: "medium", pmCount: 6, productReportsTo: "Engineering", businessModel: "B2B" };

function failure(input: unknown): AppError {
  try {
    validateOrgProfile(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("validateOrgProfile", () => {
  it("accepts a complete profile", () => {
    expect(validateOrgProfile(valid)).toEqual(valid);
  });

  it("names every bad field", () => {
    const error = failure({ stage: "huge", pmCount: -1, productReportsTo: "Sales", businessModel: "B2G", extra: 1 });
    expect(error.code).toBe("validation_failed");
    expect(error.details?.map((d) => d.path)).toEqual([
      "stage",
      "pmCount",
      "productReportsTo",
      "businessModel",
      "extra",
    ]);
  });

  it("refuses a fractional PM count and a non-object", () => {
    expect(failure({ ...valid, pmCount: 2.5 }).details?.map((d) => d.path)).toEqual(["pmCount"]);
    expect(failure(null).code).toBe("validation_failed");
    expect(failure(["large"]).code).toBe("validation_failed");
  });
});
