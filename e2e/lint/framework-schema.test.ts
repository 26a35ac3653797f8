import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameworkJsonSchema, ZFramework } from "@ascent/contract";
import { parse } from "yaml";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("frameworks/framework.schema.json", () => {
  it("is the schema generated from the contract (run `npx tsx scripts/write-framework-schema.ts` after a change)", () => {
    expect(JSON.parse(read("frameworks/framework.schema.json"))).toEqual(frameworkJsonSchema());
  });

  it("accepts the built-in ladder, which points at it", () => {
    const text = read("frameworks/product-management.yaml");
    expect(text).toMatch(/yaml-language-server: \$schema=\.\/framework\.schema\.json/);
    expect(ZFramework.safeParse(parse(text)).error).toBeUndefined();
  });
});
