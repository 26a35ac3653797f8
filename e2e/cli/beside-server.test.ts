import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TPersonReadiness } from "@ascent/contract";
import type { AuditEvent, Person, Viewer } from "@ascent/core";
import { openDatabase } from "@ascent/db";
import { parseFrameworkDocument } from "@ascent/formats";
import {
  APP_VERSION,
  buildServices,
  loadConfig,
  prepareDatabase,
  startServer,
  type AppServices,
  type RunningServer,
} from "@ascent/server";
import { readLocalAccess } from "@ascent/server/local-access";
import { ADMIN_PASSWORD, HttpSession } from "../support/http-session.ts";
import { runCli } from "./run-cli.ts";

// The server runs in this process and holds the embedded database, as `npm start` does; the CLI runs
// as its own process on the same data folder and must go through the server's HTTP API.
let workDir: string;
let dataDir: string;
let server: RunningServer;
let services: AppServices;
let admin: HttpSession;
let danaToken: string;
let mia: Person;
const run = (...args: string[]) => runCli(args, { dataDir, cwd: workDir });
const DANA_PASSWORD = "dana-password-beside";

const viewerOf = (person: Person): Viewer => ({
  personId: person.id,
  name: person.name,
  isAdmin: false,
  via: "session",
});

/** An audit entry without what differs between two runs of the same action. */
const comparable = ({ id: _id, at: _at, ...event }: AuditEvent) => event;

