import { FormatError, assertWithinSizeLimit } from "./format-error.ts";
import {
  decodeText,
  describeBinaryKind,
  isXlsxZip,
  listZipEntries,
  looksLikeText,
  sniffBinaryKind,
  toBytes,
} from "./file-sniffing.ts";

export type FrameworkFileFormat = "yaml" | "json" | "csv" | "xlsx";

const TEXT_EXTENSIONS: Record<string, FrameworkFileFormat> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  csv: "csv",
  tsv: "csv",
  tab: "csv",
  txt: "csv",
};

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? "");
  return match?.[1]?.toLowerCase() ?? "";
}

function unsupported(fileName: string | undefined, what: string): FormatError {
  const name = fileName ? `"${fileName}"` : "The file";
  return new FormatError("unsupported_format", `${name} is ${what}; upload YAML, JSON, CSV or an .xlsx workbook`, [
    { message: `Detected ${what}` },
  ]);
}

function describeZip(entries: ReturnType<typeof listZipEntries>): string {
  if (!entries) return "a damaged or unreadable zip archive";
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => name.startsWith("word/"))) return "a Word document (.docx)";
  if (names.some((name) => name.startsWith("ppt/"))) return "a PowerPoint file (.pptx)";
  if (names.includes("mimetype") && names.includes("content.xml")) {
    return "an OpenDocument file (.ods/.odt); save it as .xlsx or CSV";
  }
  return "a zip archive that is not an .xlsx workbook";
}

function sniffTextFormat(text: string): FrameworkFileFormat | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "json";
  const lines = trimmed.split(/\r\n|\r|\n/);
  const first = lines.find((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  if (first === undefined) return undefined;
  if (first.startsWith("---") || first.startsWith("%YAML")) return "yaml";
  if (/^[A-Za-z_][\w-]*\s*:(\s|$)/.test(first)) return "yaml";
  if (/[,;\t]/.test(first)) return "csv";
  return undefined;
}

/**
 * Decides how to read an uploaded framework file from its content first and its name second:
 * binary content must be an .xlsx workbook; text follows the extension, else its shape.
 */
export function detectFrameworkFormat(fileName: string | undefined, input: Uint8Array | string): FrameworkFileFormat {
  const bytes = toBytes(input);
  assertWithinSizeLimit(bytes.byteLength, fileName);
  if (bytes.byteLength === 0) throw unsupported(fileName, "empty");

  const binaryKind = sniffBinaryKind(bytes);
  if (binaryKind === "zip") {
    const entries = listZipEntries(bytes);
    if (entries && isXlsxZip(entries)) return "xlsx";
    throw unsupported(fileName, describeZip(entries));
  }
  if (binaryKind) throw unsupported(fileName, describeBinaryKind(binaryKind));
  if (!looksLikeText(bytes)) throw unsupported(fileName, "a binary file");

  const text = decodeText(bytes);
  if (text.trim() === "") throw unsupported(fileName, "empty");
  const byExtension = TEXT_EXTENSIONS[extensionOf(fileName)];
  if (byExtension) return byExtension;
  const byContent = sniffTextFormat(text);
  if (byContent) return byContent;
  throw unsupported(fileName, "text that is not YAML, JSON or CSV");
}
