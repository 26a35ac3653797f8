import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Framework } from "@ascent/core";
import { buildAwkwardFramework } from "./framework.fixtures.ts";
import { exportFrameworkCsv, exportFrameworkXlsx } from "./spreadsheet-export.ts";
import { importFrameworkCsv, importFrameworkXlsx } from "./spreadsheet-import.ts";
import type { SpreadsheetPreview } from "./spreadsheet-import.ts";

/** Everything a spreadsheet carries, keyed by names so that re-derived ids do not matter. */
function ladderText(framework: Framework) {
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);
  return {
    levels: levels.map((level) => level.name),
    competencies: framework.competencies.map((competency) => ({
      name: competency.name,
      area: competency.area,
      descriptors: levels.map((level) => framework.expectations[level.id]?.[competency.id]?.descriptor),
    })),
  };
}

function expectSameText(preview: SpreadsheetPreview, original: Framework): void {
  expect(ladderText(preview.framework)).toEqual(ladderText(original));
}

describe("exportFrameworkCsv", () => {
  it("round-trips every level name, competency name, area and descriptor", () => {
    const framework = buildAwkwardFramework();
    const csv = exportFrameworkCsv(framework);
    expectSameText(importFrameworkCsv(csv), framework);
    expectSameText(importFrameworkCsv(Buffer.from(csv, "utf8")), framework);
  });

  it("writes a BOM, CRLF rows, the Area and Competency columns and levels by rank", () => {
    const framework = buildAwkwardFramework();
    framework.levels.reverse();
    const csv = exportFrameworkCsv(framework);
    expect(csv.startsWith("\uFEFFArea,Competency,Associate PM,Product Manager,")).toBe(true);
    expect(csv).toContain("\r\nStrategy,Strategy & vision,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("stops spreadsheet programs from running cells as formulas", () => {
    const csv = exportFrameworkCsv(buildAwkwardFramework());
    expect(csv).toContain("'=SUM(A1:A2)");
    expect(csv).toContain("'+1 for shipping");
    expect(csv).toContain('"\'- runs interviews with help\n- writes up notes"');
  });
});

describe("exportFrameworkXlsx", () => {
  it("round-trips every level name, competency name, area and descriptor", async () => {
    const framework = buildAwkwardFramework();
    const bytes = await exportFrameworkXlsx(framework);
    const preview = await importFrameworkXlsx(bytes);
    expect(preview.sheetName).toBe("Ladder");
    expectSameText(preview, framework);
  });

  it("adds a Levels sheet with each level's details", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportFrameworkXlsx(buildAwkwardFramework())) as never);
    const levels = workbook.getWorksheet("Levels");
    expect(levels?.getRow(1).values).toEqual([
      undefined,
      "Rank",
      "Level",
      "Id",
      "Track",
      "Scope",
      "Summary",
      "Aliases",
      "Moves",
    ]);
    expect(levels?.getRow(5).getCell(4).value).toBe("executive");
  });
});