async function auditEntries(action: string): Promise<AuditEvent[]> {
  const events = await services.audit.list({ limit: 1000 });
  return events.filter((event) => event.action === action).sort((a, b) => a.id - b.id);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-beside-"));
  dataDir = join(workDir, "data");
  let firstAdminToken: string | null;
  const database = await openDatabase({ dataDir });
  try {
    ({ firstAdminToken } = await prepareDatabase(database));
    const setup = buildServices(database);
    const dana = await setup.people.create({ name: "Dana", email: "dana@beside.test", levelId: "director" });
    mia = await setup.people.create({ name: "Mia", email: "mia@beside.test", levelId: "pm", managerId: dana.id });
    await setup.accounts.setPasswordDirectly(dana.id, DANA_PASSWORD);
    danaToken = (await setup.accounts.createApiToken(dana.id, "beside test")).token;
    const draft = await setup.assessments.startOrResume(viewerOf(mia), { subjectId: mia.id, relation: "self" });
    await setup.assessments.saveDraft(viewerOf(mia), draft.id, [
      { competencyId: "communication", score: 3, evidence: "", confidence: null, evidenceIds: [] },
    ]);
    await setup.assessments.submit(viewerOf(mia), draft.id);
    await setup.evidence.create({
      personId: mia.id,
      date: "2026-02-01",
      title: "Shared launch review",
      body: "",
      competencyIds: ["communication"],
      links: [],
      isSharedWithManager: true,
    });
  } finally {
    await database.close();
  }
  server = await startServer(
    loadConfig({
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      ASCENT_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ASCENT_DEMO: "0",
    }),
  );
  services = buildServices(server.database);
  if (!firstAdminToken) throw new Error("expected a first admin on the empty database");
  admin = await new HttpSession(server.url).redeem(`/welcome/${firstAdminToken}`, ADMIN_PASSWORD);
  await writeFile(join(workDir, "api.csv"), "Name,Email,Title\nAli Api,ali@beside.test,Product Manager\n");
  await writeFile(join(workDir, "cli.csv"), "Name,Email,Title\nCleo Cli,cleo@beside.test,Product Manager\n");
  await writeFile(join(workDir, "refused.csv"), "Name,Email,Title\nRuth Refused,ruth@beside.test,Product Manager\n");
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent beside a running server", { timeout: 60_000 }, () => {
  it("finds the server through a file in the data folder that only its owner can read", async () => {
    const info = await stat(join(dataDir, "server.json"));
    expect(info.mode & 0o777).toBe(0o600);
    const access = await readLocalAccess(dataDir);
    expect(access).toMatchObject({
      url: server.url,
      version: APP_VERSION,
      pid: process.pid,
      actorName: "Administrator",
    });
    expect(access?.token).toBe(server.localToken);
    expect(access?.token).toMatch(/^asc_/);
  });

  it("keeps that token out of the admin's token list, and its name for the server alone", async () => {
    expect(await admin.client.call(endpoints.auth.listTokens)).toEqual({ tokens: [] });
    const taken = await admin.client
      .call(endpoints.auth.createToken, { body: { name: "Ascent command on this machine (mine)" } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(taken).toMatchObject({
      status: 400,
      details: [{ path: "body.name", message: "reserved: choose another name" }],
    });
  });

  it("imports people through the API, writing the audit entry an upload in the web app writes", async () => {
    const viaApi = await admin.client.upload(endpoints.peopleImport.import, {
      query: { fileName: "api.csv" },
      file: await readFile(join(workDir, "api.csv")),
    });
    expect(viaApi.committed).toEqual({ created: 1, updated: 0, unchanged: 0, createdIds: [expect.any(String)] });

    const cli = await run("people", "import", "cli.csv");
    expect(cli.stderr).toBe("");
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toContain("✓ Imported cli.csv: 1 created, 0 updated, 0 unchanged.");
    expect(await services.people.findByEmail("cleo@beside.test")).toMatchObject({ name: "Cleo Cli" });

    const [fromApi, fromCli, ...more] = await auditEntries("people.import");
    expect(more).toEqual([]);
    expect(fromApi && fromCli).toBeTruthy();
    expect(fromCli?.actorId).toBe(admin.info?.person.id);
    const rename = (event: AuditEvent) =>
      JSON.parse(JSON.stringify(comparable(event)).replaceAll("api.csv", "cli.csv"));
    expect(comparable(fromCli as AuditEvent)).toEqual(rename(fromApi as AuditEvent));
  });

  it("reads readiness through the API as the token's owner, logging the evidence read as the API does", async () => {
    const dana = await new HttpSession(server.url).login("dana@beside.test", DANA_PASSWORD);
    const viaApi = await dana.client.call(endpoints.readiness.forPerson, { params: { id: mia.id } });

    const cli = await run("readiness", "mia@beside.test", "--json", "--token", danaToken);
    expect(cli.stderr).toBe("");
    expect(cli.exitCode).toBe(0);
    expect(JSON.parse(cli.stdout) as TPersonReadiness).toEqual(viaApi);

    const reads = await auditEntries("evidence.read");
    expect(reads).toHaveLength(2);
    const [fromApi, fromCli] = reads.map(comparable);
    expect(fromApi).toMatchObject({ actorId: dana.info?.person.id, subjectId: mia.id, kind: "read" });
    expect(fromCli).toEqual(fromApi);
  });

  it("reads readiness with the server's admin token: the numbers, with no evidence and no comments", async () => {
    const cli = await run("readiness", "mia@beside.test", "--json");
    expect(cli.exitCode, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout) as TPersonReadiness;
    expect(result.competencies.length).toBeGreaterThan(0);
    expect(result.competencies.flatMap((c) => c.evidence)).toEqual([]);
    const reads = await services.audit.list({ kind: "read", subjectId: mia.id });
    expect(reads.some((r) => r.action === "readiness.read")).toBe(true);
  });

  it("exports a framework while the server holds the database", async () => {
    const cli = await run("framework", "export", "product-management", "--output", "ladder.yaml");
    expect(cli.exitCode).toBe(0);
    expect(cli.stderr).toContain("Wrote product-management version 1 (published) as yaml to ladder.yaml");
    const { framework } = parseFrameworkDocument(await readFile(join(workDir, "ladder.yaml"), "utf8"), "yaml");
    expect(framework.levels).toHaveLength(8);
  });

  it("exits 2 on a bad token and writes nothing", async () => {
    const before = (await services.audit.list({ limit: 1000 })).length;
    const cli = await run("people", "import", "refused.csv", "--token", "asc_not-a-real-token");
    expect(cli.exitCode).toBe(2);
    expect(cli.stderr).toContain(`ascent: error: The server at ${server.url} refused the API token`);
    expect(cli.stderr).toContain("nothing was written");
    expect(await services.people.findByEmail("ruth@beside.test")).toBeNull();
    expect(await services.audit.list({ limit: 1000 })).toHaveLength(before);
  });

  it("names both versions when the server runs another release", async () => {
    const other: Server = createServer((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(request.url === "/healthz" ? { status: "ok", version: "99.0.0" } : {}));
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const address = other.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const cli = await run("framework", "list", "--server", `http://127.0.0.1:${port}`, "--token", danaToken);
      expect(cli.exitCode).toBe(2);
      expect(cli.stderr).toContain(`runs Ascent 99.0.0, and this command is Ascent ${APP_VERSION}`);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("says in one line when no server answers at the address given", async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const cli = await run("framework", "list", "--server", url, "--token", danaToken);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr.split("\n")[0]).toBe(`ascent: error: No server answers at ${url} (ECONNREFUSED)`);
  });

  it("revokes its token and removes the file on a clean shutdown", async () => {
    const token = server.localToken;
    expect(token).toBeTruthy();
    await server.close();
    await expect(stat(join(dataDir, "server.json"))).rejects.toThrow(/ENOENT/);
    const database = await openDatabase({ dataDir });
    try {
      expect(await buildServices(database).accounts.authenticateApiToken(token as string)).toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe("ascent with no server to reach", { timeout: 60_000 }, () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "ascent-cli-nowhere-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** A local port that was free a moment ago: nothing listens there now. */
  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    return typeof address === "object" && address ? address.port : 0;
  }

  it("says in one line that neither a server nor the database is reachable", async () => {
    const port = await closedPort();
    const cli = await runCli(["framework", "list"], {
      dataDir: join(folder, "data"),
      cwd: folder,
      env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere` },
    });
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr.split("\n")[0]).toMatch(
      /^ascent: error: Neither an Ascent server nor PostgreSQL \(DATABASE_URL\) is reachable: .*ECONNREFUSED/,
    );
  });

  it("passes over a file left by a server that died, and runs the server inside itself", async () => {
    const stale = join(folder, "stale");
    await mkdir(stale, { recursive: true });
    const access = { url: `http://127.0.0.1:${await closedPort()}`, version: APP_VERSION, pid: 2 ** 22 + 1 };
    await writeFile(join(stale, "server.json"), JSON.stringify({ ...access, token: "asc_gone", tokenId: null }));
    const cli = await runCli(["framework", "list", "--json"], { dataDir: stale, cwd: folder });
    expect(cli.exitCode).toBe(0);
    expect((JSON.parse(cli.stdout) as { slug: string }[]).map((framework) => framework.slug)).toEqual([
      "product-management",
    ]);
    // The server started for the command wrote its own file over the old one, and removed it when done.
    expect(await readdir(stale)).not.toContain("server.json");
  });

  it("leaves an embedded database that another process holds alone, and says so", async () => {
    const held = join(folder, "held");
    await mkdir(held, { recursive: true });
    // This test process stands for a process that holds the folder without serving it.
    await writeFile(join(held, "ascent.lock"), String(process.pid));
    const cli = await runCli(["framework", "list"], { dataDir: held, cwd: folder });
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr.split("\n")[0]).toBe(
      `ascent: error: No Ascent server answers for the data folder ${held}. The embedded database in ${held} is in ` +
        `use by another Ascent process (pid ${process.pid}). Stop it first, or set DATABASE_URL to use PostgreSQL, ` +
        "which several processes can share.",
    );
    expect(await readdir(held)).toEqual(["ascent.lock"]);
  });
});
