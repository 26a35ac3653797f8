import { detectFrameworkFormat } from "./detect-format.ts";
import type { FrameworkFileFormat } from "./detect-format.ts";
import { decodeText, toBytes } from "./file-sniffing.ts";
import { parseFrameworkDocument } from "./framework-document.ts";
import type { ParsedFrameworkDocument } from "./framework-document.ts";
import { importFrameworkSpreadsheet } from "./spreadsheet-import.ts";
import type { SpreadsheetImportOptions, SpreadsheetPreview } from "./spreadsheet-import.ts";

export type FrameworkFileResult =
  | ({ kind: "document"; format: "yaml" | "json" } & ParsedFrameworkDocument)
  | { kind: "spreadsheet"; format: "csv" | "xlsx"; preview: SpreadsheetPreview };

/**
 * One entry point for an uploaded file: YAML/JSON come back as a validated framework, CSV/XLSX as a
 * preview of a draft framework.
 */
export async function readFrameworkFile(
  fileName: string | undefined,
  input: Uint8Array | string,
  options: Omit<SpreadsheetImportOptions, "fileName"> = {},
): Promise<FrameworkFileResult> {
  const format: FrameworkFileFormat = detectFrameworkFormat(fileName, input);
  if (format === "yaml" || format === "json") {
    const text = typeof input === "string" ? input : decodeText(toBytes(input));
    return { kind: "document", format, ...parseFrameworkDocument(text, format, fileName) };
  }
  const preview = await importFrameworkSpreadsheet(input, {
    ...options,
    format,
    ...(fileName === undefined ? {} : { fileName }),
  });
  return { kind: "spreadsheet", format, preview };
}
