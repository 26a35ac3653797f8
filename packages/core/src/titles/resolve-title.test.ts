import { describe, it, expect } from "vitest";
import { resolveTitle } from "./resolve-title.ts";
import { buildLadder, buildLevel } from "./titles.fixtures.ts";

/** Real-world titles and the level a product leader would place them at (null: not product management). */
const TITLE_TABLE: readonly (readonly [title: string, expected: string | null])[] = [
  // Product Manager
  ["Product Manager", "pm"],
  ["PRODUCT MANAGER", "pm"],
  ["PM", "pm"],
  ["Associate Product Manager", "pm"],
  ["APM", "pm"],
  ["Junior Product Manager", "pm"],
  ["Jr. PM", "pm"],
  ["Product Manager I", "pm"],
  ["Product Manager II", "pm"],
  ["PM 3", "pm"],
  ["PM2", "pm"],
  ["Product Manager (EMEA)", "pm"],
  ["Product Manager — Payments", "pm"],
  ["Product Manager - Growth", "pm"],
  ["Product Manager, Platform", "pm"],
  ["Product Manager | Search", "pm"],
  ["Product Manager @ Acme", "pm"],
  ["Associate PM, Checkout", "pm"],
  ["Technical Product Manager", "pm"],
  ["Growth Product Manager", "pm"],
  ["Data Product Manager", "pm"],
  ["Manager, Product Management", "pm"],
  ["Graduate Product Manager", "pm"],
  ["Product Owner", "pm"],
  // Senior Product Manager
  ["Senior Product Manager", "senior-pm"],
  ["Sr. PM", "senior-pm"],
  ["Snr Product Manager", "senior-pm"],
  ["Senior PM, Platform", "senior-pm"],
  ["Senior Product Manager III", "senior-pm"],
  ["Sr Product Manager (Growth)", "senior-pm"],
  ["Product Manager, Senior", "senior-pm"],
  ["Senior Technical Product Manager", "senior-pm"],
  ["Group Product Manager", "senior-pm"],
  ["Group PM | Search", "senior-pm"],
  ["GPM", "senior-pm"],
  ["Product Lead", "senior-pm"],
  ["Lead Product Manager", "senior-pm"],
  ["Principal Product Manager", "senior-pm"],
  ["Staff Product Manager", "senior-pm"],
  ["Principal PM, Azure", "senior-pm"],
  ["Senior Product Owner", "senior-pm"],
  // Director of Product
  ["Director of Product", "director"],
  ["Product Director", "director"],
  ["Dir. of Product", "director"],
  ["Director, Product Management", "director"],
  ["Director of Product Management - Payments", "director"],
  ["Director of Product & UX", "director"],
  ["Group Product Director", "director"],
  // Senior Director of Product
  ["Senior Director of Product", "senior-director"],
  ["Sr Director, Product", "senior-director"],
  ["Sr. Director of Product Management (EMEA)", "senior-director"],
  ["Senior Product Director", "senior-director"],
  // Head of Product
  ["Head of Product", "head"],
  ["Head of Product Management", "head"],
  ["Head of Product and Design", "head"],
  ["Head of Product — Consumer", "head"],
  ["Head of Product at Acme", "head"],
  ["Head of Design & Product", "head"],
  // VP of Product
  ["VP of Product", "vp"],
  ["VP Product", "vp"],
  ["VP, Product", "vp"],
  ["V.P. Product", "vp"],
  ["Vice President of Product", "vp"],
  ["Vice-President, Product Management", "vp"],
  ["SVP Product", "vp"],
  ["EVP, Product", "vp"],
  ["Senior Vice President, Product", "vp"],
  ["VP Product & Design", "vp"],
  ["VP of Products (EMEA)", "vp"],
  // Chief Product Officer
  ["Chief Product Officer", "cpo"],
  ["CPO", "cpo"],
  ["Chief Product & Technology Officer", "cpo"],
  ["Chief Product Officer & Co-founder", "cpo"],
  // Outside product management
  ["Product Designer", null],
  ["Senior Product Designer", null],
  ["Product Design Lead", null],
  ["Director of Product Design", null],
  ["Head of Design", null],
  ["UX Designer", null],
  ["Product Marketing Manager", null],
  ["Senior Product Marketing Manager", null],
  ["Head of Product Marketing", null],
  ["Chief Marketing Officer", null],
  ["Project Manager", null],
  ["IT Project Manager", null],
  ["Program Manager", null],
  ["Technical Program Manager", null],
  ["Engineering Manager", null],
  ["Software Engineer", null],
  ["VP Engineering", null],
  ["Chief Technology Officer", null],
  ["Production Manager", null],
  ["Production Assistant", null],
  ["Product Analyst", null],
  ["Product Operations Manager", null],
  ["Customer Success Manager", null],
  ["Chief Executive Officer", null],
  ["Chief of Staff", null],
  ["Chief of Staff, Product", null],
  ["Product Chief of Staff", null],
  ["Product Manager Intern", null],
];

