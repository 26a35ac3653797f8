import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";
import { seedSyntheticOrganisation } from "./apps/server/src/synthetic/synthetic-organisation.ts";
const dir = "/tmp/synx/prof-" + Date.now();
const { createScratchDatabase } = await import("@ascent/db/testing"); const { openPostgres } = await import("@ascent/db");
const scratch = process.env.PG ? await createScratchDatabase(process.env.PG) : null;
const database = scratch ? await openPostgres(scratch.url) : await openPglite(dir);
await prepareDatabase(database);
const seeded = await seedSyntheticOrganisation(database, { people: 1000 });
const services = buildServices(database);
const { token } = await services.accounts.createApiToken(seeded.root.id, "x");
const ids = ((await database.db.execute(sql`select id from people where email like '%synthetic%'`)) as any).rows.map((r: any) => r.id);
const app = await buildApp({ database, logLevel: "silent" });
await app.ready();
const one = async () => { const r = await app.inject({ method: "GET", url: `/api/people/${ids[Math.floor(Math.random() * ids.length)]}/readiness`, headers: { authorization: `Bearer ${token}` } }); if (r.statusCode !== 200) throw new Error(r.body); };
for (let i = 0; i < 20; i++) await one();
const client: any = (database.db as any).$client; if (scratch) { const o = client.query.bind(client); client.exec = () => 0; client.transaction = () => 0; }
const stats = new Map<string, { n: number; ms: number }>();
for (const m of ["query", "exec", "transaction"]) { const orig = client[m].bind(client); client[m] = async (...a: any[]) => { const t0 = performance.now(); try { return await orig(...a); } finally { const k = m + " " + String(a[0]).replace(/\s+/g, " ").slice(0, 90); const e = stats.get(k) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t0; stats.set(k, e); } }; }
const { Session } = await import("node:inspector/promises");
const session = new Session(); session.connect(); await session.post("Profiler.enable"); if (process.env.PROFILE) await session.post("Profiler.start");
const t = performance.now(); const N = 300; const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) await one();
const cpu = process.cpuUsage(cpu0); console.log("ms per request", (performance.now() - t) / N, "cpu ms per request", (cpu.user + cpu.system) / 1000 / N, "queries/req", [...stats.values()].reduce((a, b) => a + b.n, 0) / N);
console.log([...stats].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => `${(v.n / N).toFixed(1)}/req ${(v.ms / v.n).toFixed(2)}ms ${k}`).join("\n"));
if (!process.env.PROFILE) { await app.close(); await database.close(); await scratch?.drop(); process.exit(0); }
const { profile } = await session.post("Profiler.stop") as any;
const self = new Map<string, number>(); const idx = new Map(profile.nodes.map((n: any) => [n.id, n]));
profile.samples.forEach((s: number, i: number) => { const n: any = idx.get(s); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").slice(-2).join("/") + ":" + n.callFrame.lineNumber; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
const bucket = new Map<string, number>(); profile.samples.forEach((s: number, i: number) => { const n: any = idx.get(s); const u = n.callFrame.url; const k = u.includes("pglite") || u.startsWith("wasm") ? "pglite" : u.includes("drizzle") ? "drizzle" : u.includes("zod") ? "zod" : u.includes("fastify") || u.includes("light-my-request") || u.includes("find-my-way") ? "fastify" : u.includes("/packages/core") ? "core" : u.includes("/apps/server") ? "server" : u.includes("/packages/db") ? "db-repo" : n.callFrame.functionName === "(idle)" ? "idle" : n.callFrame.functionName === "(garbage collector)" ? "gc" : "other:" + (u.split("/").slice(-2).join("/") || n.callFrame.functionName); bucket.set(k, (bucket.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
console.log([...bucket].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => (v / 1000).toFixed(0) + "ms " + k).join("\n"));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => (v / 1000).toFixed(0) + "ms " + k).join("\n"));
await app.close(); await database.close();
