import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH as CONTRACT_PASSWORD_MIN_LENGTH } from "@ascent/contract";
import { PASSWORD_MIN_LENGTH as CORE_PASSWORD_MIN_LENGTH } from "@ascent/core";

describe("the password minimum length", () => {
  it("is the same in core, which enforces it, and in the contract, which the web forms check early", () => {
    expect(CORE_PASSWORD_MIN_LENGTH).toBe(CONTRACT_PASSWORD_MIN_LENGTH);
  });
});
