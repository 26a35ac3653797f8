import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig, startServer, type RunningServer } from "@ascent/server";
import { runCli } from "./run-cli.ts";

// The commands as an operator runs them: `backup` beside the running server (through its API),
// then `restore` and `export` on a stopped one.
let workDir: string;
let dataDir: string;
let server: RunningServer | null = null;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-backup-"));
  dataDir = join(workDir, "data");
  server = await startServer(
    loadConfig({ ...process.env, ASCENT_DATA_DIR: dataDir, PORT: "0", ASCENT_DEMO: "0", LOG_LEVEL: "silent" }),
  );
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

it("backs up beside the running server, restores into an empty folder once, and exports it", async () => {
  const file = join(workDir, "nightly.zip");
  const backup = await runCli(["backup", "--out", file], { dataDir, cwd: workDir });
  expect(backup.stderr).toBe("");
  expect(backup.exitCode).toBe(0);
  expect(backup.stdout).toMatch(/Wrote a backup to .*nightly\.zip/);
  await server?.close();
  server = null;

  const restored = join(workDir, "restored");
  const first = await runCli(["restore", file], { dataDir: restored, cwd: workDir });
  expect(first.exitCode).toBe(0);
  expect(first.stdout).toMatch(/Restored the backup of .* \(Ascent 0\.1\.0, migration \d{4}_/);

  const again = await runCli(["restore", file], { dataDir: restored, cwd: workDir });
  expect(again.exitCode).not.toBe(0);
  expect(again.stderr).toMatch(/not empty.*--force/);

  const garbage = join(workDir, "notes.zip");
  await writeFile(garbage, "not a backup at all");
  const refused = await runCli(["restore", garbage, "--force"], { dataDir: restored, cwd: workDir });
  expect(refused.exitCode).not.toBe(0);
  expect(refused.stderr).toMatch(/not an Ascent backup/);

  const out = join(workDir, "export");
  const exported = await runCli(["export", "--out", out], { dataDir: restored, cwd: workDir });
  expect(exported.stderr).toBe("");
  expect(exported.exitCode).toBe(0);
  expect(await readdir(out)).toContain("people.json");
  const people = JSON.parse(await readFile(join(out, "people.json"), "utf8")) as { email: string }[];
  expect(people.map((person) => person.email)).toContain("admin@ascent.local");
}, 180_000);
