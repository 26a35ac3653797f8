import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const SKIPPED_FOLDERS = new Set(["node_modules", "dist"]);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name"; null for relative paths, built-ins and `#imports`. */
function packageOf(specifier: string): string | null {
  if (/^[./#]/.test(specifier) || specifier.startsWith("node:")) return null;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  return builtinModules.includes(name) ? null : name;
}

/** Every package a workspace's files import (static, re-export, dynamic), with one file that imports it. */
function importedPackages(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(folder)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name && !found.has(name)) found.set(name, relative(ROOT, file));
    }
  }
  return found;
}

describe("every workspace declares what it imports", () => {
  it.each(rootManifest.workspaces)("%s", (workspace) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, workspace, "package.json"), "utf8")) as Manifest;
    const declared = new Set([
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const undeclared = [...importedPackages(join(ROOT, workspace))]
      .filter(([name]) => !declared.has(name))
      .map(([name, file]) => `${name} (imported by ${file})`);
    expect(undeclared).toEqual([]);
  });

  it("notices an undeclared import", () => {
    expect(packageOf("@ascent/core/testing")).toBe("@ascent/core");
    expect(packageOf("drizzle-orm/pg-core")).toBe("drizzle-orm");
    expect(packageOf("node:fs")).toBeNull();
    expect(packageOf("fs")).toBeNull();
    expect(packageOf("./x.ts")).toBeNull();
    const { importedFiles } = ts.preProcessFile('const a = "import x from \\"y\\""; await import("z");', true, true);
    expect(importedFiles.map((f) => f.fileName)).toEqual(["z"]);
  });
});
