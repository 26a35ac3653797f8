import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

// One embedded database for the whole file: each step builds on the one before, as a person would.
let workDir: string;
let dataDir: string;
const run = (...args: string[]) => runCli(args, { dataDir, cwd: workDir });

/** A head of product, two directors and their PMs, with the managers given by email: 13 people. */
function buildExport(): string {
  const lines = [
    "Name,Work Email,Job Title,Manager Email,Department",
    "Hana Head,hana@cli.test,Head of Product,,Product",
  ];
  for (const d of [1, 2]) {
    lines.push(`Dir ${d},dir${d}@cli.test,Director of Product,hana@cli.test,Area ${d}`);
    for (let p = 1; p <= 5; p++)
      lines.push(`PM ${d}.${p},pm${d}${p}@cli.test,Product Manager,dir${d}@cli.test,Area ${d}`);
  }
  return `${lines.join("\n")}\n`;
}

interface ImportJson {
  dryRun: boolean;
  preview: {
    fileName: string;
    rowCount: number;
    new: { total: number };
    changed: { total: number };
    unchanged: { total: number; items: { email: string }[] };
    errors: { total: number; items: { row: number; column: string; message: string }[] };
  };
  committed?: { created: number; updated: number; unchanged: number };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-people-"));
  dataDir = join(workDir, "data");
  await writeFile(join(workDir, "people.csv"), buildExport());
  await writeFile(
    join(workDir, "bad.csv"),
    "Name,Email,Manager Email\nAnn,ann@cli.test,\nBob,bob@,ann@cli.test\n,cat@cli.test,\nDee,dee@cli.test,nobody@cli.test\n",
  );
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

// Each step starts the CLI two or three times, and each start opens the embedded database.
describe("ascent people import", { timeout: 120_000 }, () => {
  it("previews on a dry run, printing the summary and writing nothing", async () => {
    const dryRun = await run("people", "import", "people.csv", "--dry-run");
    // The first command on an empty database made the first admin, and shows its one-time link once.
    expect(dryRun.stderr).toMatch(/^The database was empty, so an administrator account was created/);
    expect(dryRun.stderr).toMatch(/Open \/welcome\/\S+ on the server's address to choose its password/);
    expect(dryRun.exitCode).toBe(0);
    expect(dryRun.stdout).toContain("people.csv: 13 rows");
    expect(dryRun.stdout).toMatch(/^ {2}New +13$/m);
    expect(dryRun.stdout).toMatch(/^ {2}Errors +0$/m);
    expect(dryRun.stdout).toContain('email ← "Work Email"');
    expect(dryRun.stdout).toContain("Dry run: nothing was written.");

    const again = await run("people", "import", "people.csv", "--dry-run", "--json");
    expect(again.exitCode).toBe(0);
    const result = JSON.parse(again.stdout) as ImportJson;
    expect(result.dryRun).toBe(true);
    expect(result.preview.new.total).toBe(13);
    expect(result.committed).toBeUndefined();
  });

  it("imports the file, and a --json re-run shows every row unchanged", async () => {
    const imported = await run("people", "import", "people.csv");
    expect(imported.exitCode).toBe(0);
    expect(imported.stdout).toContain("✓ Imported people.csv: 13 created, 0 updated, 0 unchanged.");

    const again = await run("people", "import", "people.csv", "--json");
    expect(again.exitCode).toBe(0);
    const result = JSON.parse(again.stdout) as ImportJson;
    expect(result.preview.unchanged.total).toBe(13);
    expect(result.preview.new.total + result.preview.changed.total).toBe(0);
    expect(result.committed).toEqual({ created: 0, updated: 0, unchanged: 13 });
  });

  it("exits 1 on a bad file, naming the rows, and writes nothing", async () => {
    const bad = await run("people", "import", "bad.csv");
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('bad.csv: row 3, column Email: "bob@" is not a valid email address');
    expect(bad.stdout).toContain("bad.csv: row 4, column Name: name is empty");
    expect(bad.stdout).toContain(
      'bad.csv: row 5, column Manager Email: manager "nobody@cli.test" is not in the file or among existing people',
    );
    expect(bad.stderr).toContain("ascent: error: bad.csv has 3 problems; nothing was written");

    const json = await run("people", "import", "bad.csv", "--json");
    expect(json.exitCode).toBe(1);
    const result = JSON.parse(json.stdout) as ImportJson;
    expect(result.preview.errors.items.map((issue) => issue.row)).toEqual([3, 4, 5]);
    expect(result.committed).toBeUndefined();

    // Ann, the one good row, was not written either.
    const check = await run("people", "import", "bad.csv", "--dry-run", "--json");
    expect((JSON.parse(check.stdout) as ImportJson).preview.new.total).toBe(1);
  });

  it("says which file is missing", async () => {
    const missing = await run("people", "import", "nope.csv");
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("ascent: error: No such file: nope.csv");
  });
});
