import { describe, expect, it } from "vitest";
import { buildFramework } from "./framework.fixtures.ts";
import type { FrameworkMigrationMap } from "./migration-map.ts";
import { buildMigrationMap, buildNextFramework } from "./migration.fixtures.ts";
import { validateMigrationMap } from "./validate-migration-map.ts";

function issuesFor(map: FrameworkMigrationMap) {
  return validateMigrationMap(map, buildFramework(), buildNextFramework());
}

describe("validateMigrationMap", () => {
  it("accepts a complete, consistent map", () => {
    expect(issuesFor(buildMigrationMap())).toEqual([]);
  });

  it("accepts an empty map between identical versions", () => {
    expect(validateMigrationMap({ competencies: [], levels: [] }, buildFramework(), buildFramework())).toEqual([]);
  });

  it("requires ids to exist on the right side", () => {
    const map = buildMigrationMap();
    map.competencies = [
      { kind: "merge", from: ["strategy", "vision"], to: "direction" },
      { kind: "rename", from: "communication", to: "comms" },
    ];
    map.levels = [
      { kind: "rename", from: "director", to: "director" },
      { kind: "remove", id: "vp", fallbackTo: "cpo" },
    ];
    expect(issuesFor(map)).toEqual([
      { path: ["competencies", 0, "from", 1], message: 'unknown competency "vision" in the old version' },
      { path: ["competencies", 1, "to"], message: 'unknown competency "comms" in the new version' },
      {
        path: ["competencies"],
        message: 'competency "leadership" is not in the new version; rename, merge or remove it',
      },
      { path: ["levels", 0, "to"], message: 'unknown level "director" in the new version' },
      { path: ["levels", 1, "fallbackTo"], message: 'unknown level "cpo" in the new version' },
    ]);
  });

  it("rejects a competency that is both removed and renamed", () => {
    const map = buildMigrationMap();
    map.competencies.push({ kind: "remove", id: "communication" });
    expect(issuesFor(map)).toEqual([
      {
        path: ["competencies", 2, "id"],
        message: 'competency "communication" is already mapped by competencies[1] (rename)',
      },
    ]);
  });

  it("rejects a merge of fewer than two competencies", () => {
    const map = buildMigrationMap();
    map.competencies = [
      { kind: "merge", from: ["strategy"], to: "direction" },
      { kind: "remove", id: "leadership" },
      { kind: "rename", from: "communication", to: "storytelling" },
    ];
    expect(issuesFor(map)).toEqual([
      { path: ["competencies", 0, "from"], message: "a merge needs at least two competencies" },
    ]);
  });

  it("rejects two renames onto one competency", () => {
    const map = buildMigrationMap();
    map.competencies = [
      { kind: "rename", from: "strategy", to: "direction" },
      { kind: "rename", from: "leadership", to: "direction" },
      { kind: "rename", from: "communication", to: "storytelling" },
    ];
    expect(issuesFor(map)).toEqual([
      {
        path: ["competencies", 1, "to"],
        message: 'competency "direction" is already the target of competencies[0]; use one merge instead',
      },
    ]);
  });

  it("rejects a rename onto a competency that carries its own ratings over", () => {
    const after = buildFramework();
    const map: FrameworkMigrationMap = {
      competencies: [{ kind: "rename", from: "strategy", to: "leadership" }],
      levels: [],
    };
    expect(validateMigrationMap(map, buildFramework(), after)).toEqual([
      {
        path: ["competencies", 0, "to"],
        message: 'competency "leadership" exists in both versions; use one merge instead',
      },
    ]);
  });

  it("accepts a swap of two competency ids", () => {
    const map: FrameworkMigrationMap = {
      competencies: [
        { kind: "rename", from: "strategy", to: "leadership" },
        { kind: "rename", from: "leadership", to: "strategy" },
      ],
      levels: [],
    };
    expect(validateMigrationMap(map, buildFramework(), buildFramework())).toEqual([]);
  });

  it("requires every level that disappears to be mapped", () => {
    const map = buildMigrationMap();
    map.levels = [{ kind: "rename", from: "director", to: "head" }];
    expect(issuesFor(map)).toEqual([
      { path: ["levels"], message: 'level "vp" is not in the new version; move, rename or remove it' },
    ]);
  });

  it("lets several levels move onto one but not be renamed onto one", () => {
    const map = buildMigrationMap();
    map.levels = [
      { kind: "move", from: "director", to: "head" },
      { kind: "move", from: "vp", to: "head" },
    ];
    expect(issuesFor(map)).toEqual([]);
    map.levels = [
      { kind: "rename", from: "director", to: "head" },
      { kind: "rename", from: "vp", to: "head" },
    ];
    expect(issuesFor(map)).toEqual([
      { path: ["levels", 1, "to"], message: 'level "head" is already the target of levels[0]; use move instead' },
    ]);
  });

  it("rejects a level mapped twice and unknown old levels", () => {
    const map = buildMigrationMap();
    map.levels.push({ kind: "move", from: "vp", to: "pm" }, { kind: "remove", id: "cpo" });
    expect(issuesFor(map)).toEqual([
      { path: ["levels", 2, "from"], message: 'level "vp" is already mapped by levels[1] (remove)' },
      { path: ["levels", 3, "id"], message: 'unknown level "cpo" in the old version' },
    ]);
  });
});