describe("resolveTitle over real-world titles", () => {
  const ladder = buildLadder();

  it.each(TITLE_TABLE)("%s → %s", (title, expected) => {
    expect(resolveTitle(title, ladder).levelId).toBe(expected);
  });

  it("resolves at least 95% of a table of at least 50 titles", () => {
    const correct = TITLE_TABLE.filter(([title, expected]) => resolveTitle(title, ladder).levelId === expected);
    expect(TITLE_TABLE.length).toBeGreaterThanOrEqual(50);
    expect(correct.length / TITLE_TABLE.length).toBeGreaterThanOrEqual(0.95);
  });

  it("gives every resolution a reason and keeps confidence within 0..1", () => {
    for (const [title] of TITLE_TABLE) {
      const resolution = resolveTitle(title, ladder);
      expect(resolution.reason).not.toBe("");
      expect(resolution.confidence).toBeGreaterThanOrEqual(0);
      expect(resolution.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe("resolveTitle confidence and reasons", () => {
  const ladder = buildLadder();

  it("is highly confident for a level's own alias and names it", () => {
    expect(resolveTitle("Group PM", ladder)).toEqual({
      levelId: "senior-pm",
      rule: "level-label",
      confidence: 0.95,
      reason: 'matched alias "Group PM" of Senior Product Manager',
      normalized: "group product manager",
    });
  });

  it("matches a level name regardless of word order and abbreviations", () => {
    const resolution = resolveTitle("Dir. of Product", ladder);
    expect(resolution.confidence).toBe(0.95);
    expect(resolution.reason).toBe('matched level name "Director of Product"');
    expect(resolution.normalized).toBe("director product");
  });

  it("is less confident when it infers from words", () => {
    const resolution = resolveTitle("Lead Product Manager", ladder);
    expect(resolution.levelId).toBe("senior-pm");
    expect(resolution.confidence).toBeGreaterThanOrEqual(0.6);
    expect(resolution.confidence).toBeLessThanOrEqual(0.9);
  });

  it("is less confident for Principal and Staff than for Senior", () => {
    const senior = resolveTitle("Senior Technical Product Manager", ladder);
    const principal = resolveTitle("Principal Product Manager", ladder);
    expect(principal.levelId).toBe("senior-pm");
    expect(principal.confidence).toBeLessThan(senior.confidence);
    expect(principal.reason).toContain("IC grade above senior");
  });

  it("maps Product Owner to Product Manager with lower confidence, saying why", () => {
    const owner = resolveTitle("Product Owner", ladder);
    expect(owner.levelId).toBe("pm");
    expect(owner.confidence).toBeLessThan(resolveTitle("Growth Product Manager", ladder).confidence);
    expect(owner.reason).toContain("Scrum");
  });

  it("ignores a company grade but notes it and lowers confidence", () => {
    const resolution = resolveTitle("Senior Product Manager III", ladder);
    expect(resolution.levelId).toBe("senior-pm");
    expect(resolution.confidence).toBe(0.85);
    expect(resolution.reason).toBe('matched level name "Senior Product Manager"; grade "III" ignored');
    expect(resolution.normalized).toBe("senior product manager");
  });

  it("drops region and team suffixes from the normalised title", () => {
    expect(resolveTitle("Head of Product — Consumer (EMEA)", ladder).normalized).toBe("head product");
    expect(resolveTitle("VP, Product & Design", ladder).normalized).toBe("vp product and design");
  });

  it("maps every VP grade to the ladder's one VP level", () => {
    const resolution = resolveTitle("SVP Product", ladder);
    expect(resolution.levelId).toBe("vp");
    expect(resolution.confidence).toBe(0.8);
    expect(resolution.reason).toBe('"SVP" is a grade of VP; VP of Product is the ladder\'s only VP level');
  });

  it("names the function of a title outside product management", () => {
    expect(resolveTitle("Product Marketing Manager", ladder)).toEqual({
      levelId: null,
      rule: "other-function",
      confidence: 0,
      reason: '"Product Marketing Manager" is a marketing title, not product management',
      normalized: "product marketing manager",
    });
    expect(resolveTitle("Product Designer", ladder).reason).toBe(
      '"Product Designer" is a design title, not product management',
    );
    expect(resolveTitle("VP Engineering", ladder).reason).toContain("engineering title");
    expect(resolveTitle("Program Manager", ladder).reason).toContain("program-management title");
    expect(resolveTitle("Production Assistant", ladder).reason).toContain("production title");
  });

  it("assumes product for a bare seniority, with low confidence", () => {
    const resolution = resolveTitle("Senior Director", ladder);
    expect(resolution.levelId).toBe("senior-director");
    expect(resolution.confidence).toBe(0.6);
    expect(resolution.reason).toContain("product is assumed");
  });

  it("does not guess at titles it cannot read", () => {
    expect(resolveTitle("Head of Growth", ladder)).toMatchObject({
      levelId: null,
      confidence: 0,
    });
    expect(resolveTitle("Product", ladder).reason).toBe('"Product" does not name a role or seniority');
  });

  it('returns null with reason "empty title" for an empty or blank title', () => {
    for (const title of ["", "   "]) {
      expect(resolveTitle(title, ladder)).toEqual({
        levelId: null,
        rule: "empty",
        confidence: 0,
        reason: "empty title",
        normalized: "",
      });
    }
  });

  it("returns null when nothing of the title is left after cleaning", () => {
    expect(resolveTitle("(EMEA)", ladder)).toMatchObject({
      levelId: null,
      confidence: 0,
      normalized: "",
    });
  });
});

describe("resolveTitle with organisation overrides", () => {
  const ladder = buildLadder();

  it("lets an override win over the ladder with full confidence", () => {
    const overrides = [{ title: "Group Product Manager", levelId: "director" }];
    expect(resolveTitle("Group PM (EMEA)", ladder, overrides)).toEqual({
      levelId: "director",
      rule: "override",
      confidence: 1,
      reason: 'organisation override maps "Group Product Manager" to Director of Product',
      normalized: "group product manager",
    });
  });

  it("lets an override map a title that is otherwise not product management", () => {
    const overrides = [{ title: "Technical Program Manager", levelId: "pm" }];
    expect(resolveTitle("technical program manager", ladder, overrides).levelId).toBe("pm");
  });

  it("reports an override that points at a level the framework lacks", () => {
    const resolution = resolveTitle("Product Owner", ladder, [{ title: "Product Owner", levelId: "po" }]);
    expect(resolution.levelId).toBeNull();
    expect(resolution.confidence).toBe(0);
    expect(resolution.reason).toContain('"po"');
  });

  it("leaves titles without an override to the ladder", () => {
    const overrides = [{ title: "Product Owner", levelId: "senior-pm" }];
    expect(resolveTitle("Product Manager", ladder, overrides).levelId).toBe("pm");
  });
});

describe("resolveTitle with other frameworks", () => {
  it("resolves through level names when the ids differ", () => {
    const ids = ["ic1", "ic2", "m1", "m2", "m3", "e1", "e2"];
    const levels = buildLadder().levels.map((level, i) => ({
      ...level,
      id: ids[i] ?? level.id,
    }));
    const framework = { levels };
    expect(resolveTitle("Senior PM", framework).levelId).toBe("ic2");
    expect(resolveTitle("Sr. Director, Product", framework).levelId).toBe("m2");
    expect(resolveTitle("Head of Product and Design", framework).levelId).toBe("m3");
    expect(resolveTitle("EVP Product", framework).levelId).toBe("e1");
    expect(resolveTitle("CPO", framework).levelId).toBe("e2");
    expect(resolveTitle("Principal Product Manager", framework).levelId).toBe("ic2");
  });

  it("falls back to rank order when level names say nothing, with lower confidence", () => {
    const names = ["Foundation", "Practitioner", "Expert", "Steward", "Architect", "Strategist", "Visionary"];
    const levels = names.map((name, i) => buildLevel(`l${i + 1}`, i + 1, name, "ic", []));
    const framework = { levels };
    const resolution = resolveTitle("Lead Product Manager", framework);
    expect(resolution.levelId).toBe("l2");
    expect(resolution.confidence).toBe(0.8);
    expect(resolution.reason).toContain("found by rank");
    expect(resolveTitle("Head of Product", framework).levelId).toBe("l5");
  });

  it("returns null when the framework has no suitable level", () => {
    const framework = {
      levels: [
        buildLevel("pm", 1, "Product Manager", "ic", []),
        buildLevel("director", 2, "Director of Product", "manager", []),
        buildLevel("vp", 3, "VP of Product", "executive", []),
      ],
    };
    expect(resolveTitle("Senior Director of Product", framework)).toEqual({
      levelId: null,
      rule: "level-missing",
      confidence: 0,
      reason: '"Senior Director of Product" reads as Senior Director of Product, but this framework has no such level',
      normalized: "senior director product",
    });
    expect(resolveTitle("Director, Product Management", framework).levelId).toBe("director");
  });

  it("prefers the level the words point at when two levels share an alias", () => {
    const ladder = buildLadder();
    const levels = ladder.levels.map((level) =>
      level.id === "pm" ? { ...level, aliases: [...level.aliases, "Senior PM"] } : level,
    );
    const resolution = resolveTitle("Senior PM", { levels });
    expect(resolution.levelId).toBe("senior-pm");
    expect(resolution.confidence).toBe(0.85);
    expect(resolution.reason).toContain("also a label of Product Manager");
  });
});
