import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, stringify } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import { formatIssuePath, validateFramework } from "@ascent/core";
import type { Framework, FrameworkIssue } from "@ascent/core";
import { FormatError, assertWithinSizeLimit } from "./format-error.ts";
import type { FormatErrorDetail } from "./format-error.ts";
import { stripBom } from "./file-sniffing.ts";

export type FrameworkDocumentFormat = "yaml" | "json";

export interface ParsedFrameworkDocument {
  framework: Framework;
}

interface SourcePosition {
  line: number;
  column: number;
}

function describe(fileName: string | undefined): string {
  return fileName ? `"${fileName}"` : "The framework document";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function malformed(fileName: string | undefined, details: FormatErrorDetail[]): FormatError {
  const first = details[0];
  const where = first?.line === undefined ? "" : ` (line ${first.line})`;
  return new FormatError(
    "malformed_file",
    `${describe(fileName)} could not be parsed: ${first?.message ?? "unknown syntax error"}${where}`,
    details,
  );
}

function positionAt(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** JSON.parse names a character offset ("at position 42") or, on newer engines, a line and column. */
function jsonSyntaxDetail(error: unknown, text: string, lineCounter: LineCounter): FormatErrorDetail {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  const byLine = /line (\d+) column (\d+)/.exec(raw);
  if (byLine) return { message, line: Number(byLine[1]), column: Number(byLine[2]) };
  const byPosition = /at position (\d+)/.exec(raw);
  const offset = byPosition ? Number(byPosition[1]) : text.length;
  return { message, ...positionAt(lineCounter, offset) };
}

function keyMatches(key: unknown, wanted: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(wanted);
  return String(key) === String(wanted);
}

/**
 * Follows an issue path through the parsed document and returns the position of the deepest node
 * that exists: a missing `levels[3].id` points at `levels[3]`, a present one at its `id` key.
 */
function locatePath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): SourcePosition {
  let node: unknown = doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (!pair) break;
      const keyNode = pair.key;
      if (isNode(keyNode) && keyNode.range) offset = keyNode.range[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      const item: unknown = Number.isInteger(index) ? node.items[index] : undefined;
      if (!isNode(item)) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  return positionAt(lineCounter, offset);
}

function parseSource(
  text: string,
  format: FrameworkDocumentFormat,
  fileName: string | undefined,
): { data: unknown; doc: Document<YamlNode, true>; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  if (format === "json") {
    try {
      return { data: JSON.parse(text) as unknown, doc, lineCounter };
    } catch (error) {
      throw malformed(fileName, [jsonSyntaxDetail(error, text, lineCounter)]);
    }
  }
  if (doc.errors.length > 0) {
    throw malformed(
      fileName,
      doc.errors.map((error) => ({ message: error.message, ...positionAt(lineCounter, error.pos[0]) })),
    );
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) as unknown, doc, lineCounter };
  } catch (error) {
    // toJS refuses alias bombs ("Excessive alias count"); there is no better place to point at.
    const message = error instanceof Error ? error.message : String(error);
    throw malformed(fileName, [{ message, line: 1, column: 1 }]);
  }
}

function toLocatedDetails(
  doc: Document,
  lineCounter: LineCounter,
  issues: readonly FrameworkIssue[],
): FormatErrorDetail[] {
  return issues.map((issue) => ({
    message: issue.message,
    path: formatIssuePath(issue.path),
    ...locatePath(doc, lineCounter, issue.path),
  }));
}

/** Maps validation issues found in YAML/JSON text to details carrying their path and source line. */
export function locateFrameworkIssues(text: string, issues: readonly FrameworkIssue[]): FormatErrorDetail[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, prettyErrors: false, uniqueKeys: false });
  return toLocatedDetails(doc, lineCounter, issues);
}

/**
 * Reads a framework from YAML or JSON text and validates it. Syntax errors throw "malformed_file" with
 * a line and column; a framework that parses but breaks the rules throws "invalid_framework" with one
 * detail per issue, each naming its path ("levels[3].id") and the line it sits on.
 */
export function parseFrameworkDocument(
  text: string,
  format: FrameworkDocumentFormat,
  fileName?: string,
): ParsedFrameworkDocument {
  assertWithinSizeLimit(Buffer.byteLength(text, "utf8"), fileName);
  const source = stripBom(text);
  if (source.trim() === "") {
    throw malformed(fileName, [{ message: "The document is empty", line: 1, column: 1 }]);
  }
  const { data, doc, lineCounter } = parseSource(source, format, fileName);
  const issues = validateFramework(data);
  if (issues.length > 0) {
    const details = toLocatedDetails(doc, lineCounter, issues);
    const first = details[0];
    const summary = first ? `: ${first.path ? `${first.path}: ` : ""}${first.message} (line ${first.line})` : "";
    throw new FormatError(
      "invalid_framework",
      `${describe(fileName)} is not a valid framework (${plural(details.length, "problem")})${summary}`,
      details,
    );
  }
  return { framework: data as Framework };
}

/** Writes a framework as YAML or JSON; parseFrameworkDocument reads it back unchanged. */
export function serializeFramework(framework: Framework, format: FrameworkDocumentFormat): string {
  if (format === "json") return `${JSON.stringify(framework, null, 2)}\n`;
  // Shared object references must not become YAML anchors: the file is meant to be edited by hand.
  return stringify(framework, { aliasDuplicateObjects: false, lineWidth: 0 });
}
