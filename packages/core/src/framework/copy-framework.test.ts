import { describe, expect, it } from "vitest";
import { copyFramework } from "./copy-framework.ts";
import { buildFramework } from "./framework.fixtures.ts";

describe("copyFramework", () => {
  it("copies every field and shares no objects with the original", () => {
    const original = buildFramework();
    const copy = copyFramework(original);
    expect(copy).toEqual(original);
    copy.levels[0]!.aliases.push("Junior PM");
    copy.expectations.pm!.strategy!.expected = 5;
    copy.playbooks[0]!.aspects[0]!.prompts.pop();
    copy.scale.points[0]!.label = "Novice";
    expect(original).toEqual(buildFramework());
  });
});
