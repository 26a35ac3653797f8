import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./connection-errors.ts";

describe("isDatabaseUnreachable", () => {
  it("recognises a refused or cut connection, also inside a wrapping query error", () => {
    expect(
      isDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(isDatabaseUnreachable(new Error("Failed query: select 1", { cause: shutdown }))).toBe(true);
    expect(
      isDatabaseUnreachable(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
    ).toBe(true);
  });

  it("leaves errors of a reachable database alone", () => {
    const unique = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    expect(isDatabaseUnreachable(new Error("Failed query", { cause: unique }))).toBe(false);
    expect(isDatabaseUnreachable(new Error("invalid byte sequence for encoding"))).toBe(false);
    expect(isDatabaseUnreachable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });
});
