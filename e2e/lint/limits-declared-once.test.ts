import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `maxLength={200}` or `maxLength={ 80 }`: a limit typed into a form instead of read from LIMITS. */
const NUMERIC_MAX_LENGTH = /maxLength=\{\s*\d[\d_]*\s*\}/g;

function literalMaxLengths(dir: string): string[] {
  return sourceFiles(dir).flatMap((file) => {
    const lines = readFileSync(file, "utf8").split("\n");
    return lines.flatMap((line, index) =>
      [...line.matchAll(NUMERIC_MAX_LENGTH)].map((m) => `${relative(root, file)}:${index + 1}: ${m[0]}`),
    );
  });
}

describe("limits are declared once, in packages/contract", () => {
  it("finds a numeric maxLength when one is there", () => {
    expect("<input maxLength={200} />".match(NUMERIC_MAX_LENGTH)).toEqual(["maxLength={200}"]);
    expect("<input maxLength={LIMITS.shortText} />".match(NUMERIC_MAX_LENGTH)).toBeNull();
  });

  it("has no numeric maxLength in the web app: forms read LIMITS from the contract", () => {
    expect(literalMaxLengths(join(root, "apps/web/src"))).toEqual([]);
  });
});
