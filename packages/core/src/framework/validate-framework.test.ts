import { describe, expect, it } from "vitest";
import type { Framework, Guidance } from "./framework.ts";
import { buildFramework } from "./framework.fixtures.ts";
import { formatIssuePath, isValidFramework, validateFramework, type FrameworkIssue } from "./validate-framework.ts";

function set(target: object | undefined, key: string | number, value: unknown): void {
  (target as Record<string | number, unknown>)[key] = value;
}

function drop(target: object | undefined, key: string): void {
  delete (target as Record<string, unknown>)[key];
}

function issuesAfter(change: (framework: Framework) => void): FrameworkIssue[] {
  const framework = buildFramework();
  change(framework);
  return validateFramework(framework);
}

function buildGuidance(): Guidance {
  return {
    careerPlanning: [{ id: "envision", name: "Envision the future", summary: "Where to go.", themes: ["scope"] }],
    vpRole: {
      summary: "Staff to the executive team.",
      traits: [{ id: "broker", name: "Honest broker", description: "Weighs all sides." }],
      reflections: [{ id: "patience", statement: "I achieve through others.", traitId: "broker" }],
      beyond: "Leads on to CMO or CEO.",
    },
    orgShapes: [{ id: "large", name: "Large PM organisation", description: "VP roles exist.", advice: "Follow up." }],
    advancementPaths: [{ id: "up", kind: "up", name: "Straight up", shapes: ["large"], reason: "The role exists." }],
  };
}

describe("validateFramework: a valid framework", () => {
  it("reports nothing for the fixture", () => {
    expect(validateFramework(buildFramework())).toEqual([]);
    expect(isValidFramework(buildFramework())).toBe(true);
  });

  it("accepts optional guidance, publisher and year", () => {
    const framework = buildFramework({ guidance: buildGuidance() });
    drop(framework.sources[0], "publisher");
    drop(framework.sources[0], "year");
    expect(validateFramework(framework)).toEqual([]);
  });

  it("accepts blank prose and zero weights", () => {
    const framework = buildFramework({ description: "" });
    set(framework.expectations.pm?.leadership, "descriptor", "");
    set(framework.expectations.pm?.leadership, "weight", 0);
    set(framework.levels[0], "summary", "");
    expect(validateFramework(framework)).toEqual([]);
  });
});

describe("validateFramework: top level", () => {
  it("rejects a value that is not an object", () => {
    expect(validateFramework(null)).toEqual([{ path: [], message: "must be an object, got null" }]);
    expect(validateFramework([])).toEqual([{ path: [], message: "must be an object, got array" }]);
    expect(isValidFramework("framework")).toBe(false);
  });

  it("reports unknown top-level fields", () => {
    expect(issuesAfter((framework) => set(framework, "version", 2))).toEqual([
      { path: ["version"], message: 'unknown field "version"' },
    ]);
  });

  it("reports missing and empty required strings", () => {
    expect(issuesAfter((framework) => drop(framework, "name"))).toEqual([{ path: ["name"], message: "is required" }]);
    expect(issuesAfter((framework) => set(framework, "name", "  "))).toEqual([
      { path: ["name"], message: "must not be empty" },
    ]);
    expect(issuesAfter((framework) => set(framework, "description", 3))).toEqual([
      { path: ["description"], message: "must be a string, got number" },
    ]);
  });

  it("requires a kebab-case slug", () => {
    expect(issuesAfter((framework) => set(framework, "slug", "Product Ladder"))).toEqual([
      { path: ["slug"], message: 'must be kebab-case (e.g. "product-ladder"), got "Product Ladder"' },
    ]);
    expect(issuesAfter((framework) => set(framework, "slug", "product--ladder"))).toEqual([
      { path: ["slug"], message: 'must be kebab-case (e.g. "product-ladder"), got "product--ladder"' },
    ]);
  });

  it("rejects a slug the web app uses as a fixed path under /frameworks/, naming the slug and why", () => {
    expect(issuesAfter((framework) => set(framework, "slug", "import"))).toEqual([
      {
        path: ["slug"],
        message:
          '"import" is reserved: /frameworks/import is the page for importing a framework in the web app, ' +
          "so a framework with this slug could not be opened; choose another slug",
      },
    ]);
    expect(issuesAfter((framework) => set(framework, "slug", "import-ladder"))).toEqual([]);
  });

  it("reports missing collections", () => {
    expect(issuesAfter((framework) => drop(framework, "playbooks"))).toEqual([
      { path: ["playbooks"], message: "is required" },
    ]);
    expect(issuesAfter((framework) => set(framework, "sources", {}))).toEqual([
      { path: ["sources"], message: "must be an array, got object" },
    ]);
  });

  it("reports every issue at once, in document order", () => {
    const issues = issuesAfter((framework) => {
      set(framework, "slug", "Bad Slug");
      set(framework.levels[1], "track", "lead");
      set(framework.competencies[2], "name", "");
      set(framework.expectations.vp?.strategy, "weight", -2);
    });
    expect(issues).toEqual([
      { path: ["slug"], message: 'must be kebab-case (e.g. "product-ladder"), got "Bad Slug"' },
      { path: ["levels", 1, "track"], message: 'must be one of ic, manager, executive, got "lead"' },
      { path: ["competencies", 2, "name"], message: "must not be empty" },
      { path: ["expectations", "vp", "strategy", "weight"], message: "must be at least 0, got -2" },
    ]);
  });
});

