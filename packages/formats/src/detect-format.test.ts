import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectFrameworkFormat } from "./detect-format.ts";
import { MAX_FRAMEWORK_FILE_BYTES } from "./format-error.ts";
import { PNG_BYTES, buildStoredZip, formatErrorFrom } from "./file.fixtures.ts";

function codeOf(run: () => unknown): string {
  return formatErrorFrom(run).code;
}

describe("detectFrameworkFormat", () => {
  it("follows the extension for text files", () => {
    expect(detectFrameworkFormat("ladder.yaml", "slug: x\n")).toBe("yaml");
    expect(detectFrameworkFormat("ladder.YML", "slug: x\n")).toBe("yaml");
    expect(detectFrameworkFormat("ladder.json", '{"slug":"x"}')).toBe("json");
    expect(detectFrameworkFormat("ladder.csv", "Competency,PM\n")).toBe("csv");
    expect(detectFrameworkFormat("ladder.tsv", "Competency\tPM\n")).toBe("csv");
  });

  it("sniffs text without a useful extension", () => {
    expect(detectFrameworkFormat(undefined, '  {"slug": "x"}')).toBe("json");
    expect(detectFrameworkFormat("upload", "# a comment\nslug: x\nname: y\n")).toBe("yaml");
    expect(detectFrameworkFormat("upload.bin", "---\nslug: x\n")).toBe("yaml");
    expect(detectFrameworkFormat(undefined, Buffer.from("\uFEFFCompetency;PM;Senior PM\r\n"))).toBe("csv");
  });

  it("recognises an .xlsx workbook by content, whatever its name", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Ladder").addRow(["Competency", "PM"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFrameworkFormat("ladder.xlsx", bytes)).toBe("xlsx");
    expect(detectFrameworkFormat("ladder.csv", bytes)).toBe("xlsx");
  });

  it("refuses images, PDFs, other archives, legacy Office files and binary data", () => {
    expect(codeOf(() => detectFrameworkFormat("ladder.csv", PNG_BYTES))).toBe("unsupported_format");
    expect(codeOf(() => detectFrameworkFormat("ladder.xlsx", Buffer.from("%PDF-1.7\n%âãÏÓ\n")))).toBe(
      "unsupported_format",
    );
    expect(codeOf(() => detectFrameworkFormat("doc.xlsx", buildStoredZip({ "word/document.xml": "<w/>" })))).toBe(
      "unsupported_format",
    );
    const legacy = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => detectFrameworkFormat("old.xls", legacy)).toThrow(/legacy Office/);
    expect(codeOf(() => detectFrameworkFormat("data.csv", Buffer.from([1, 2, 0, 4, 5, 0, 0, 9])))).toBe(
      "unsupported_format",
    );
  });

  it("refuses an empty file", () => {
    expect(codeOf(() => detectFrameworkFormat("ladder.csv", Buffer.alloc(0)))).toBe("unsupported_format");
    expect(codeOf(() => detectFrameworkFormat("ladder.yaml", "  \n\n"))).toBe("unsupported_format");
  });

  it("refuses files over 5 MB before looking inside", () => {
    const big = Buffer.alloc(MAX_FRAMEWORK_FILE_BYTES + 1, 0x61);
    expect(codeOf(() => detectFrameworkFormat("ladder.csv", big))).toBe("file_too_large");
    expect(detectFrameworkFormat("ladder.csv", Buffer.alloc(MAX_FRAMEWORK_FILE_BYTES, 0x61))).toBe("csv");
  });
});
