import { describe, expect, it } from "vitest";
import { describeSummary, excerptPair, showValue } from "./diff-text.ts";

describe("diff text", () => {
  it("shows a change deep in a long text around where the two sides differ", () => {
    const opening = "Runs discovery with customers every week and turns what they learn into bets. ".repeat(2);
    const [before, after] = excerptPair(`${opening}Writes the brief.`, `${opening}Writes the brief with engineering.`);
    expect(before).toMatch(/^"….*Writes the brief\."$/);
    expect(after).toMatch(/^"….*Writes the brief with engineering\."$/);
    expect(after.length).toBeLessThanOrEqual(84);
  });

  it("keeps short texts whole and cuts long values to about 80 characters", () => {
    expect(excerptPair("Senior PM", "Senior Product Manager")).toEqual(['"Senior PM"', '"Senior Product Manager"']);
    expect(showValue("x".repeat(200))).toHaveLength(82);
    expect(showValue(null)).toBe("(none)");
  });

  it("summarises counts in words", () => {
    const none = { added: 0, removed: 0, changed: 0 };
    const summary = {
      fieldChanges: 1,
      scalePoints: none,
      sources: none,
      levels: none,
      competencies: { added: 0, removed: 1, changed: 0 },
      expectations: { added: 0, removed: 7, changed: 1 },
      playbooks: none,
      playbookAspects: none,
      total: 10,
    };
    expect(describeSummary(summary)).toBe(
      "1 field changed, 1 competency removed, 7 expectations removed, 1 expectation changed",
    );
    expect(describeSummary({ ...summary, fieldChanges: 0, competencies: none, expectations: none })).toBe(
      "no differences",
    );
  });
});
