import { describe, expect, it } from "vitest";
import { buildFramework } from "./framework.fixtures.ts";
import { inferMigrationMap } from "./infer-migration-map.ts";
import { buildNextFramework } from "./migration.fixtures.ts";
import { validateMigrationMap } from "./validate-migration-map.ts";

describe("inferMigrationMap", () => {
  it("suggests nothing between identical versions", () => {
    expect(inferMigrationMap(buildFramework(), buildFramework())).toEqual({ competencies: [], levels: [] });
  });

  it("pairs by name, removes the unpaired, and gives removed levels no fallback", () => {
    const before = buildFramework();
    const after = buildNextFramework();
    const map = inferMigrationMap(before, after);
    expect(map).toEqual({
      competencies: [
        { kind: "remove", id: "strategy" },
        { kind: "remove", id: "leadership" },
        { kind: "rename", from: "communication", to: "storytelling" },
      ],
      levels: [
        { kind: "rename", from: "director", to: "head" },
        { kind: "remove", id: "vp" },
      ],
    });
    expect(validateMigrationMap(map, before, after)).toEqual([]);
  });

  it("pairs by description when the name changed too", () => {
    const after = buildFramework();
    after.competencies[0] = { ...after.competencies[0]!, id: "strategic-vision", name: "Strategic vision" };
    for (const row of Object.values(after.expectations)) row["strategic-vision"] = row.strategy!;
    expect(inferMigrationMap(buildFramework(), after).competencies).toEqual([
      { kind: "rename", from: "strategy", to: "strategic-vision" },
    ]);
  });

  it("prefers a name match over an earlier description match", () => {
    const after = buildFramework();
    after.competencies = [
      { id: "a", name: "Something else", area: "", description: "Brings people along." },
      { id: "b", name: "Leadership", area: "", description: "Different words." },
      ...after.competencies.filter((competency) => competency.id !== "leadership"),
    ];
    expect(inferMigrationMap(buildFramework(), after).competencies).toEqual([
      { kind: "rename", from: "leadership", to: "b" },
    ]);
  });

  it("does not pair on blank descriptions", () => {
    const before = buildFramework();
    before.competencies[0]!.description = "";
    const after = buildFramework();
    after.competencies[0] = { id: "x", name: "X", area: "", description: "" };
    expect(inferMigrationMap(before, after).competencies).toEqual([{ kind: "remove", id: "strategy" }]);
  });
});
