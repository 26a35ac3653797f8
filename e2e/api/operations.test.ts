import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sql } from "drizzle-orm";
import { describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signInAsFirstAdmin, type HttpSession } from "../support/http-session.ts";

interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/** Rows in every table of the database: a refused request must leave every count as it was. */
async function rowCounts(server: TestServer): Promise<Record<string, number>> {
  const { db } = server.database;
  const tables = (
    (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { table_name: string }[] }
  ).rows.map((r) => r.table_name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from "${table}"`))) as unknown as {
      rows: { n: number }[];
    };
    counts[table] = result.rows[0]?.n ?? -1;
  }
  return counts;
}

/** Prometheus text format: `name{label="value",…} number` per sample, comments skipped. */
function parsePrometheus(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[key ?? ""] = value ?? "";
      return { name: match[1] ?? "", labels, value: Number(match[3]) };
    });
}

describe("text PostgreSQL cannot store, on every route of the OpenAPI document", () => {
  let server: TestServer;
  let admin: HttpSession;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAsFirstAdmin(server);
  });
  afterAll(async () => server?.stop());

  it("answers 400 naming the field for a NUL in the path, the query and the body, and writes nothing", async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
    const before = await rowCounts(server);
    const refused: string[] = [];
    const wrong: string[] = [];
    let walked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        walked += 1;
        const sound = path.replace(/\{[^}]+\}/g, "x");
        const isJson = operation.requestBody?.content?.["application/json"] !== undefined;
        const variants: { where: string; url: string; body?: string }[] = [
          { where: "query", url: `${sound}?note=a%00b` },
        ];
        if (path.includes("{"))
          variants.push({ where: "params", url: path.replace(/\{[^}]+\}/, "a%00b").replace(/\{[^}]+\}/g, "x") });
        if (isJson)
          variants.push({ where: "body", url: sound, body: JSON.stringify({ name: "a\u0000b", email: "a\u0000@x" }) });
        for (const variant of variants) {
          const response = await admin.fetch(variant.url, {
            method: method.toUpperCase(),
            ...(variant.body ? { headers: { "content-type": "application/json" }, body: variant.body } : {}),
          });
          const text = await response.text();
          const label = `${method.toUpperCase()} ${path} (${variant.where})`;
          if (response.status !== 400) wrong.push(`${label}: ${response.status} ${text.slice(0, 120)}`);
          else if (variant.where !== "params" && !/NUL/.test(text))
            wrong.push(`${label}: 400 without naming NUL: ${text}`);
          else refused.push(label);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThan(90);
    expect(refused.some((label) => label.startsWith("POST /api/auth/login (body)"))).toBe(true);
    expect(await rowCounts(server)).toEqual(before);
  });

  it("answers an anonymous sign-in with a NUL 400, not 500", async () => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a\u0000@example.com", password: "whatever-it-is" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "validation_failed",
      message: expect.stringMatching(/body\.email/),
    });
  });
});

describe("/metrics", () => {
  let server: TestServer;
  const token = "metrics-token-for-tests";

  beforeAll(async () => {
    process.env.METRICS_TOKEN = token;
    try {
      server = await startTestServer();
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
  afterAll(async () => server?.stop());

  it("is refused without the token and scraped with it: requests by route, latency, errors by code, cache", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);

    await fetch(`${server.url}/readyz`);
    await fetch(`${server.url}/api/people`);
    await fetch(`${server.url}/api/people`);
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const samples = parsePrometheus(await response.text());
    const named = (name: string) => samples.filter((s) => s.name === name);

    const peopleRequests = named("ascent_http_requests_total").find(
      (s) => s.labels.route === "/api/people" && s.labels.method === "GET" && s.labels.status === "401",
    );
    expect(peopleRequests?.value).toBe(2);
    expect(named("ascent_http_request_duration_seconds_bucket").some((s) => s.labels.route === "/readyz")).toBe(true);
    // The routes are patterns, never raw URLs: no series per id.
    expect(named("ascent_http_requests_total").every((s) => !/[0-9a-f]{8}-/.test(s.labels.route ?? ""))).toBe(true);
    expect(named("ascent_http_errors_total").find((s) => s.labels.code === "unauthenticated")?.value).toBe(2);
    expect(
      named("ascent_cache_lookups_total")
        .map((s) => s.labels.result)
        .sort(),
    ).toEqual(["hit", "miss"]);
    expect(named("ascent_process_resident_memory_bytes")[0]?.value).toBeGreaterThan(0);
  });
});

describeOnDriver("postgres", "/readyz when the database is unreachable", () => {
  let server: TestServer;
  let scratch: { url: string; drop(): Promise<void> };
  let name: string;

  async function asClusterAdmin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const { createScratchDatabase } = await import("@ascent/db/testing");
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
    name = new URL(scratch.url).pathname.slice(1);
    server = await startTestServer({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await server?.stop();
    await asClusterAdmin(`alter database ${name} allow_connections true`).catch(() => undefined);
    await scratch?.drop();
  });

  it("answers 503 database_unreachable while nobody can connect, and 200 again afterwards", async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await asClusterAdmin(`alter database ${name} allow_connections false`);
    await asClusterAdmin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    const down = await fetch(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: "database_unreachable" });
    await asClusterAdmin(`alter database ${name} allow_connections true`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("answers 503 not_ready while a migration of this version is not committed", async () => {
    const { db } = server.database;
    const last = (
      (await db.execute(sql`select tag, hash from ascent_migrations order by tag desc limit 1`)) as unknown as {
        rows: { tag: string; hash: string }[];
      }
    ).rows[0];
    if (!last) throw new Error("no migrations recorded");
    await db.execute(sql`delete from ascent_migrations where tag = ${last.tag}`);
    const migrating = await fetch(`${server.url}/readyz`);
    expect(migrating.status).toBe(503);
    expect(await migrating.json()).toMatchObject({ error: "not_ready", message: expect.stringMatching(/migrat/) });
    await db.execute(sql`insert into ascent_migrations (tag, hash) values (${last.tag}, ${last.hash})`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
