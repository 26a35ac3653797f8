import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_FRAMEWORK_FILE_BYTES } from "./format-error.ts";
import { PNG_BYTES, formatErrorFrom, formatErrorFromAsync } from "./file.fixtures.ts";
import { importFrameworkCsv, importFrameworkSpreadsheet, importFrameworkXlsx } from "./spreadsheet-import.ts";

const LADDER_CSV = [
  "Area,Competency,Associate PM,Product Manager,Senior PM,Director of Product,VP Product",
  'Strategy,Vision,"Knows the goal, and why","Writes the strategy","Shapes strategy across teams","Owns the area strategy","Sets company direction"',
  ',Discovery,"Runs interviews\nwith help","Plans research","Coaches research","Builds a research practice","Funds discovery"',
  'Execution,"Delivery ""at pace""",Ships small features,Ships a product,Ships across teams,Runs delivery for an area,Holds the org to account',
].join("\n");

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("importFrameworkCsv", () => {
  it("reads levels, competencies, areas and descriptors into a valid draft", () => {
    const preview = importFrameworkCsv(LADDER_CSV, { fileName: "pm-ladder.csv" });
    expect(preview.levels).toEqual([
      { id: "associate-pm", name: "Associate PM", rank: 1 },
      { id: "product-manager", name: "Product Manager", rank: 2 },
      { id: "senior-pm", name: "Senior PM", rank: 3 },
      { id: "director-of-product", name: "Director of Product", rank: 4 },
      { id: "vp-product", name: "VP Product", rank: 5 },
    ]);
    expect(preview.competencies).toEqual([
      { id: "vision", name: "Vision", area: "Strategy" },
      { id: "discovery", name: "Discovery", area: "Strategy" },
      { id: "delivery-at-pace", name: 'Delivery "at pace"', area: "Execution" },
    ]);
    expect(preview.emptyCells).toEqual([]);
    expect(preview.warnings).toEqual([]);

    const { framework } = preview;
    expect(framework.name).toBe("pm-ladder");
    expect(framework.slug).toBe("pm-ladder");
    expect(framework.levels.map((level) => level.track)).toEqual(["ic", "ic", "ic", "manager", "executive"]);
    expect(framework.levels.map((level) => framework.expectations[level.id]?.vision?.expected)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(framework.expectations["associate-pm"]?.vision).toEqual({
      expected: 1,
      weight: 1,
      descriptor: "Knows the goal, and why",
      interpolated: false,
    });
    expect(framework.expectations["associate-pm"]?.discovery?.descriptor).toBe("Runs interviews\nwith help");
    expect(framework.scale).toMatchObject({ min: 1, max: 5 });
    expect(framework.scale.points.map((point) => point.label)).toHaveLength(5);
  });

  it("detects semicolons, strips a BOM and handles CRLF with commas inside cells", () => {
    const csv =
      '\uFEFFCompetency;PM 1;PM 2;Head of Product\r\nStrategy;Knows the goal, roughly;Writes it, clearly;"Owns it; fully"\r\nCraft;a, b;c, d;e\r\n';
    const preview = importFrameworkCsv(Buffer.from(csv, "utf8"));
    expect(preview.levels.map((level) => level.name)).toEqual(["PM 1", "PM 2", "Head of Product"]);
    expect(preview.competencies.map((competency) => [competency.name, competency.area])).toEqual([
      ["Strategy", "General"],
      ["Craft", "General"],
    ]);
    expect(preview.framework.expectations["head-of-product"]?.strategy?.descriptor).toBe("Owns it; fully");
    expect(preview.framework.expectations["pm-1"]?.strategy?.descriptor).toBe("Knows the goal, roughly");
  });

  it("reads tab-separated text and Windows-1252 or UTF-16 bytes", () => {
    const tsv = "Skill\tJunior\tSenior\nRésumé writing\tDrafts\tPolishes\n";
    expect(importFrameworkCsv(tsv).competencies[0]?.name).toBe("Résumé writing");
    const latin1 = Buffer.from(tsv, "latin1");
    expect(importFrameworkCsv(latin1).competencies[0]?.name).toBe("Résumé writing");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
    expect(importFrameworkCsv(utf16).competencies[0]?.name).toBe("Résumé writing");
  });

  it("takes area headings, a title row and a blank first header in its stride", () => {
    const csv = [
      "Acme product ladder,,",
      ",APM,PM",
      "Strategy,,",
      "Vision,Knows it,Writes it",
      "Roadmaps,Reads one,Owns one",
      "Execution,,",
      "Delivery,Ships,Ships more",
    ].join("\r\n");
    const preview = importFrameworkCsv(csv, { slug: "acme" });
    expect(preview.framework.name).toBe("Acme product ladder");
    expect(preview.framework.slug).toBe("acme");
    expect(preview.competencies).toEqual([
      { id: "vision", name: "Vision", area: "Strategy" },
      { id: "roadmaps", name: "Roadmaps", area: "Strategy" },
      { id: "delivery", name: "Delivery", area: "Execution" },
    ]);
    expect(preview.warnings).toEqual(["Row 1 was read as a title, not as the header row"]);
  });

  it("matches area headers case-insensitively and reads a description column", () => {
    const csv = "THEME,Criteria,Description,L1,L2\nPeople,Coaching,Helps others grow,Mentors,Leads\n";
    const preview = importFrameworkCsv(csv, { name: "Ladder" });
    expect(preview.competencies).toEqual([{ id: "coaching", name: "Coaching", area: "People" }]);
    expect(preview.framework.competencies[0]?.description).toBe("Helps others grow");
    expect(preview.levels.map((level) => level.name)).toEqual(["L1", "L2"]);
  });

  it("keeps empty cells as empty descriptors and warns about each", () => {
    const csv = "Competency,APM,PM,CPO\nVision,,Writes it,\n";
    const preview = importFrameworkCsv(csv);
    expect(preview.emptyCells).toEqual([
      { row: 2, column: "B", level: "apm", competency: "vision" },
      { row: 2, column: "D", level: "cpo", competency: "vision" },
    ]);
    expect(preview.warnings).toHaveLength(2);
    expect(preview.warnings[0]).toContain("B2");
    expect(preview.framework.expectations.apm?.vision?.descriptor).toBe("");
    expect(preview.framework.levels.map((level) => level.track)).toEqual(["ic", "ic", "executive"]);
  });

  it("makes ids unique when names slugify alike", () => {
    const csv = "Competency,PM,P.M.\nA & B,x,y\nA and B!,x,y\n";
    const preview = importFrameworkCsv(csv);
    expect(preview.levels.map((level) => level.id)).toEqual(["pm", "p-m"]);
    expect(preview.competencies.map((competency) => competency.id)).toEqual(["a-and-b", "a-and-b-2"]);
  });

  it("names the row and column of a duplicate competency", () => {
    const csv = "Competency,PM,Senior PM\nVision,a,b\nDelivery,c,d\n  vision ,e,f\n";
    const error = formatErrorFrom(() => importFrameworkCsv(csv, { fileName: "dup.csv" }));
    expect(error.code).toBe("malformed_file");
    expect(error.details).toEqual([expect.objectContaining({ row: 4, column: "A" })]);
    expect(error.details[0]?.message).toContain("rows 2 and 4");
  });

  it("names the column of a duplicate level header", () => {
    const error = formatErrorFrom(() => importFrameworkCsv("Competency,PM,Senior PM,pm\nVision,a,b,c\n"));
    expect(error.details).toEqual([expect.objectContaining({ row: 1, column: "D" })]);
  });

  it("refuses a sheet without level columns", () => {
    const error = formatErrorFrom(() => importFrameworkCsv("Competency\nVision\nDelivery\n"));
    expect(error.code).toBe("malformed_file");
    expect(error.details[0]).toMatchObject({ row: 1, column: "B" });
  });

  it("refuses a row with more cells than the header", () => {
    const error = formatErrorFrom(() => importFrameworkCsv("Competency,PM,Senior PM\nVision,a,b\nDelivery,c,d,e\n"));
    expect(error.details).toEqual([expect.objectContaining({ row: 3, column: "D" })]);
    // Trailing empty cells, as Excel writes them, are fine.
    expect(importFrameworkCsv("Competency,PM,Senior PM,,\nVision,a,b,,\n").levels).toHaveLength(2);
  });

  it("refuses text under a blank header and expectations without a competency name", () => {
    const error = formatErrorFrom(() => importFrameworkCsv("Competency,PM,,Senior PM\nVision,a,stray,b\n,c,,d\n"));
    expect(error.details).toEqual([
      expect.objectContaining({ row: 2, column: "C" }),
      expect.objectContaining({ row: 3, column: "A" }),
    ]);
  });

  it("reports an unterminated quote with its row, column and line", () => {
    const error = formatErrorFrom(() => importFrameworkCsv('Competency,PM\nVision,"never closed\nDelivery,x\n'));
    expect(error.code).toBe("malformed_file");
    expect(error.details[0]).toMatchObject({ row: 2, column: "B", line: 2 });
  });

  it("refuses empty, binary and oversized input", () => {
    expect(formatErrorFrom(() => importFrameworkCsv("")).code).toBe("unsupported_format");
    expect(formatErrorFrom(() => importFrameworkCsv(PNG_BYTES)).code).toBe("unsupported_format");
    const big = Buffer.alloc(MAX_FRAMEWORK_FILE_BYTES + 1, 0x61);
    expect(formatErrorFrom(() => importFrameworkCsv(big)).code).toBe("file_too_large");
  });
});

describe("importFrameworkXlsx", () => {
  it("reads the first sheet with rich text, formula results, hyperlinks and merged areas", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Ladder");
      sheet.addRow(["Category", "Competency", "PM", "Group PM", "Head of Product"]);
      sheet.addRow([
        "Strategy",
        { richText: [{ text: "Vi", font: { bold: true } }, { text: "sion" }] },
        "Knows the goal",
        { formula: '"Sets "&"goals"', result: "Sets goals" },
        { text: "Owns the strategy", hyperlink: "https://example.com" },
      ]);
      sheet.addRow([null, "Research", "Interviews\r\nusers", "Plans", "Funds"]);
      sheet.mergeCells("A2:A3");
      sheet.addRow(["Execution", "Delivery", 42, true, new Date(Date.UTC(2024, 0, 31))]);
      workbook.addWorksheet("Notes").addRow(["Ignored"]);
    });
    const preview = await importFrameworkXlsx(bytes, { fileName: "ladder.xlsx" });
    expect(preview.sheetName).toBe("Ladder");
    expect(preview.sheetNames).toEqual(["Ladder", "Notes"]);
    expect(preview.levels.map((level) => level.name)).toEqual(["PM", "Group PM", "Head of Product"]);
    expect(preview.competencies).toEqual([
      { id: "vision", name: "Vision", area: "Strategy" },
      { id: "research", name: "Research", area: "Strategy" },
      { id: "delivery", name: "Delivery", area: "Execution" },
    ]);
    const descriptors = preview.framework.expectations;
    expect(descriptors["group-pm"]?.vision?.descriptor).toBe("Sets goals");
    expect(descriptors["head-of-product"]?.vision?.descriptor).toBe("Owns the strategy");
    expect(descriptors.pm?.research?.descriptor).toBe("Interviews\nusers");
    expect([descriptors.pm?.delivery?.descriptor, descriptors["group-pm"]?.delivery?.descriptor]).toEqual([
      "42",
      "TRUE",
    ]);
    expect(descriptors["head-of-product"]?.delivery?.descriptor).toBe("2024-01-31");
    expect(preview.framework.levels.map((level) => level.track)).toEqual(["ic", "ic", "manager"]);
    expect(preview.warnings).toEqual([]);
  });

  it("reads a named sheet and lists the sheets when the name is unknown", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("Cover").addRow(["This workbook holds our ladder"]);
      const sheet = workbook.addWorksheet("PM ladder");
      sheet.addRow(["Skill", "PM", "Senior PM"]);
      sheet.addRow(["Vision", "a", "b"]);
    });
    const preview = await importFrameworkXlsx(bytes, { sheet: "pm ladder" });
    expect(preview.sheetName).toBe("PM ladder");
    expect(preview.competencies.map((competency) => competency.name)).toEqual(["Vision"]);

    const error = await formatErrorFromAsync(() => importFrameworkXlsx(bytes, { sheet: "Ladder" }));
    expect(error.message).toContain('"Cover", "PM ladder"');
  });

  it("names the row and column of problems in a workbook", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Ladder");
      sheet.addRow(["Competency", "PM", "PM"]);
      sheet.addRow(["Vision", "a", "b"]);
    });
    const error = await formatErrorFromAsync(() => importFrameworkXlsx(bytes));
    expect(error.details).toEqual([expect.objectContaining({ row: 1, column: "C" })]);
  });

  it("refuses a damaged workbook and a non-workbook without raw library errors", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("Ladder").addRow(["Competency", "PM"]);
    });
    const damaged = Buffer.from(bytes);
    damaged.fill(0x41, 40, Math.min(damaged.length - 200, 2000));
    const error = await formatErrorFromAsync(() => importFrameworkXlsx(damaged));
    expect(["malformed_file", "unsupported_format"]).toContain(error.code);
    expect((await formatErrorFromAsync(() => importFrameworkXlsx(PNG_BYTES))).code).toBe("unsupported_format");
    expect((await formatErrorFromAsync(() => importFrameworkXlsx(Buffer.from("%PDF-1.4")))).code).toBe(
      "unsupported_format",
    );
  });
});