describe("validateFramework: sources", () => {
  it("requires unique ids and typed fields", () => {
    const issues = issuesAfter((framework) => {
      framework.sources.push({ id: "torabi", title: "Again", author: "Someone", usedFor: "Nothing." });
      set(framework.sources[0], "year", "2023");
      drop(framework.sources[1], "author");
    });
    expect(issues).toEqual([
      { path: ["sources", 0, "year"], message: "must be a number, got string" },
      { path: ["sources", 1, "author"], message: "is required" },
      { path: ["sources", 1, "id"], message: 'duplicate source id "torabi" (first at sources[0].id)' },
    ]);
  });
});

describe("validateFramework: scale", () => {
  it("requires min below max", () => {
    expect(issuesAfter((framework) => set(framework.scale, "max", 1))).toEqual([
      { path: ["scale", "max"], message: "must be greater than min (1), got 1" },
    ]);
  });

  it("requires integer bounds", () => {
    expect(issuesAfter((framework) => set(framework.scale, "min", 1.5))).toEqual([
      { path: ["scale", "min"], message: "must be an integer, got 1.5" },
    ]);
  });

  it("requires a point for every value", () => {
    expect(issuesAfter((framework) => framework.scale.points.splice(3, 1))).toEqual([
      { path: ["scale", "points"], message: "missing point for value 4" },
    ]);
  });

  it("reports duplicated points", () => {
    expect(issuesAfter((framework) => set(framework.scale.points[3], "value", 3))).toEqual([
      { path: ["scale", "points", 3, "value"], message: "duplicate value 3 (first at scale.points[2].value)" },
      { path: ["scale", "points"], message: "missing point for value 4" },
    ]);
  });

  it("reports points outside the scale", () => {
    expect(issuesAfter((framework) => set(framework.scale.points[4], "value", 7))).toEqual([
      { path: ["scale", "points", 4, "value"], message: "must be within 1..5, got 7" },
      { path: ["scale", "points"], message: "missing point for value 5" },
    ]);
  });

  it("requires a label on every point", () => {
    expect(issuesAfter((framework) => drop(framework.scale.points[0], "label"))).toEqual([
      { path: ["scale", "points", 0, "label"], message: "is required" },
    ]);
  });
});

