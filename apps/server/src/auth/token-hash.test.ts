import { describe, expect, it } from "vitest";
import { hashToken } from "@ascent/core";
import { sha256Hex } from "./token-hash.ts";

describe("sha256Hex", () => {
  it("gives the digest core's hashToken gives, so stored hashes keep matching", async () => {
    for (const token of ["asc_abc", "", "ünïcødé-token", "x".repeat(500)]) {
      expect(await sha256Hex(token)).toBe(await hashToken(token));
    }
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
