import { startTestServer } from "../e2e/support/test-server.ts";
import { describeFindings, fuzzServer } from "../e2e/support/fuzz.ts";
import { printFigure } from "./support/child-server.ts";

/**
 * The long fuzz run: every route of the OpenAPI document, as anonymous, member, manager and admin,
 * with `RUNS` random requests per route and caller besides the fixed NUL probe (e2e/api/fuzz.test.ts
 * is the short one CI runs). Seed from FUZZ_SEED, or the date.
 */
const isShort = process.argv.includes("--short");
const RUNS = isShort ? 1 : 5;
const seed = Number(process.env.FUZZ_SEED ?? new Date().toISOString().slice(0, 10).replaceAll("-", ""));

const server = await startTestServer();
try {
  const report = await fuzzServer(server, { seed, runsPerRoute: RUNS });
  const lines = describeFindings(report.findings);
  for (const line of lines) process.stdout.write(`  ${line.slice(0, 400)}\n`);
  const count = (kind: string, isNul?: boolean) =>
    report.findings.filter((f) => f.kind === kind && (isNul === undefined || f.hasNul === isNul)).length;
  const statuses = Object.entries(report.byStatus)
    .sort()
    .map(([k, v]) => `${v}× ${k}`)
    .join(", ");
  printFigure(
    "fuzzing",
    `seed ${seed}, ${report.requests} requests (${statuses}): ${count("5xx")} × 5xx (${count("5xx", true)} with a NUL byte), ${count("stack-trace")} stack traces, ${count("partial-write")} partial writes`,
    report.findings.length === 0,
  );
  process.exitCode = report.findings.length === 0 ? 0 : 1;
} finally {
  await server.stop();
}
