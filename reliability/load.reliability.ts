import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { printFigure, startChildServer } from "./support/child-server.ts";
import { redeemFirstAdmin } from "./support/sign-in.ts";

/**
 * Load: mixed reads and writes at 50 connections against a child server on the embedded database,
 * for 60 s (20 s with --short). Goal: no error, and the server's resident memory in the last 10 s
 * less than 10% above the second 10 s.
 */
const isShort = process.argv.includes("--short");
const DURATION_S = isShort ? 30 : 60;
const CONNECTIONS = 50;

const dataDir = await mkdtemp(join(tmpdir(), "ascent-load-"));
const server = await startChildServer({ dataDir });
try {
  const admin = await redeemFirstAdmin(server.url, server.firstAdminLink as string);
  // A small team to read about.
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${server.url}/api/people`, {
      method: "POST",
      headers: admin.headers,
      body: JSON.stringify({ name: `Load ${i}`, email: `load-${i}@example.com`, managerId: admin.personId }),
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  let written = 0;
  const samples: { atS: number; rssKb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ atS: (Date.now() - started) / 1000, rssKb: server.rssKb() }), 1000);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: admin.headers,
    requests: [
      { method: "GET", path: "/api/people" },
      { method: "GET", path: `/api/people/${ids[0]}` },
      { method: "GET", path: "/api/auth/session" },
      { method: "GET", path: `/api/people/${admin.personId}/evidence` },
      {
        method: "POST",
        path: `/api/people/${admin.personId}/evidence`,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ date: "2026-01-15", title: `Load evidence ${written++}` }),
        }),
      },
      { method: "GET", path: `/api/people/${ids[1]}/reports` },
    ],
  });
  clearInterval(sampler);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const second = mean(samples.filter((s) => s.atS >= 10 && s.atS < 20).map((s) => s.rssKb));
  const last = mean(samples.filter((s) => s.atS >= DURATION_S - 10).map((s) => s.rssKb));
  const growth = (last / second - 1) * 100;
  const errors = result.errors + result.timeouts + result.non2xx;
  printFigure(
    "load",
    `${DURATION_S} s at ${CONNECTIONS} connections: ${result.requests.total} requests (${Math.round(result.requests.average)}/s, p99 ${result.latency.p99} ms), ${errors} errors (${result.non2xx} non-2xx, ${result.timeouts} timeouts); RSS ${Math.round(second / 1024)} MB → ${Math.round(last / 1024)} MB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%)`,
    errors === 0 && growth < 10,
  );
  process.exitCode = errors === 0 && growth < 10 ? 0 : 1;
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
