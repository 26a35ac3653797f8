// The HRIS people import of a 100k-row CSV (stream-parse → plan → upsert commit, in one transaction),
// timed next to the baseline measured in the same run: a plain COPY of the same rows into a fresh
// people table. On PGlite always; on PostgreSQL too when BENCH_DATABASE_URL is set (a local cluster:
// the server reads the COPY file itself, so it must be able to open it).
//
//   npm run bench -- people-import            (ROWS=20000 npm run bench -- people-import for a quick run)
import { createReadStream } from "node:fs";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { commitPeopleImport, planPeopleImport, type Level } from "@ascent/core";
import {
  DrizzleAuditRepository,
  DrizzlePeopleRepository,
  migrate,
  openPglite,
  openPostgres,
  type DatabaseHandle,
} from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
import { parseFrameworkDocument, readPeopleCsv } from "@ascent/formats";

const ROWS = Number(process.env.ROWS ?? 100_000);
/** Direct reports per manager: a tree about six levels deep at 100k people. */
const SPAN = 8;
const root = new URL("..", import.meta.url).pathname;

const FIRST = ["Ada", "Ben", "Chloé", "Dev", "Ebo", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mo", "Nia"];
const LAST = ["Okafor", "Park", "Quinn", "Rossi", "Sato", "Tanaka", "Ueda", "Varga", "Wong", "Xu", "Young", "Zeller"];
const TITLES_BY_DEPTH = [
  ["Chief Product Officer"],
  ["VP of Product", "VP Product & Design"],
  ["Head of Product", "Head of Product — Payments"],
  ["Senior Director of Product", "Sr. Director, Product"],
  ["Director of Product", "Product Director (EMEA)"],
  ["Senior Product Manager", "Group PM", "Product Lead", "Sr. PM"],
  [
    "Product Manager",
    "Product Manager II",
    "Associate PM",
    "Product Owner",
    "Technical Product Manager",
    "Product Designer",
  ],
];

/** A fixed-seed generator, so every run imports the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface BenchPerson {
  name: string;
  email: string;
  title: string;
  managerEmail: string;
  team: string;
}

/** A realistic organisation: one CPO, then every manager with SPAN reports, in shuffled file order. */
function buildOrganisation(count: number): BenchPerson[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const depthOf = (index: number): number => (index === 0 ? 0 : depthOf(Math.floor((index - 1) / SPAN)) + 1);
  const people: BenchPerson[] = [];
  for (let index = 0; index < count; index++) {
    const depth = depthOf(index);
    const first = pick(FIRST);
    const last = pick(LAST);
    people.push({
      name: `${first} ${last}`,
      email: `${first}.${last}.${index}@bench.example`.toLowerCase(),
      title: pick(TITLES_BY_DEPTH[Math.min(depth, TITLES_BY_DEPTH.length - 1)] ?? []),
      managerEmail: index === 0 ? "" : (people[Math.floor((index - 1) / SPAN)]?.email ?? ""),
      team: depth < 2 ? "Product leadership" : `Area ${Math.floor(index / 500)}`,
    });
  }
  for (let index = people.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [people[index], people[other]] = [people[other] as BenchPerson, people[index] as BenchPerson];
  }
  return people;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function toCsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

async function loadLevels(): Promise<Level[]> {
  const yaml = await readFile(join(root, "frameworks/product-management.yaml"), "utf8");
  return parseFrameworkDocument(yaml, "yaml", "product-management.yaml").framework.levels;
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

interface ImportTiming {
  total: number;
  plan: number;
  commit: number;
  created: number;
  /** JavaScript heap in use once the plan holds every row (PGlite's WebAssembly memory is apart). */
  heapMegabytes: number;
}

/** The import as `ascent people import` runs it: the file streamed from disk, planned, then committed. */
async function runImport(database: DatabaseHandle, file: string, levels: Level[]): Promise<ImportTiming> {
  const people = new DrizzlePeopleRepository(database.db);
  const audit = new DrizzleAuditRepository(database.db);
  const planned = await timed(() =>
    planPeopleImport(readPeopleCsv(createReadStream(file), { fileName: "people.csv" }), {
      people,
      levels,
      overrides: [],
    }),
  );
  const heapMegabytes = process.memoryUsage().heapUsed / (1024 * 1024);
  if (planned.result.preview.errors.total > 0) {
    throw new Error(
      `the generated file has errors: ${JSON.stringify(planned.result.preview.errors.items.slice(0, 3))}`,
    );
  }
  const committed = await timed(() =>
    commitPeopleImport(planned.result, { people, audit }, { actorId: null, fileName: "people.csv" }),
  );
  return {
    total: planned.seconds + committed.seconds,
    plan: planned.seconds,
    commit: committed.seconds,
    created: committed.result.created,
    heapMegabytes,
  };
}

async function countPeople(database: DatabaseHandle): Promise<number> {
  const result = (await database.db.execute(sql`select count(*)::int as n from people`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}

const COPY_COLUMNS = "people (name, email, title, team)";

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (s: number) => `${s.toFixed(2)} s`;

function report(driver: string, imported: ImportTiming, reimport: ImportTiming, copySeconds: number): void {
  console.log(`\n${driver}`);
  console.log(
    `  import (stream-parse → plan → upsert commit): ${seconds(imported.total).padStart(8)}  ` +
      `${format(ROWS / imported.total).padStart(7)} rows/s   (plan ${seconds(imported.plan)}, commit ${seconds(imported.commit)})`,
  );
  console.log(
    `  re-import, every row unchanged:               ${seconds(reimport.total).padStart(8)}  ` +
      `${format(ROWS / reimport.total).padStart(7)} rows/s`,
  );
  console.log(
    `  baseline: COPY ${COPY_COLUMNS}:  ${seconds(copySeconds).padStart(8)}  ${format(ROWS / copySeconds).padStart(7)} rows/s`,
  );
  console.log(`  ratio: the import takes ${(imported.total / copySeconds).toFixed(1)}× the COPY time`);
  console.log(`  JS heap in use with the whole plan in memory: ${format(imported.heapMegabytes)} MB`);
}

async function benchPglite(dir: string, importFile: string, copyCsv: string, levels: Level[]): Promise<void> {
  const importDb = await openPglite(join(dir, "pglite-import"));
  let imported: ImportTiming;
  let reimport: ImportTiming;
  try {
    await migrate(importDb);
    imported = await runImport(importDb, importFile, levels);
    reimport = await runImport(importDb, importFile, levels);
    if ((await countPeople(importDb)) !== ROWS) throw new Error("the import did not write every row");
  } finally {
    await importDb.close();
  }

  const copyDb = await openPglite(join(dir, "pglite-copy"));
  try {
    await migrate(copyDb);
    const client = (copyDb.db as unknown as { $client: PGlite }).$client;
    const copied = await timed(() =>
      client.query(`COPY ${COPY_COLUMNS} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([copyCsv]),
      }),
    );
    if ((await countPeople(copyDb)) !== ROWS) throw new Error("COPY did not write every row");
    report("PGlite (embedded, fresh database in a temp folder)", imported, reimport, copied.seconds);
  } finally {
    await copyDb.close();
  }
}

async function benchPostgres(baseUrl: string, dir: string, importFile: string, copyFile: string, levels: Level[]) {
  const scratches = [await createScratchDatabase(baseUrl), await createScratchDatabase(baseUrl)];
  try {
    const [importScratch, copyScratch] = scratches as [(typeof scratches)[0], (typeof scratches)[0]];
    const importDb = await openPostgres(importScratch.url, { max: 2 });
    let imported: ImportTiming;
    let reimport: ImportTiming;
    try {
      await migrate(importDb);
      imported = await runImport(importDb, importFile, levels);
      reimport = await runImport(importDb, importFile, levels);
    } finally {
      await importDb.close();
    }
    const copyDb = await openPostgres(copyScratch.url, { max: 2 });
    try {
      await migrate(copyDb);
      // The server process opens the file: the folder and file must be readable by its user.
      await chmod(dir, 0o755);
      await chmod(copyFile, 0o644);
      const copied = await timed(() =>
        copyDb.db.execute(sql.raw(`COPY ${COPY_COLUMNS} FROM '${copyFile}' WITH (FORMAT csv, HEADER true)`)),
      );
      if ((await countPeople(copyDb)) !== ROWS) throw new Error("COPY did not write every row");
      report(`PostgreSQL (${new URL(baseUrl).host}, fresh scratch databases)`, imported, reimport, copied.seconds);
    } finally {
      await copyDb.close();
    }
  } finally {
    for (const scratch of scratches) await scratch.drop();
  }
}

const dir = await mkdtemp(join(tmpdir(), "ascent-bench-people-"));
try {
  const people = buildOrganisation(ROWS);
  const importFile = join(dir, "people.csv");
  const copyFile = join(dir, "people-copy.csv");
  await writeFile(
    importFile,
    toCsv(
      ["Name", "Work Email", "Job Title", "Manager Email", "Department"],
      people.map((p) => [p.name, p.email, p.title, p.managerEmail, p.team]),
    ),
  );
  const copyCsv = toCsv(
    ["name", "email", "title", "team"],
    people.map((p) => [p.name, p.email, p.title, p.team]),
  );
  await writeFile(copyFile, copyCsv);
  const megabytes = (await stat(importFile)).size / (1024 * 1024);
  console.log(`people-import: ${format(ROWS)} rows, ${megabytes.toFixed(1)} MB CSV, managers ${SPAN} reports wide`);

  const levels = await loadLevels();
  await benchPglite(dir, importFile, copyCsv, levels);
  if (process.env.BENCH_DATABASE_URL)
    await benchPostgres(process.env.BENCH_DATABASE_URL, dir, importFile, copyFile, levels);
  else console.log("\n(PostgreSQL skipped: set BENCH_DATABASE_URL to a local cluster to run it too)");
  console.log(`\npeak RSS: ${format(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