describe("importFrameworkSpreadsheet", () => {
  it("tells CSV and XLSX apart by content", async () => {
    const xlsx = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Ladder");
      sheet.addRow(["Competency", "PM"]);
      sheet.addRow(["Vision", "a"]);
    });
    expect((await importFrameworkSpreadsheet(xlsx, { fileName: "ladder.csv" })).sheetName).toBe("Ladder");
    expect((await importFrameworkSpreadsheet(Buffer.from(LADDER_CSV), { fileName: "ladder.csv" })).levels).toHaveLength(
      5,
    );
  });

  it("refuses images, PDFs, empty files and framework documents", async () => {
    for (const bytes of [PNG_BYTES, Buffer.from("%PDF-1.7\n"), Buffer.alloc(0)]) {
      expect((await formatErrorFromAsync(() => importFrameworkSpreadsheet(bytes, { fileName: "x.xlsx" }))).code).toBe(
        "unsupported_format",
      );
    }
    const yaml = await formatErrorFromAsync(() => importFrameworkSpreadsheet("slug: x\n", { fileName: "x.yaml" }));
    expect(yaml.code).toBe("unsupported_format");
    const big = Buffer.alloc(MAX_FRAMEWORK_FILE_BYTES + 1, 0x61);
    expect((await formatErrorFromAsync(() => importFrameworkSpreadsheet(big, { fileName: "x.csv" }))).code).toBe(
      "file_too_large",
    );
  });
});
