import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPromotionCase } from "@ascent/contract";
import type { Person, Viewer } from "@ascent/core";
import { openDatabase } from "@ascent/db";
import { buildServices, prepareDatabase } from "@ascent/server";
import { runCli } from "./run-cli.ts";

// One embedded database filled through the services, closed, then read by the CLI, which starts the
// server inside itself; the CLI acts as Dana, who nominated Mia.
let workDir: string;
let dataDir: string;
let danaToken: string;
let outsiderToken: string;
let caseId: string;

const viewerOf = (person: Person): Viewer => ({
  personId: person.id,
  name: person.name,
  isAdmin: false,
  via: "session",
});

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-promotion-"));
  dataDir = join(workDir, "data");
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = buildServices(database);
    const create = (name: string, levelId: string, managerId: string | null = null) =>
      services.people.create({ name, email: `${name.toLowerCase()}@cli.example.com`, levelId, managerId });
    const dana = await create("Dana", "director");
    const mia = await create("Mia", "pm", dana.id);
    const olu = await create("Olu", "pm");
    danaToken = (await services.accounts.createApiToken(dana.id, "cli promotion")).token;
    outsiderToken = (await services.accounts.createApiToken(olu.id, "cli promotion")).token;
    caseId = (await services.promotions.nominate(viewerOf(dana), { personId: mia.id, toLevelId: "senior-pm" })).id;
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent promotion", { timeout: 120_000 }, () => {
  it("lists the nominator's cases as a table and as JSON", async () => {
    const table = await runCli(["promotion", "list", "--token", danaToken], { dataDir, cwd: workDir });
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Mia +pm +senior-pm +draft +Dana/);
    const json = await runCli(["promotion", "list", "--json", "--token", danaToken], { dataDir, cwd: workDir });
    const cases = JSON.parse(json.stdout) as TPromotionCase[];
    expect(cases.map((c) => [c.id, c.status, c.toLevelId])).toEqual([[caseId, "draft", "senior-pm"]]);
    const outsider = await runCli(["promotion", "list", "--json", "--token", outsiderToken], { dataDir, cwd: workDir });
    expect(JSON.parse(outsider.stdout)).toEqual([]);
  });

  it("writes the packet as a PDF and as Markdown, and refuses it to someone outside the case", async () => {
    const pdfPath = join(workDir, "packet.pdf");
    const pdf = await runCli(["promotion", "packet", caseId, "--out", pdfPath, "--token", danaToken], {
      dataDir,
      cwd: workDir,
    });
    expect(pdf.exitCode, pdf.stderr).toBe(0);
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe("%PDF-");
    const mdPath = join(workDir, "packet.md");
    await runCli(["promotion", "packet", caseId, "--out", mdPath, "--token", danaToken], { dataDir, cwd: workDir });
    expect(await readFile(mdPath, "utf8")).toContain("# Promotion packet: Mia");
    const refused = await runCli(
      ["promotion", "packet", caseId, "--out", join(workDir, "no.pdf"), "--token", outsiderToken],
      { dataDir, cwd: workDir },
    );
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/only for the candidate, the nominator, the committee and admins/);
    const badId = await runCli(["promotion", "packet", "nope", "--out", "x.pdf", "--token", danaToken], {
      dataDir,
      cwd: workDir,
    });
    expect(badId.exitCode).not.toBe(0);
    expect(badId.stderr).toMatch(/not a case id/);
  });
});