describe("validateFramework: levels", () => {
  it("requires at least one level", () => {
    const framework = buildFramework({ levels: [], expectations: {}, playbooks: [] });
    expect(validateFramework(framework)).toEqual([{ path: ["levels"], message: "must contain at least one level" }]);
  });

  it("reports a level that is not an object", () => {
    const issues = issuesAfter((framework) => set(framework.levels, 2, "vp"));
    expect(issues).toEqual([
      { path: ["levels", 2], message: "must be an object, got string" },
      { path: ["expectations", "vp"], message: 'unknown level "vp"' },
    ]);
  });

  it("requires unique ids", () => {
    const issues = issuesAfter((framework) => set(framework.levels[2], "id", "pm"));
    expect(issues).toEqual([
      { path: ["levels", 2, "id"], message: 'duplicate level id "pm" (first at levels[0].id)' },
      { path: ["expectations", "vp"], message: 'unknown level "vp"' },
    ]);
  });

  it("requires unique names, ignoring case and spacing", () => {
    expect(issuesAfter((framework) => set(framework.levels[1], "name", " product  manager"))).toEqual([
      { path: ["levels", 1, "name"], message: 'duplicate level name " product  manager" (first at levels[0].name)' },
    ]);
  });

  it("reports a rank used twice on one track and a gap in the ranks", () => {
    const twice = issuesAfter((framework) => {
      set(framework.levels[2], "rank", 2);
      set(framework.levels[2], "track", framework.levels[1]?.track);
    });
    expect(twice).toEqual([
      { path: ["levels", 2, "rank"], message: "duplicate rank on one track 2 (first at levels[1].rank)" },
    ]);
    expect(issuesAfter((framework) => set(framework.levels[1], "rank", 3))).toContainEqual({
      path: ["levels"],
      message: "missing rank 2 (ranks must run 1..3 with no gap)",
    });
  });

  it("lets a rank repeat on another track (Principal PM beside Director)", () => {
    expect(issuesAfter((framework) => set(framework.levels[2], "rank", 2))).toEqual([]);
  });

  it("reports a move to a level that does not exist or does not rank higher", () => {
    expect(issuesAfter((framework) => set(framework.levels[0], "moves", ["cmo"]))).toEqual([
      { path: ["levels", 0, "moves", 0], message: 'moves to level "cmo", which does not exist' },
    ]);
    const down = issuesAfter((framework) => set(framework.levels[1], "moves", [framework.levels[0]?.id]));
    expect(down).toHaveLength(1);
    expect(down[0]?.message).toMatch(/does not rank above 2/);
  });

  it("reports ranks outside 1..n", () => {
    expect(issuesAfter((framework) => set(framework.levels[2], "rank", 7))).toEqual([
      { path: ["levels", 2, "rank"], message: "must be between 1 and 3, got 7" },
    ]);
    expect(issuesAfter((framework) => set(framework.levels[2], "rank", 0))).toEqual([
      { path: ["levels", 2, "rank"], message: "must be between 1 and 3, got 0" },
    ]);
  });

  it("reports ranks of the wrong type", () => {
    expect(issuesAfter((framework) => set(framework.levels[0], "rank", "one"))).toEqual([
      { path: ["levels", 0, "rank"], message: "must be a number, got string" },
      { path: ["levels"], message: "missing rank 1 (ranks must run 1..3 with no gap)" },
    ]);
  });

  it("requires a known track", () => {
    expect(issuesAfter((framework) => set(framework.levels[0], "track", "lead"))).toEqual([
      { path: ["levels", 0, "track"], message: 'must be one of ic, manager, executive, got "lead"' },
    ]);
  });

  it("requires aliases to be a list of non-empty strings", () => {
    expect(issuesAfter((framework) => set(framework.levels[0], "aliases", "PM"))).toEqual([
      { path: ["levels", 0, "aliases"], message: "must be an array, got string" },
    ]);
    expect(issuesAfter((framework) => set(framework.levels[0], "aliases", ["PM", ""]))).toEqual([
      { path: ["levels", 0, "aliases", 1], message: "must not be empty" },
    ]);
  });

  it("rejects an alias used by two levels, ignoring case", () => {
    expect(issuesAfter((framework) => set(framework.levels[1], "aliases", ["pm"]))).toEqual([
      { path: ["levels", 1, "aliases", 0], message: 'alias "pm" is also used by level "pm"' },
    ]);
  });

  it("rejects an alias that is another level's name", () => {
    expect(issuesAfter((framework) => framework.levels[0]?.aliases.push("vp of product"))).toEqual([
      { path: ["levels", 0, "aliases", 2], message: 'alias "vp of product" is the name of level "vp"' },
    ]);
  });

  it("allows an alias equal to the level's own name, but not a repeated alias", () => {
    expect(issuesAfter((framework) => framework.levels[0]?.aliases.push("Product Manager"))).toEqual([]);
    expect(issuesAfter((framework) => framework.levels[0]?.aliases.push("pm"))).toEqual([
      { path: ["levels", 0, "aliases", 2], message: 'duplicate alias "pm" (first at levels[0].aliases[0])' },
    ]);
  });
});

