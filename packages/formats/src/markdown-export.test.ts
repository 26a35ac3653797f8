import { describe, expect, it } from "vitest";
import { buildAwkwardFramework } from "./framework.fixtures.ts";
import { exportFrameworkMarkdown } from "./markdown-export.ts";

describe("exportFrameworkMarkdown", () => {
  const markdown = exportFrameworkMarkdown(buildAwkwardFramework());

  it("starts with the name and a levels table in rank order", () => {
    expect(markdown.startsWith("# Awkward ladder\n")).toBe(true);
    expect(markdown).toContain("| Rank | Level | Track | Scope | Summary |");
    expect(markdown).toContain("| 3 | Head of Product, EMEA | manager | A region. | Leads PMs. |");
  });

  it("gives each competency a section with every level's descriptor", () => {
    expect(markdown).toContain("### Strategy\n\n#### Strategy & vision\n\nKnows where we are going.");
    expect(markdown).toContain("- **Product Manager** (expects 3, Point 3): Writes the product strategy;");
    expect(markdown).toContain("- **Associate PM**: does not apply at this level");
    expect(markdown).toContain("(expects 4, Point 4) _(interpolated)_: Hires | coaches | grows PMs");
    // Multi-line descriptors stay inside their list item.
    expect(markdown).toContain("Plans research.\n  \n  Shares findings widely.");
  });

  it("escapes table cells and lists playbooks and sources", () => {
    expect(markdown).toContain("### APM and PM (Associate PM and Product Manager)");
    expect(markdown).toContain("- **Product Manager brings:** Context | history.");
    expect(markdown).toContain("  - What would you cut?");
    expect(markdown).toContain("## Sources\n\n- P. Torabi, *PM career ladder* (2023). Used for: Levels.");
    expect(markdown.endsWith("\n")).toBe(true);
    expect(markdown).not.toContain("\n\n\n");
  });
});
