import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RESERVED_FRAMEWORK_SLUGS } from "@ascent/core";

const router = readFileSync(new URL("../../apps/web/src/router.tsx", import.meta.url), "utf8");

/** The web routes of the form frameworks/<fixed segment>, which would hide a framework of that slug. */
function fixedFrameworkPaths(source: string): string[] {
  return [...source.matchAll(/path: "frameworks\/([^":/]+)"/g)].map((match) => match[1] as string);
}

describe("reserved framework slugs", () => {
  it("cover every fixed path the web app has under /frameworks/", () => {
    const fixed = fixedFrameworkPaths(router);
    expect(fixed).toContain("import");
    for (const segment of fixed) expect([...RESERVED_FRAMEWORK_SLUGS.keys()]).toContain(segment);
  });
});