describe("validateFramework: competencies", () => {
  it("requires at least one competency", () => {
    const framework = buildFramework({ competencies: [], expectations: { pm: {}, director: {}, vp: {} } });
    expect(validateFramework(framework)).toEqual([
      { path: ["competencies"], message: "must contain at least one competency" },
    ]);
  });

  it("requires unique ids and names", () => {
    const issues = issuesAfter((framework) => {
      set(framework.competencies[2], "id", "leadership");
      set(framework.competencies[1], "name", "strategic thinking");
    });
    expect(issues).toEqual([
      {
        path: ["competencies", 2, "id"],
        message: 'duplicate competency id "leadership" (first at competencies[1].id)',
      },
      {
        path: ["competencies", 1, "name"],
        message: 'duplicate competency name "strategic thinking" (first at competencies[0].name)',
      },
      { path: ["expectations", "pm", "communication"], message: 'unknown competency "communication"' },
      { path: ["expectations", "director", "communication"], message: 'unknown competency "communication"' },
      { path: ["expectations", "vp", "communication"], message: 'unknown competency "communication"' },
    ]);
  });
});

describe("validateFramework: expectations", () => {
  it("requires an expectation for every level × competency", () => {
    expect(issuesAfter((framework) => drop(framework.expectations.director, "leadership"))).toEqual([
      {
        path: ["expectations", "director", "leadership"],
        message: "missing expectation for level director × competency leadership",
      },
    ]);
  });

  it("reports each missing cell of a missing level row", () => {
    expect(issuesAfter((framework) => drop(framework.expectations, "vp"))).toEqual([
      { path: ["expectations", "vp", "strategy"], message: "missing expectation for level vp × competency strategy" },
      {
        path: ["expectations", "vp", "leadership"],
        message: "missing expectation for level vp × competency leadership",
      },
      {
        path: ["expectations", "vp", "communication"],
        message: "missing expectation for level vp × competency communication",
      },
    ]);
  });

  it("rejects expectations for unknown levels and competencies", () => {
    const issues = issuesAfter((framework) => {
      set(framework.expectations, "cpo", {});
      set(framework.expectations.pm, "design", { expected: 2, weight: 1, descriptor: "", interpolated: false });
    });
    expect(issues).toEqual([
      { path: ["expectations", "cpo"], message: 'unknown level "cpo"' },
      { path: ["expectations", "pm", "design"], message: 'unknown competency "design"' },
    ]);
  });

  it("requires objects for the matrix, its rows and its cells", () => {
    expect(issuesAfter((framework) => set(framework, "expectations", []))).toEqual([
      { path: ["expectations"], message: "must be an object, got array" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations, "pm", null))).toEqual([
      { path: ["expectations", "pm"], message: "must be an object, got null" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations.pm, "strategy", 3))).toEqual([
      { path: ["expectations", "pm", "strategy"], message: "must be an object, got number" },
    ]);
  });

  it("requires expected within the scale", () => {
    expect(issuesAfter((framework) => set(framework.expectations.pm?.strategy, "expected", 6))).toEqual([
      { path: ["expectations", "pm", "strategy", "expected"], message: "must be within the scale 1..5, got 6" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations.pm?.strategy, "expected", 0))).toEqual([
      { path: ["expectations", "pm", "strategy", "expected"], message: "must be within the scale 1..5, got 0" },
    ]);
  });

  it("checks only the type of expected when the scale is broken", () => {
    const issues = issuesAfter((framework) => {
      set(framework.scale, "max", 0);
      set(framework.scale, "points", []);
      set(framework.expectations.pm?.strategy, "expected", 9);
    });
    expect(issues).toEqual([{ path: ["scale", "max"], message: "must be greater than min (1), got 0" }]);
  });

  it("requires a finite, non-negative weight", () => {
    const path = ["expectations", "vp", "leadership", "weight"];
    expect(issuesAfter((framework) => set(framework.expectations.vp?.leadership, "weight", -1))).toEqual([
      { path, message: "must be at least 0, got -1" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations.vp?.leadership, "weight", Infinity))).toEqual([
      { path, message: "must be a finite number, got Infinity" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations.vp?.leadership, "weight", NaN))).toEqual([
      { path, message: "must be a finite number, got NaN" },
    ]);
    expect(issuesAfter((framework) => set(framework.expectations.vp?.leadership, "weight", "1"))).toEqual([
      { path, message: "must be a number, got string" },
    ]);
  });

  it("requires a boolean interpolated flag and a descriptor string", () => {
    const issues = issuesAfter((framework) => {
      set(framework.expectations.pm?.strategy, "interpolated", "yes");
      drop(framework.expectations.pm?.strategy, "descriptor");
    });
    expect(issues).toEqual([
      { path: ["expectations", "pm", "strategy", "descriptor"], message: "is required" },
      { path: ["expectations", "pm", "strategy", "interpolated"], message: "must be a boolean, got string" },
    ]);
  });
});

