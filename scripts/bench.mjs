#!/usr/bin/env node
// Runs the benchmarks in bench/: all of them, or those named on the command line
// (`npm run bench -- web-bundle`). Each prints its figure next to a baseline measured in the same run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const all = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${all.join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name} ==`);
  const run = spawnSync(
    "npx",
    ["tsx", `bench/${name}.bench.ts`, ...process.argv.slice(2).filter((a) => a.startsWith("-"))],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
