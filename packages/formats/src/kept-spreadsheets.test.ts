import { describe, expect, it } from "vitest";
import { validateFramework } from "@ascent/core";
import { importFrameworkCsv } from "./spreadsheet-import.ts";
import type { SpreadsheetPreview } from "./spreadsheet-import.ts";

/** The quirks of ladders people keep in spreadsheets, one at a time, each read into a valid draft. */
function read(text: string | Uint8Array): SpreadsheetPreview {
  const preview = importFrameworkCsv(text, { fileName: "kept.csv" });
  expect(validateFramework(preview.framework)).toEqual([]);
  return preview;
}

function descriptor(preview: SpreadsheetPreview, level: number, competency: number): string | undefined {
  const { framework } = preview;
  const levelId = framework.levels[level]?.id ?? "";
  const competencyId = framework.competencies[competency]?.id ?? "";
  return framework.expectations[levelId]?.[competencyId]?.descriptor;
}

describe("spreadsheets people keep", () => {
  it("reads a UTF-8 byte-order mark as bytes and as text", () => {
    const csv = "Competency,PM,Director\nVision,Knows the goal,Sets the goal\n";
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    for (const input of [bytes, `\uFEFF${csv}`]) {
      const preview = read(input);
      expect(preview.competencies.map((c) => c.name)).toEqual(["Vision"]);
      expect(preview.levels.map((l) => l.name)).toEqual(["PM", "Director"]);
    }
  });

  it("reads CRLF line ends without carriage returns in the cells", () => {
    const preview = read(
      "Competency,PM,Director\r\nVision,Knows the goal,Sets the goal\r\nDelivery,Ships,Runs delivery\r\n",
    );
    expect(preview.competencies.map((c) => c.name)).toEqual(["Vision", "Delivery"]);
    expect(descriptor(preview, 1, 1)).toBe("Runs delivery");
  });

  it("reads semicolon-separated files with commas inside cells", () => {
    const preview = read("Kompetenz;Junior PM;Senior PM\nVision;Kennt das Ziel, und warum;Setzt das Ziel\n");
    expect(preview.levels.map((l) => l.name)).toEqual(["Junior PM", "Senior PM"]);
    expect(descriptor(preview, 0, 0)).toBe("Kennt das Ziel, und warum");
  });

  it("keeps line breaks of multi-line quoted cells", () => {
    const preview = read(
      'Competency,PM,Director\r\nVision,"- knows the goal\r\n- explains it","Sets it\n\nfor the area"\r\n',
    );
    expect(descriptor(preview, 0, 0)).toBe("- knows the goal\n- explains it");
    expect(descriptor(preview, 1, 0)).toBe("Sets it\n\nfor the area");
  });

  it("keeps empty cells as empty descriptors and says where they are", () => {
    const preview = read("Competency,PM,Director\nVision,,Sets the goal\nDelivery,Ships,\n");
    expect(descriptor(preview, 0, 0)).toBe("");
    expect(preview.emptyCells.map((cell) => `${cell.column}${cell.row}`)).toEqual(["B2", "C3"]);
  });

  it("keeps emoji in level and competency names", () => {
    const preview = read("Competency,🌱 Junior,🚀 Senior\n🎯 Vision,Knows the goal,Sets the goal\n");
    expect(preview.levels.map((l) => l.name)).toEqual(["🌱 Junior", "🚀 Senior"]);
    expect(preview.competencies.map((c) => c.name)).toEqual(["🎯 Vision"]);
    expect(preview.framework.levels.every((level) => /^[a-z]/.test(level.id))).toBe(true);
  });

  it("reads an area column, carrying an area down to the rows below it", () => {
    const preview = read("Area,Competency,PM,Director\nStrategy,Vision,a,b\n,Discovery,c,d\nExecution,Delivery,e,f\n");
    expect(preview.competencies.map((c) => [c.name, c.area])).toEqual([
      ["Vision", "Strategy"],
      ["Discovery", "Strategy"],
      ["Delivery", "Execution"],
    ]);
  });

  it("reads numbered levels without titles", () => {
    const preview = read("Competency,1,2,3,4\nVision,a,b,c,d\nDelivery,e,f,g,h\n");
    expect(preview.levels.map((l) => [l.name, l.rank])).toEqual([
      ["1", 1],
      ["2", 2],
      ["3", 3],
      ["4", 4],
    ]);
    expect(descriptor(preview, 3, 1)).toBe("h");
  });

  it("reads all of these at once", () => {
    const text =
      "\uFEFFArea;Competency;L1;L2;L3\r\n" +
      'Strategy 🧭;Vision;"Knows the goal,\r\nand why";;Sets it\r\n' +
      ";Discovery 🔍;Interviews;Plans research;Owns research\r\n";
    const preview = read(text);
    expect(preview.levels.map((l) => l.name)).toEqual(["L1", "L2", "L3"]);
    expect(preview.competencies.map((c) => [c.name, c.area])).toEqual([
      ["Vision", "Strategy 🧭"],
      ["Discovery 🔍", "Strategy 🧭"],
    ]);
    expect(descriptor(preview, 0, 0)).toBe("Knows the goal,\nand why");
    expect(preview.emptyCells).toHaveLength(1);
  });
});