describe("validateFramework: playbooks", () => {
  it("requires both levels to exist", () => {
    expect(issuesAfter((framework) => set(framework.playbooks[0], "upperLevelId", "cpo"))).toEqual([
      { path: ["playbooks", 0, "upperLevelId"], message: 'unknown level "cpo"' },
    ]);
  });

  it("requires the lower level to rank below the upper level", () => {
    const issues = issuesAfter((framework) => {
      set(framework.playbooks[0], "lowerLevelId", "director");
      set(framework.playbooks[0], "upperLevelId", "pm");
    });
    expect(issues).toEqual([
      { path: ["playbooks", 0], message: 'lower level "director" (rank 2) must rank below upper level "pm" (rank 1)' },
    ]);
    expect(issuesAfter((framework) => set(framework.playbooks[0], "upperLevelId", "pm"))).toEqual([
      { path: ["playbooks", 0], message: 'lower level "pm" (rank 1) must rank below upper level "pm" (rank 1)' },
    ]);
  });

  it("requires unique playbook ids", () => {
    const issues = issuesAfter((framework) => {
      framework.playbooks.push(structuredClone(framework.playbooks[0]!));
    });
    expect(issues).toEqual([
      { path: ["playbooks", 1, "id"], message: 'duplicate playbook id "pm-director" (first at playbooks[0].id)' },
    ]);
  });

  it("requires at least one aspect with unique ids", () => {
    expect(issuesAfter((framework) => set(framework.playbooks[0], "aspects", []))).toEqual([
      { path: ["playbooks", 0, "aspects"], message: "must contain at least one aspect" },
    ]);
    expect(issuesAfter((framework) => set(framework.playbooks[0]?.aspects[1], "id", "strategic-alignment"))).toEqual([
      {
        path: ["playbooks", 0, "aspects", 1, "id"],
        message: 'duplicate aspect id "strategic-alignment" (first at playbooks[0].aspects[0].id)',
      },
    ]);
  });

  it("requires at least one non-empty prompt per aspect", () => {
    expect(issuesAfter((framework) => set(framework.playbooks[0]?.aspects[0], "prompts", []))).toEqual([
      { path: ["playbooks", 0, "aspects", 0, "prompts"], message: "must contain at least one prompt" },
    ]);
    expect(issuesAfter((framework) => set(framework.playbooks[0]?.aspects[1], "prompts", ["Why?", " "]))).toEqual([
      { path: ["playbooks", 0, "aspects", 1, "prompts", 1], message: "must not be empty" },
    ]);
  });

  it("requires the aspect's fields", () => {
    expect(issuesAfter((framework) => drop(framework.playbooks[0]?.aspects[0], "upperBrings"))).toEqual([
      { path: ["playbooks", 0, "aspects", 0, "upperBrings"], message: "is required" },
    ]);
  });
});

describe("validateFramework: guidance", () => {
  it("checks the shape of guidance lightly", () => {
    const guidance = buildGuidance();
    set(guidance.careerPlanning[0], "name", 4);
    set(guidance.vpRole.reflections[0], "statement", "");
    set(guidance, "orgShapes", undefined);
    expect(validateFramework(buildFramework({ guidance }))).toEqual([
      { path: ["guidance", "careerPlanning", 0, "name"], message: "must be a string, got number" },
      { path: ["guidance", "orgShapes"], message: "is required" },
      { path: ["guidance", "vpRole", "reflections", 0, "statement"], message: "must not be empty" },
    ]);
  });

  it("requires guidance to be an object when present", () => {
    expect(issuesAfter((framework) => set(framework, "guidance", "read the seeds"))).toEqual([
      { path: ["guidance"], message: "must be an object, got string" },
    ]);
  });
});

describe("formatIssuePath", () => {
  it("dots strings and brackets numbers", () => {
    expect(formatIssuePath(["levels", 3, "id"])).toBe("levels[3].id");
    expect(formatIssuePath(["expectations", "senior-pm", "leadership"])).toBe("expectations.senior-pm.leadership");
    expect(formatIssuePath(["playbooks", 0, "aspects", 1, "prompts", 2])).toBe("playbooks[0].aspects[1].prompts[2]");
  });

  it("quotes keys that are not plain words", () => {
    expect(formatIssuePath(["expectations", "senior pm"])).toBe('expectations["senior pm"]');
  });

  it("names the root", () => {
    expect(formatIssuePath([])).toBe("(root)");
  });
});
