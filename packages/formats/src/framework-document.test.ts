import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { locateFrameworkIssues, parseFrameworkDocument, serializeFramework } from "./framework-document.ts";
import { MAX_FRAMEWORK_FILE_BYTES } from "./format-error.ts";
import { buildAwkwardFramework } from "./framework.fixtures.ts";
import { formatErrorFrom } from "./file.fixtures.ts";

const BUILT_IN = fileURLToPath(new URL("../../../frameworks/product-management.yaml", import.meta.url));

/** 1-based number of the `occurrence`-th line (1-based) that matches. */
function lineOf(text: string, pattern: RegExp, occurrence = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    if (pattern.test(lines[index] ?? "") && ++seen === occurrence) return index + 1;
  }
  throw new Error(`no line matches ${pattern}`);
}

describe("serializeFramework / parseFrameworkDocument", () => {
  it.each(["yaml", "json"] as const)("round-trips a framework through %s unchanged", (format) => {
    const framework = buildAwkwardFramework();
    const text = serializeFramework(framework, format);
    expect(parseFrameworkDocument(text, format, `ladder.${format}`).framework).toEqual(framework);
  });

  it("writes YAML without anchors even when objects are shared", () => {
    const framework = buildAwkwardFramework();
    const row = framework.expectations.pm;
    const shared = framework.expectations.apm?.strategy;
    if (row && shared) row.strategy = shared;
    const text = serializeFramework(framework, "yaml");
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parseFrameworkDocument(text, "yaml").framework).toEqual(framework);
  });

  it("round-trips the built-in product-management ladder", () => {
    const { framework } = parseFrameworkDocument(readFileSync(BUILT_IN, "utf8"), "yaml", "product-management.yaml");
    for (const format of ["yaml", "json"] as const) {
      expect(parseFrameworkDocument(serializeFramework(framework, format), format).framework).toEqual(framework);
    }
  });

  it("accepts a byte-order mark and CRLF line endings", () => {
    const framework = buildAwkwardFramework();
    const text = `\uFEFF${serializeFramework(framework, "yaml").replace(/\n/g, "\r\n")}`;
    expect(parseFrameworkDocument(text, "yaml").framework).toEqual(framework);
  });
});

describe("parseFrameworkDocument errors", () => {
  it("reports a YAML syntax error with its line and column", () => {
    const text = ["slug: broken", "name: Broken", "description: one: two", "levels: []"].join("\n");
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "yaml", "broken.yaml"));
    expect(error.code).toBe("malformed_file");
    expect(error.details[0]).toMatchObject({ line: 3, column: expect.any(Number) });
    expect(error.message).toContain("broken.yaml");
    expect(error.message).toContain("line 3");
  });

  it("reports an unclosed flow sequence at the line the parser stops", () => {
    const text = "slug: broken\nlevels: [\n  {id: a}\n";
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "yaml"));
    expect(error.code).toBe("malformed_file");
    expect(error.details[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses duplicate keys and multiple documents as malformed", () => {
    const duplicate = formatErrorFrom(() => parseFrameworkDocument("slug: a\nname: A\nslug: b\n", "yaml"));
    expect(duplicate).toMatchObject({ code: "malformed_file", details: [{ line: 3 }] });
    const stream = formatErrorFrom(() => parseFrameworkDocument("slug: a\n---\nslug: b\n", "yaml"));
    expect(stream.code).toBe("malformed_file");
    expect(stream.details[0]?.line).toBeDefined();
  });

  it("reports a duplicate level id with its path and line", () => {
    const framework = buildAwkwardFramework();
    const text = serializeFramework(framework, "yaml").replace(/^(\s+- id:) pm$/m, "$1 apm");
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "yaml", "dup.yaml"));
    expect(error.code).toBe("invalid_framework");
    const duplicate = error.details.find((detail) => /duplicate level id/.test(detail.message));
    expect(duplicate).toMatchObject({ path: "levels[1].id", line: lineOf(text, /^\s+- id: apm$/, 2) });
    expect(error.message).toContain("dup.yaml");
  });

  it("points a missing field at the object that lacks it", () => {
    const framework = buildAwkwardFramework();
    const { name: _dropped, ...withoutName } = framework.levels[2] as NonNullable<(typeof framework.levels)[2]>;
    void _dropped;
    const text = serializeFramework(
      {
        ...framework,
        levels: framework.levels.map((level, index) => (index === 2 ? (withoutName as typeof level) : level)),
      },
      "yaml",
    );
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "yaml"));
    expect(error.details).toContainEqual(
      expect.objectContaining({
        path: "levels[2].name",
        line: lineOf(text, /^\s+- id: head$/),
        message: "is required",
      }),
    );
  });

  it("locates issues in JSON by line", () => {
    const framework = buildAwkwardFramework();
    const bad = { ...framework, scale: { ...framework.scale, max: 0 } };
    const text = serializeFramework(bad, "json");
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "json"));
    expect(error.code).toBe("invalid_framework");
    expect(error.details).toContainEqual(
      expect.objectContaining({ path: "scale.max", line: lineOf(text, /^\s+"max": 0,?$/) }),
    );
  });

  it("reports a JSON syntax error with its line", () => {
    const text = '{\n  "slug": "x",\n  "name": "X",\n}\n';
    const error = formatErrorFrom(() => parseFrameworkDocument(text, "json", "x.json"));
    expect(error.code).toBe("malformed_file");
    expect(error.details[0]).toMatchObject({ line: 4, column: 1 });
  });

  it("refuses a document that is not an object, empty, or too large", () => {
    expect(formatErrorFrom(() => parseFrameworkDocument("- a\n- b\n", "yaml"))).toMatchObject({
      code: "invalid_framework",
      details: [{ path: "(root)", line: 1 }],
    });
    expect(formatErrorFrom(() => parseFrameworkDocument("  \n", "yaml")).code).toBe("malformed_file");
    const huge = `description: "${"x".repeat(MAX_FRAMEWORK_FILE_BYTES)}"\n`;
    expect(formatErrorFrom(() => parseFrameworkDocument(huge, "yaml")).code).toBe("file_too_large");
  });

  it("refuses alias bombs without throwing a raw error", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let index = 1; index < 12; index++) {
      const previous = String.fromCharCode(96 + index);
      const next = String.fromCharCode(97 + index);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const error = formatErrorFrom(() => parseFrameworkDocument(lines.join("\n"), "yaml"));
    expect(error.code).toBe("malformed_file");
  });
});

describe("locateFrameworkIssues", () => {
  it("finds the deepest existing node on the path", () => {
    const text = "levels:\n  - id: a\n    name: A\n  - id: b\n";
    const details = locateFrameworkIssues(text, [
      { path: ["levels", 1, "id"], message: "bad id" },
      { path: ["levels", 1, "rank"], message: "is required" },
      { path: ["levels", 7], message: "nowhere" },
      { path: [], message: "root" },
    ]);
    expect(details.map((detail) => [detail.path, detail.line])).toEqual([
      ["levels[1].id", 4],
      ["levels[1].rank", 4],
      ["levels[7]", 1],
      ["(root)", 1],
    ]);
  });
});
