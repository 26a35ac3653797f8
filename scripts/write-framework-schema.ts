// Regenerates frameworks/framework.schema.json from the contract's zod schema.
import { writeFileSync } from "node:fs";
import { frameworkJsonSchema } from "@ascent/contract";

const target = new URL("../frameworks/framework.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
