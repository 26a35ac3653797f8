import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchDatabase } from "@ascent/db/testing";
import type { HttpSession } from "../e2e/support/http-session.ts";
import {
  printFigure,
  signInFirstAdmin,
  sleep,
  startChildServer,
  type ChildServer,
  type Storage,
} from "./support/child-server.ts";

/**
 * Crash safety: a write burst through the API (people and evidence, 8 at a time), the server killed
 * with SIGKILL three times in the middle of it, then restarted. Every write answered 2xx must exist
 * after the last restart. Runs on the embedded database and on a scratch PostgreSQL database.
 */
const KILLS = 3;
const WRITERS = 8;
const isShort = process.argv.includes("--short");
const BURST_MS = isShort ? 1500 : 4000;

interface Acknowledged {
  people: string[];
  evidence: string[];
}

async function burst(
  admin: HttpSession,
  server: ChildServer,
  ownId: string,
  acked: Acknowledged,
  until: () => boolean,
) {
  let n = 0;
  const writer = async (w: number) => {
    while (!until()) {
      const i = n++;
      try {
        if (i % 2 === 0) {
          const response = await admin.fetch(`${server.url}/api/people`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: `Crash ${w}-${i}`, email: `crash-${Date.now()}-${w}-${i}@example.com` }),
          });
          if (response.ok) acked.people.push(((await response.json()) as { id: string }).id);
        } else {
          const response = await admin.fetch(`${server.url}/api/people/${ownId}/evidence`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ date: "2026-01-15", title: `Crash evidence ${w}-${i}` }),
          });
          if (response.ok) acked.evidence.push(((await response.json()) as { id: string }).id);
        }
      } catch {
        // The connection died with the server: this write was never acknowledged.
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

async function crashLeg(label: string, storage: Storage): Promise<{ acked: number; lost: number }> {
  let server = await startChildServer(storage);
  const admin = await signInFirstAdmin(server);
  const ownId = admin.info?.person.id as string;
  const acked: Acknowledged = { people: [], evidence: [] };
  for (let kill = 1; kill <= KILLS; kill++) {
    let isKilled = false;
    const writing = burst(admin, server, ownId, acked, () => isKilled);
    await sleep(BURST_MS / 2 + Math.random() * (BURST_MS / 2));
    await server.kill9();
    isKilled = true;
    await writing;
    process.stdout.write(
      `  ${label}: kill -9 #${kill} after ${acked.people.length + acked.evidence.length} acknowledged writes\n`,
    );
    server = await startChildServer(storage);
  }
  let lost = 0;
  for (const id of acked.people) {
    const response = await admin.fetch(`${server.url}/api/people/${id}`);
    if (response.status !== 200) lost += 1;
  }
  const listed = await admin.fetch(`${server.url}/api/people/${ownId}/evidence`);
  const text = await listed.text();
  for (const id of acked.evidence) if (!text.includes(id)) lost += 1;
  await server.stop();
  return { acked: acked.people.length + acked.evidence.length, lost };
}

const results: string[] = [];
let totalLost = 0;

const dataDir = await mkdtemp(join(tmpdir(), "ascent-crash-"));
try {
  const pglite = await crashLeg("PGlite", { dataDir });
  results.push(`PGlite ${pglite.lost} lost of ${pglite.acked}`);
  totalLost += pglite.lost;
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

const baseUrl = process.env.TEST_DATABASE_URL;
if (baseUrl) {
  const scratch = await createScratchDatabase(baseUrl);
  try {
    const postgres = await crashLeg("PostgreSQL", { databaseUrl: scratch.url });
    results.push(`PostgreSQL ${postgres.lost} lost of ${postgres.acked}`);
    totalLost += postgres.lost;
  } finally {
    await scratch.drop();
  }
} else {
  results.push("PostgreSQL not run (set TEST_DATABASE_URL)");
}

printFigure(
  "crash safety",
  `${KILLS} × kill -9 per driver; acknowledged writes lost: ${results.join("; ")}`,
  totalLost === 0 && !!baseUrl,
);
process.exit(totalLost === 0 && baseUrl ? 0 : 1);
