import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printFigure, sleep, startChildServer } from "./support/child-server.ts";
import { redeemFirstAdmin } from "./support/sign-in.ts";

/**
 * Database outage: a child server on a throwaway PostgreSQL cluster of its own, under a steady load
 * of reads and writes; the cluster is stopped for 10 s and started again. During the outage every
 * refused answer must be 503 with a clear code; afterwards the same server must answer again,
 * without a restart.
 */
const OUTAGE_MS = 10_000;
const WORKERS = 10;
const SCRIPT = new URL("../scripts/throwaway-postgres.sh", import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const cluster = join(tmpdir(), `ascent-outage-${randomBytes(4).toString("hex")}`);
const port = await freePort();
const pg = (...args: string[]) => execFileSync("bash", [SCRIPT, ...args], { encoding: "utf8" }).trim();
const databaseUrl = pg("start", cluster, String(port));
type Phase = "before" | "during" | "after";
const answers: Record<Phase, Map<string, number>> = { before: new Map(), during: new Map(), after: new Map() };
let phase: Phase = "before";
let resumedAt = 0;
let recoveredAfterMs: number | null = null;
let isRunning = true;
try {
  const server = await startChildServer({ databaseUrl });
  const admin = await redeemFirstAdmin(server.url, server.firstAdminLink as string);
  let n = 0;
  const worker = async () => {
    while (isRunning) {
      const i = n++;
      const isWrite = i % 3 === 0;
      const current = phase;
      let key: string;
      try {
        const response = await fetch(
          `${server.url}${isWrite ? `/api/people/${admin.personId}/evidence` : "/api/people"}`,
          isWrite
            ? {
                method: "POST",
                headers: admin.headers,
                body: JSON.stringify({ date: "2026-01-15", title: `Outage ${i}` }),
                signal: AbortSignal.timeout(15_000),
              }
            : { headers: admin.headers, signal: AbortSignal.timeout(15_000) },
        );
        const text = await response.text();
        let code = "";
        if (!response.ok) {
          try {
            code = String((JSON.parse(text) as { error?: string }).error);
          } catch {
            code = "non-json";
          }
        }
        key = `${response.status}${code ? ` ${code}` : ""}`;
        if (current === "after" && isWrite && response.ok && recoveredAfterMs === null) {
          recoveredAfterMs = Date.now() - resumedAt;
        }
      } catch (error) {
        key = `no answer (${(error as Error).name})`;
      }
      // An answer counts in the later of the phases it spans: one cut by the outage belongs to it.
      const counted = current === "before" ? phase : current;
      answers[counted].set(key, (answers[counted].get(key) ?? 0) + 1);
      await sleep(20);
    }
  };
  const workers = Promise.all(Array.from({ length: WORKERS }, worker));
  await sleep(5000);
  phase = "during";
  pg("pause", cluster);
  await sleep(OUTAGE_MS);
  pg("resume", cluster, String(port));
  resumedAt = Date.now();
  phase = "after";
  // Wait for the first acknowledged write (at most 60 s), then 5 s more of steady answers.
  const deadline = Date.now() + 60_000;
  while (recoveredAfterMs === null && Date.now() < deadline) await sleep(200);
  answers.after.clear();
  await sleep(5000);
  isRunning = false;
  await workers;
  await server.stop();
} finally {
  isRunning = false;
  pg("stop", cluster);
}

const show = (m: Map<string, number>) => [...m.entries()].map(([k, v]) => `${v}× ${k}`).join(", ") || "none";
for (const p of ["before", "during", "after"] as const)
  process.stdout.write(`  ${p} the outage: ${show(answers[p])}\n`);
const isOk = (key: string) => key.startsWith("2");
const duringIsClear = [...answers.during.keys()].every((k) => isOk(k) || k === "503 database_unreachable");
const afterIsClean = answers.after.size > 0 && [...answers.after.keys()].every(isOk);
const isMet = duringIsClear && afterIsClean && recoveredAfterMs !== null;
printFigure(
  "database outage",
  `PostgreSQL stopped ${OUTAGE_MS / 1000} s under load: during it ${show(answers.during)}; first acknowledged write ${recoveredAfterMs === null ? "never" : `${(recoveredAfterMs / 1000).toFixed(1)} s`} after PostgreSQL was back, no restart; the next 5 s: ${show(answers.after)}`,
  isMet,
);
process.exit(isMet ? 0 : 1);
