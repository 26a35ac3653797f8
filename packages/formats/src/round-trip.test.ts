import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateFramework } from "@ascent/core";
import type { Framework } from "@ascent/core";
import { frameworkArbitrary } from "./framework.arbitrary.ts";
import { parseFrameworkDocument, serializeFramework } from "./framework-document.ts";
import { exportFrameworkCsv, exportFrameworkXlsx } from "./spreadsheet-export.ts";
import { importFrameworkCsv, importFrameworkXlsx } from "./spreadsheet-import.ts";

const BUILT_IN = fileURLToPath(new URL("../../../frameworks/product-management.yaml", import.meta.url));

type RoundTrip = (framework: Framework) => Promise<Framework>;

const ROUND_TRIPS: Record<"yaml" | "json" | "csv" | "xlsx", RoundTrip> = {
  yaml: async (framework) => parseFrameworkDocument(serializeFramework(framework, "yaml"), "yaml").framework,
  json: async (framework) => parseFrameworkDocument(serializeFramework(framework, "json"), "json").framework,
  csv: async (framework) => importFrameworkCsv(exportFrameworkCsv(framework)).framework,
  xlsx: async (framework) => (await importFrameworkXlsx(await exportFrameworkXlsx(framework))).framework,
};

describe("import(export(framework)) gives the framework back", () => {
  it("generates valid frameworks", () => {
    fc.assert(
      fc.property(frameworkArbitrary, (framework) => {
        expect(validateFramework(framework)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it.each(Object.entries(ROUND_TRIPS))("for %s, over generated frameworks", async (_format, roundTrip) => {
    await fc.assert(
      fc.asyncProperty(frameworkArbitrary, async (framework) => {
        expect(await roundTrip(framework)).toEqual(framework);
      }),
      { numRuns: 40 },
    );
  });

  it.each(Object.entries(ROUND_TRIPS))("for %s, for the built-in ladder", async (_format, roundTrip) => {
    const { framework } = parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml");
    expect(await roundTrip(framework)).toEqual(framework);
  });
});

describe("the full spreadsheet export", () => {
  it("keeps a person-readable ladder on the first sheet and a sheet per part", async () => {
    const { framework } = parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportFrameworkXlsx(framework)) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Ladder",
      "Framework",
      "Levels",
      "Competencies",
      "Expectations",
      "Scale",
      "Playbooks",
      "Playbook aspects",
      "Sources",
      "Guidance",
    ]);
    const ladder = workbook.getWorksheet("Ladder");
    expect(ladder?.getRow(1).getCell(3).value).toBe(framework.levels.find((level) => level.rank === 1)?.name);
    expect(ladder?.getRow(2).getCell(2).value).toBe(framework.competencies[0]?.name);
  });

  it("opens the CSV with the ladder grid and marks each further part", () => {
    const csv = exportFrameworkCsv(parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml").framework);
    expect(csv.startsWith("\uFEFFArea,Competency,")).toBe(true);
    expect(csv).toContain("\r\n\r\n[ascent:Levels]\r\nRank,Level,Id,Track,Scope,Summary,Aliases,Moves\r\n");
    expect(csv).toContain("\r\n[ascent:Expectations]\r\nLevel id,Competency id,Expected,Weight,Interpolated\r\n");
  });

  it("honours a given name and slug", () => {
    const { framework } = parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml");
    const preview = importFrameworkCsv(exportFrameworkCsv(framework), { name: "Design ladder", slug: "design" });
    expect(preview.framework).toMatchObject({ name: "Design ladder", slug: "design" });
    expect(preview.framework.levels).toEqual(framework.levels);
  });

  it("names the part and row of a damaged full export", () => {
    const csv = exportFrameworkCsv(parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml").framework);
    const damaged = csv.replace(/\r\npm,strategic-thinking,\d/, "\r\npm,strategic-thinking,lots");
    expect(() => importFrameworkCsv(damaged)).toThrow(
      /part "Expectations", row \d+: "Expected" must be a number, got "lots"/,
    );
  });
});
