import { readFile } from "node:fs/promises";
import type { Framework } from "@ascent/core";
import { parseFrameworkDocument } from "@ascent/formats";

export const BUILTIN_SLUG = "product-management";

export const BUILTIN_LADDER_PATH = new URL("../../../frameworks/product-management.yaml", import.meta.url).pathname;

/** The built-in Product Management ladder, kept as YAML in the repository (frameworks-as-code). */
export async function loadBuiltinLadder(): Promise<Framework> {
  const text = await readFile(BUILTIN_LADDER_PATH, "utf8");
  return parseFrameworkDocument(text, "yaml", "frameworks/product-management.yaml").framework;
}
