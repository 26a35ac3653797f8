#!/usr/bin/env node
// The whole test suite: builds the web app, makes sure PostgreSQL is available for the
// PostgreSQL leg, runs every vitest project, and ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const extraArgs = process.argv.slice(2);

function run(command, args, options = {}) {
  return spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
}

function hasPostgresBinaries() {
  return existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").length > 0;
}

let cluster;
if (!process.env.TEST_DATABASE_URL && hasPostgresBinaries()) {
  const dir = mkdtempSync(join(tmpdir(), "ascent-pg-"));
  chmodSync(dir, 0o755);
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const started = spawnSync("bash", ["scripts/throwaway-postgres.sh", "start", join(dir, "cluster"), port], {
    cwd: root,
    encoding: "utf8",
  });
  if (started.status === 0) {
    cluster = dir;
    process.env.TEST_DATABASE_URL = started.stdout.trim();
    console.log(`test: started a throwaway PostgreSQL at ${process.env.TEST_DATABASE_URL}`);
  } else {
    console.log(`test: could not start a throwaway PostgreSQL:\n${started.stderr}`);
  }
}
// In CI a leg that cannot run is a failure: the run stops here and says why.
const isCi = !["", "0", "false"].includes((process.env.CI ?? "").trim().toLowerCase());
if (!process.env.TEST_DATABASE_URL) {
  const why = hasPostgresBinaries()
    ? "the throwaway PostgreSQL cluster did not start (see above)"
    : "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql) and TEST_DATABASE_URL is not set";
  if (isCi) {
    console.log(`test: FAILED: the PostgreSQL leg cannot run in CI: ${why}.`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  console.log(`test: WARNING: the PostgreSQL leg is reported as skipped: ${why}.`);
}

const build = run("npm", ["run", "build", "-w", "apps/web", "--silent"]);
if (build.status !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), "ascent-test-report-"));
const reportFile = join(reportDir, "vitest.json");
const vitest = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reportFile}`,
  ...extraArgs,
]);

if (cluster) {
  spawnSync("bash", ["scripts/throwaway-postgres.sh", "stop", join(cluster, "cluster")], { cwd: root });
  rmSync(cluster, { recursive: true, force: true });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed to load has no tests counted; count it as a failure.
  failed += report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
rmSync(reportDir, { recursive: true, force: true });
if (vitest.status !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
