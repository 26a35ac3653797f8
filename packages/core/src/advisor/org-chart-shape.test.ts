import { describe, expect, it } from "vitest";
import { buildAdvisorFramework } from "./advisor.fixtures.ts";
import { deriveChartShape, type ChartPerson } from "./org-chart-shape.ts";
import type { Level } from "../framework/framework.ts";

const level = (id: string, rank: number, track: Level["track"]): Level => ({
  id,
  rank,
  name: id,
  track,
  aliases: [],
  scope: "",
  summary: "",
});
const framework = buildAdvisorFramework({
  levels: [
    level("pm", 1, "ic"),
    level("senior-pm", 2, "ic"),
    level("director", 3, "manager"),
    level("vp", 4, "executive"),
    level("cpo", 5, "executive"),
  ],
});

const person = (id: string, levelId: string | null, managerId: string | null, title = id): ChartPerson => ({
  id,
  title,
  levelId,
  managerId,
  status: "active",
});

describe("deriveChartShape", () => {
  it("counts PMs, and finds a CPO and a VP by their levels", () => {
    const shape = deriveChartShape(framework, [
      person("C", "cpo", null),
      person("V", "vp", "C"),
      person("D", "director", "V"),
      person("S", "senior-pm", "D"),
      person("P", "pm", "D"),
      { ...person("X", "pm", "D"), status: "inactive" },
      person("U", null, "D"),
    ]);
    expect(shape).toEqual({ pmCount: 2, hasProductVp: true, hasCpo: true, productReportsTo: "CPO" });
  });

  it.each([
    ["CTO", "Engineering"],
    ["VP Engineering", "Engineering"],
    ["Chief Marketing Officer (CMO)", "Marketing"],
    ["Chief Executive Officer", "CEO"],
    ["Office manager", null],
  ])("reads where product reports from the title of its top leader's manager: %s", (title, expected) => {
    const shape = deriveChartShape(framework, [
      person("E", null, null, title),
      person("D", "director", "E"),
      person("P", "pm", "D"),
    ]);
    expect(shape).toEqual({ pmCount: 1, hasProductVp: false, hasCpo: false, productReportsTo: expected });
  });

  it("cannot tell where product reports when its top leader has no manager in the chart", () => {
    expect(deriveChartShape(framework, [person("V", "vp", null)]).productReportsTo).toBeNull();
  });
});
