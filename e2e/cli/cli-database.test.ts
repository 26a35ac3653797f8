import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

// One embedded database for the whole file: each step builds on the one before, as a person would.
let workDir: string;
let dataDir: string;
const run = (...args: string[]) => runCli(args, { dataDir, cwd: workDir });

/** Semicolon-separated, with a byte-order mark, CRLF line ends and a quoted cell spanning two lines. */
const LADDER_CSV =
  "\uFEFFCompetency;Associate PM;Product Manager;Senior PM\r\n" +
  'Discovery;"Joins customer interviews.\r\nTakes notes.";Runs interviews;Sets the discovery cadence\r\n' +
  "Delivery;Ships small changes;Ships features;Ships multi-team launches\r\n";

interface FrameworkSummary {
  slug: string;
  isBuiltin: boolean;
  latestPublishedVersion: number | null;
  draftVersion: number | null;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-db-"));
  dataDir = join(workDir, "data");
  await writeFile(join(workDir, "acme ladder.csv"), LADDER_CSV);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

// Each step starts the CLI several times, and each start runs the server inside it on the database.
describe("ascent with the embedded database", { timeout: 120_000 }, () => {
  it("previews a CSV import on a dry run without opening the database", async () => {
    const dryRun = await run("framework", "import", "acme ladder.csv", "--dry-run", "--json");
    expect(dryRun.exitCode).toBe(0);
    const { preview } = JSON.parse(dryRun.stdout) as {
      preview: {
        format: string;
        levels: { id: string; name: string }[];
        competencies: { name: string }[];
        framework: { slug: string; expectations: Record<string, Record<string, { descriptor: string }>> };
      };
    };
    expect(preview.format).toBe("csv");
    expect(preview.levels.map((level) => level.name)).toEqual(["Associate PM", "Product Manager", "Senior PM"]);
    expect(preview.competencies.map((competency) => competency.name)).toEqual(["Discovery", "Delivery"]);
    expect(preview.framework.slug).toBe("acme-ladder");
    expect(preview.framework.expectations["associate-pm"]?.["discovery"]?.descriptor).toMatch(
      /^Joins customer interviews\.\r?\nTakes notes\.$/,
    );
    await expect(readdir(dataDir)).rejects.toThrow(/ENOENT/);

    const list = await run("framework", "list", "--json");
    expect(list.exitCode).toBe(0);
    const frameworks = JSON.parse(list.stdout) as FrameworkSummary[];
    expect(frameworks.map((framework) => framework.slug)).toEqual(["product-management"]);
  });

  it("imports the CSV as a draft, lists it, and publishes it", async () => {
    const imported = await run("framework", "import", "acme ladder.csv");
    expect(imported.exitCode).toBe(0);
    expect(imported.stdout).toContain("Levels recognised (3):");
    expect(imported.stdout).toContain('✓ Created draft framework "acme ladder": acme-ladder, version 1 (draft).');
    expect(imported.stdout).toContain("ascent framework publish acme-ladder");
    expect(imported.stdout).toContain("POST /api/frameworks/acme-ladder/publish");

    const listed = await run("framework", "list");
    expect(listed.stdout).toMatch(/^acme-ladder +acme ladder +v1 draft +3 +2$/m);
    expect(listed.stdout).toMatch(/^product-management +Product Management +v1 published +8 +15 +built-in$/m);

    const again = await run("framework", "import", "acme ladder.csv");
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('ascent: error: Framework "acme-ladder" already has a draft; edit or discard it');

    const published = await run("framework", "publish", "acme-ladder", "--note", "First cut");
    expect(published).toMatchObject({ exitCode: 0, stdout: '✓ Published "acme ladder" (acme-ladder) as version 1.\n' });
  });

  it("exports the built-in ladder as YAML that lints clean, and refuses xlsx on stdout", async () => {
    const exported = await run("framework", "export", "product-management", "--version", "1", "--format", "yaml");
    expect(exported.exitCode).toBe(0);
    await writeFile(join(workDir, "exported.yaml"), exported.stdout);
    const lint = await run("framework", "lint", "exported.yaml");
    expect(lint).toMatchObject({
      exitCode: 0,
      stdout: "✓ exported.yaml: valid framework (8 levels, 15 competencies, 3 playbooks)\n",
    });

    const xlsx = await run("framework", "export", "product-management", "--format", "xlsx");
    expect(xlsx.exitCode).toBe(1);
    expect(xlsx.stderr).toContain("pass --output FILE.xlsx");
  });

  it("diffs stored versions and leaves an existing built-in ladder alone", async () => {
    const diff = await run("framework", "diff", "product-management@1", "product-management@latest");
    expect(diff).toMatchObject({ exitCode: 0 });
    expect(diff.stdout).toBe("Comparing product-management@1 → product-management@1\n\nSummary: no differences\n");

    const seed = await run("seed", "builtin", "--json");
    expect(seed.exitCode).toBe(0);
    expect(JSON.parse(seed.stdout)).toEqual({ created: false, slug: "product-management", name: "Product Management" });
  });
});
