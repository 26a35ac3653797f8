import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFrameworkDocument, serializeFramework } from "@ascent/formats";
import { BUILTIN_LADDER, REPO_ROOT, runCli } from "./run-cli.ts";

// Commands that need no database; the data folder exists only so that nothing touches ./data.
let workDir: string;
const run = (...args: string[]) => runCli(args, { dataDir: join(workDir, "data"), cwd: workDir });
const builtinLadder = () => readFile(join(REPO_ROOT, BUILTIN_LADDER), "utf8");

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent (no database)", () => {
  it("prints its version and help, and rejects unknown commands", async () => {
    const rootPackage = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const [version, help, unknown] = await Promise.all([run("--version"), run("--help"), run("frobnicate")]);
    expect(version).toMatchObject({ exitCode: 0, stdout: `${rootPackage.version}\n` });
    expect(help.exitCode).toBe(0);
    for (const command of ["serve", "migrate", "framework", "titles", "seed"]) expect(help.stdout).toContain(command);
    expect(unknown.exitCode).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it("reports an error as one line, with the stack only under --debug", async () => {
    const [plain, debug] = await Promise.all([
      run("framework", "lint", "missing.yaml"),
      run("framework", "lint", "missing.yaml", "--debug"),
    ]);
    expect(plain.exitCode).toBe(1);
    expect(plain.stdout).toBe("");
    expect(plain.stderr).toBe("ascent: error: No such file: missing.yaml\n(run with --debug for details)\n");
    expect(debug.exitCode).toBe(1);
    expect(debug.stderr).toMatch(
      /^ascent: error: No such file: missing\.yaml\nCliError: No such file: missing\.yaml\n\s+at /,
    );
  });

  it("lints the built-in ladder as valid and lists every problem of a broken file with its line", async () => {
    const valid = await runCli(["framework", "lint", BUILTIN_LADDER], { dataDir: join(workDir, "data") });
    expect(valid).toMatchObject({
      exitCode: 0,
      stdout: `✓ ${BUILTIN_LADDER}: valid framework (8 levels, 15 competencies, 3 playbooks)\n`,
    });

    // Break it twice: the second level takes the first one's id, and pm loses its leadership expectation.
    const lines = (await builtinLadder()).split("\n");
    const levelsAt = lines.indexOf("levels:");
    const seniorIdAt = lines.findIndex((line, index) => index > levelsAt && line === "  - id: senior-pm");
    lines[seniorIdAt] = "  - id: pm";
    const pmAt = lines.findIndex((line, index) => index > lines.indexOf("expectations:") && line === "  pm:");
    const leadershipAt = lines.findIndex((line, index) => index > pmAt && line === "    leadership:");
    const nextAt = lines.findIndex((line, index) => index > leadershipAt && /^ {0,4}\S/.test(line));
    lines.splice(leadershipAt, nextAt - leadershipAt);
    await writeFile(join(workDir, "broken.yaml"), lines.join("\n"));

    const [broken, brokenJson] = await Promise.all([
      run("framework", "lint", "broken.yaml"),
      run("framework", "lint", "broken.yaml", "--json"),
    ]);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain(`broken.yaml:${seniorIdAt + 1} levels[1].id: duplicate level id "pm"`);
    expect(broken.stdout).toMatch(/^broken\.yaml:\d+ expectations\.pm\.leadership: missing expectation/m);
    expect(broken.stdout).toMatch(/✗ broken\.yaml: \d+ problems\n$/);
    expect(brokenJson.exitCode).toBe(1);
    const report = JSON.parse(brokenJson.stdout) as { valid: boolean; errors: { path: string; line: number }[] };
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ path: "levels[1].id", line: seniorIdAt + 1 }));
    expect(report.errors.map((error) => error.path)).toContain("expectations.pm.leadership");
  });

  it("diffs two framework files: one changed descriptor and one removed competency", async () => {
    const { framework } = parseFrameworkDocument(await builtinLadder(), "yaml");
    const changed = structuredClone(framework);
    const removed = changed.competencies.pop();
    if (!removed) throw new Error("the built-in ladder has competencies");
    for (const row of Object.values(changed.expectations)) delete row[removed.id];
    const expectation = changed.expectations["senior-pm"]?.["leadership"];
    if (!expectation) throw new Error("the built-in ladder sets senior-pm × leadership");
    expectation.descriptor = "Leads by example.";
    await writeFile(join(workDir, "before.yaml"), serializeFramework(framework, "yaml"));
    await writeFile(join(workDir, "after.yaml"), serializeFramework(changed, "yaml"));

    const [text, json] = await Promise.all([
      run("framework", "diff", "before.yaml", "after.yaml"),
      run("framework", "diff", "before.yaml", "after.yaml", "--json"),
    ]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`- ${removed.id} "${removed.name}"`);
    expect(text.stdout).toContain("~ senior-pm × leadership");
    expect(text.stdout).toMatch(/descriptor: ".+"\s+→ "Leads by example\."/);
    expect(text.stdout).toContain(
      "Summary: 10 changes: 1 competency removed, 8 expectations removed, 1 expectation changed",
    );
    const { diff } = JSON.parse(json.stdout) as {
      diff: {
        competencies: { removed: { id: string }[]; added: unknown[]; changed: unknown[] };
        expectations: {
          changed: { levelId: string; competencyId: string; changes: { field: string; after: unknown }[] }[];
        };
        levels: { added: unknown[]; removed: unknown[]; changed: unknown[] };
      };
    };
    expect(diff.competencies).toEqual({
      added: [],
      removed: [expect.objectContaining({ id: removed.id })],
      changed: [],
    });
    expect(diff.expectations.changed).toEqual([
      {
        levelId: "senior-pm",
        competencyId: "leadership",
        changes: [expect.objectContaining({ field: "descriptor", after: "Leads by example." })],
      },
    ]);
    expect(diff.levels).toEqual({ added: [], removed: [], changed: [] });
  });

  it("resolves one title, and a CSV of titles to a CSV", async () => {
    await writeFile(
      join(workDir, "titles.csv"),
      'Name,TITLE\nAda,Group PM\nBob,"Director of Product, Payments"\nCy,Chief of Staff\n',
    );
    const [single, bulk] = await Promise.all([
      run("titles", "resolve", "Group PM"),
      run("titles", "resolve", "--file", "titles.csv"),
    ]);
    expect(single.exitCode).toBe(0);
    expect(single.stdout).toMatch(
      /^Group PM → Senior Product Manager \(senior-pm\)\n {2}confidence {2}0\.95\n {2}reason {6}matched alias/,
    );
    expect(bulk.exitCode).toBe(0);
    expect(bulk.stderr).toBe("");
    expect(bulk.stdout.split("\n")).toEqual([
      "title,level,confidence,reason",
      'Group PM,Senior Product Manager,0.95,"matched alias ""Group PM"" of Senior Product Manager"',
      '"Director of Product, Payments",Director of Product,0.95,"matched level name ""Director of Product"""',
      'Chief of Staff,,0.00,"""Chief of Staff"" is a chief-of-staff role, an adviser to a leader rather than a ladder level"',
      "",
    ]);
  });
});
