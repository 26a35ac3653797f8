#!/usr/bin/env node
// Runs the reliability drills in reliability/ (all, or those named: `npm run reliability -- load`),
// each in its own process, then prints the figure of each. `--short` runs the quick versions.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { loadavg } from "node:os";

const root = new URL("..", import.meta.url).pathname;
const order = ["fuzz", "crash", "load", "outage"];
const all = readdirSync(`${root}reliability`)
  .filter((f) => f.endsWith(".reliability.ts"))
  .map((f) => f.replace(/\.reliability\.ts$/, ""))
  .sort((a, b) => order.indexOf(a) - order.indexOf(b));
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown drill(s): ${unknown.join(", ")}; available: ${all.join(", ")}`);
  process.exit(2);
}
const figures = [];
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== reliability ${name} ==`);
  const started = Date.now();
  const run = spawnSync("npx", ["tsx", `reliability/${name}.reliability.ts`, ...flags], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? "");
  const figure = (run.stdout ?? "").split("\n").find((line) => line.startsWith("FIGURE "));
  figures.push(
    `${figure ? figure.slice(7) : `${name}: no figure (exit ${run.status})`}  [${Math.round((Date.now() - started) / 1000)} s]`,
  );
  if (run.status !== 0) failed += 1;
}
console.log(
  `\n== reliability figures (load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}) ==`,
);
for (const figure of figures) console.log(`- ${figure}`);
process.exit(failed ? 1 : 0);
