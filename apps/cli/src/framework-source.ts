import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Framework } from "@ascent/core";
import type { FrameworkFileResult, SpreadsheetImportOptions } from "@ascent/formats";
import { CliError } from "./cli-error.ts";
import { plural } from "./terminal.ts";
import { withServer } from "./server-connection.ts";

/** The built-in ladder as kept in the repository (frameworks-as-code); the server seeds the same file. */
export const BUILTIN_LADDER_FILE = fileURLToPath(
  new URL("../../../frameworks/product-management.yaml", import.meta.url),
);

export type FrameworkReadOptions = Pick<SpreadsheetImportOptions, "sheet" | "name" | "slug">;

export async function readFileBytes(fileName: string): Promise<Buffer> {
  try {
    return await readFile(fileName);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`No such file: ${fileName}`, { cause: error });
    if (code === "EISDIR") throw new CliError(`${fileName} is a folder, not a file`, { cause: error });
    if (code === "EACCES") throw new CliError(`Permission denied reading ${fileName}`, { cause: error });
    throw error;
  }
}

/**
 * Reads a YAML/JSON framework or a CSV/XLSX ladder. The formats package's errors come back as
 * CliErrors whose details carry the file name, so they print as `ladder.yaml:12 levels[3].id: …`.
 */
export async function readFrameworkInput(
  fileName: string,
  options: FrameworkReadOptions = {},
): Promise<FrameworkFileResult> {
  const bytes = await readFileBytes(fileName);
  const { isFormatError, readFrameworkFile } = await import("@ascent/formats");
  try {
    return await readFrameworkFile(fileName, bytes, {
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.slug ? { slug: options.slug } : {}),
    });
  } catch (error) {
    if (isFormatError(error)) {
      // Details without a location only restate the message ("Detected a Word document").
      const details = error.details.filter((detail) => detail.line ?? detail.row ?? detail.path);
      throw new CliError(describeFormatError(fileName, error.code, error.message, details.length), {
        details,
        fileName,
        cause: error,
      });
    }
    throw error;
  }
}

/** The details list every problem with its location, so the headline need not repeat the first one. */
function describeFormatError(fileName: string, code: string, message: string, problems: number): string {
  if (problems === 0) return message;
  if (code === "invalid_framework") return `${fileName} is not a valid framework (${plural(problems, "problem")}):`;
  if (code === "malformed_file") return `${fileName} could not be read (${plural(problems, "problem")}):`;
  return message;
}

export function frameworkOf(result: FrameworkFileResult): Framework {
  return result.kind === "document" ? result.framework : result.preview.framework;
}

export async function loadBuiltinLadder(): Promise<Framework> {
  return frameworkOf(await readFrameworkInput(BUILTIN_LADDER_FILE));
}

export type FrameworkVersionRef = number | "latest";

export function parseVersion(text: string): FrameworkVersionRef {
  if (text === "latest") return "latest";
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  throw new CliError(`Version must be a number from 1 or "latest", got "${text}"`);
}

/** A framework named on the command line: a file, or `<framework>@<version>` in the database. */
export type FrameworkSpec =
  { kind: "file"; fileName: string } | { kind: "stored"; ref: string; version: FrameworkVersionRef };

const STORED_REF = /^([^@/\\\s]+)@([^@]+)$/;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** An existing file wins; otherwise `slug@3`, `slug@latest`, or a bare slug meaning its latest version. */
export async function parseFrameworkSpec(text: string): Promise<FrameworkSpec> {
  if (await isFile(text)) return { kind: "file", fileName: text };
  const stored = STORED_REF.exec(text);
  if (stored) return { kind: "stored", ref: stored[1] as string, version: parseVersion(stored[2] as string) };
  if (/[/\\.]/.test(text)) throw new CliError(`No such file: ${text}`);
  return { kind: "stored", ref: text, version: "latest" };
}

export interface LoadedFramework {
  /** How to name it in output: the file name, or `slug@3`. */
  label: string;
  framework: Framework;
}

/** Loads each spec, asking the server once and only when a spec names a stored framework. */
export async function loadFrameworks(specs: readonly FrameworkSpec[]): Promise<LoadedFramework[]> {
  const loaded: (LoadedFramework | undefined)[] = await Promise.all(
    specs.map(async (spec) =>
      spec.kind === "file"
        ? { label: spec.fileName, framework: frameworkOf(await readFrameworkInput(spec.fileName)) }
        : undefined,
    ),
  );
  if (specs.some((spec) => spec.kind === "stored")) {
    const { endpoints } = await import("@ascent/contract");
    await withServer(async (server) => {
      for (const [index, spec] of specs.entries()) {
        if (spec.kind !== "stored") continue;
        const record = await server.call(endpoints.frameworks.getVersion, {
          params: { framework: spec.ref, version: spec.version },
        });
        const draft = record.status === "draft" ? " (draft)" : "";
        loaded[index] = { label: `${spec.ref}@${record.version}${draft}`, framework: record.document as Framework };
      }
    });
  }
  return loaded.map((entry) => {
    if (!entry) throw new Error("A framework spec was not loaded");
    return entry;
  });
}
