import { describe, expect, it } from "vitest";
import { PNG_BYTES, formatErrorFromAsync } from "./file.fixtures.ts";
import { serializeFramework } from "./framework-document.ts";
import { buildAwkwardFramework } from "./framework.fixtures.ts";
import { readFrameworkFile } from "./read-framework-file.ts";
import { exportFrameworkCsv, exportFrameworkXlsx } from "./spreadsheet-export.ts";

describe("readFrameworkFile", () => {
  it("returns a validated framework for YAML and JSON", async () => {
    const framework = buildAwkwardFramework();
    for (const format of ["yaml", "json"] as const) {
      const bytes = Buffer.from(serializeFramework(framework, format), "utf8");
      expect(await readFrameworkFile(`ladder.${format}`, bytes)).toEqual({ kind: "document", format, framework });
    }
  });

  it("returns a preview for CSV and XLSX", async () => {
    const framework = buildAwkwardFramework();
    const csv = await readFrameworkFile("ladder.csv", Buffer.from(exportFrameworkCsv(framework), "utf8"), {
      name: "Imported",
    });
    expect(csv).toMatchObject({ kind: "spreadsheet", format: "csv", preview: { framework: { name: "Imported" } } });
    const xlsx = await readFrameworkFile("ladder.xlsx", await exportFrameworkXlsx(framework));
    expect(xlsx).toMatchObject({ kind: "spreadsheet", format: "xlsx", preview: { sheetName: "Ladder" } });
  });

  it("refuses what it cannot read", async () => {
    expect((await formatErrorFromAsync(() => readFrameworkFile("ladder.png", PNG_BYTES))).code).toBe(
      "unsupported_format",
    );
  });
});
