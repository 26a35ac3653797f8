import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import-direction rules", () => {
  it.each([
    ["packages/core/src/framework/x.ts", 'import "node:fs";'],
    ["packages/core/src/framework/x.ts", 'import { readFile } from "fs";'],
    ["packages/core/src/framework/x.ts", 'import { z } from "zod";'],
    ["packages/core/src/framework/x.ts", 'import { migrate } from "@ascent/db";'],
    ["apps/web/src/routes/x.tsx", 'import { migrate } from "@ascent/db";'],
    ["apps/web/src/routes/x.tsx", 'import { AppError } from "@ascent/core";'],
    ["apps/web/src/routes/x.tsx", 'import { buildApp } from "@ascent/server";'],
    ["packages/db/src/x.ts", 'import { buildApp } from "@ascent/server";'],
    ["packages/contract/src/x.ts", 'import { migrate } from "@ascent/db";'],
    ["packages/contract/src/x.ts", 'import { AppError } from "@ascent/core";'],
    ["packages/synthetic/src/x.ts", 'import { buildServices } from "@ascent/server";'],
    ["packages/synthetic/src/x.ts", 'import { buildServices } from "../../../apps/server/src/app.ts";'],
    ["packages/db/src/x.ts", 'import { seedSyntheticOrganisation } from "@ascent/synthetic";'],
    ["apps/web/src/routes/x.tsx", 'import { seedSyntheticOrganisation } from "@ascent/synthetic";'],
  ])("%s may not contain %s", async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ["packages/core/src/framework/x.ts", 'import { AppError } from "../errors/app-error.ts";'],
    ["apps/web/src/routes/x.tsx", 'import { endpoints } from "@ascent/contract";'],
    ["packages/db/src/x.ts", 'import { AppError } from "@ascent/core";'],
    ["packages/contract/src/x.ts", 'import type { Framework } from "@ascent/core";'],
    ["packages/synthetic/src/x.ts", 'import type { DatabaseHandle } from "@ascent/db";'],
    ["apps/cli/src/commands/x.ts", 'import { seedSyntheticOrganisation } from "@ascent/synthetic";'],
  ])("%s may contain %s", async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
