import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCycleProgress } from "@ascent/contract";
import type { Viewer } from "@ascent/core";
import { openDatabase } from "@ascent/db";
import { buildServices, prepareDatabase } from "@ascent/server";
import { runCli } from "./run-cli.ts";

// One embedded database, filled through the services in this process and closed; the CLI then starts
// the server inside itself and talks to it over HTTP with the token given.
let workDir: string;
let dataDir: string;
const tokens: Record<"ada" | "dana" | "mia", string> = { ada: "", dana: "", mia: "" };
const run = (as: keyof typeof tokens, ...args: string[]) =>
  runCli([...args, "--token", tokens[as]], { dataDir, cwd: workDir });
const PASSWORD = "cli-cycle-password-long";
const DAY = 86_400_000;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-cycle-"));
  dataDir = join(workDir, "data");
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = buildServices(database);
    const create = (name: string, levelId: string, managerId: string | null = null) =>
      services.people.create({ name, email: `${name.toLowerCase()}@cycle.example.com`, levelId, managerId });
    const ada = await create("Ada", "vp");
    const dana = await create("Dana", "director");
    await create("Mia", "pm", dana.id);
    await create("Pia", "pm", dana.id);
    await services.accounts.setPasswordDirectly(ada.id, PASSWORD, true);
    for (const [key, person] of [
      ["ada", ada],
      ["dana", dana],
      ["mia", (await services.people.findByEmail("mia@cycle.example.com"))!],
    ] as const) {
      if (key !== "ada") await services.accounts.setPasswordDirectly(person.id, PASSWORD);
      tokens[key] = (await services.accounts.createApiToken(person.id, "cli cycle")).token;
    }
    const admin: Viewer = { personId: ada.id, name: ada.name, isAdmin: true, via: "token" };
    const now = Date.now();
    await services.cycles.createCycle(admin, {
      name: "Spring review",
      population: { managers: [dana.id] },
      phases: [
        { kind: "self", opensAt: new Date(now - 10 * DAY), dueAt: new Date(now - DAY) },
        { kind: "manager", opensAt: new Date(now - DAY), dueAt: new Date(now + 10 * DAY) },
      ],
    });
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent cycle", { timeout: 120_000 }, () => {
  it("lists the cycles", async () => {
    const result = await run("ada", "cycle", "list");
    expect([result.exitCode, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^Name +Status +Starts +Ends +Id$/m);
    expect(result.stdout).toMatch(/^Spring review +active /m);
  });

  it("shows a cycle's progress by name, as text and as the API's JSON", async () => {
    const text = await run("ada", "cycle", "status", "spring REVIEW");
    expect(text.exitCode).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("Spring review (active) · 2 people");
    // Both self-assessments are past due and not started; the manager phase is open.
    expect(text.stdout).toMatch(/^self +0 +0 +0 +2$/m);
    expect(text.stdout).toMatch(/^manager +0 +0 +2 +0$/m);
    expect(text.stdout).toContain("To remind: 4 (2 late)");
    const json = await run("ada", "cycle", "status", "Spring review", "--json");
    const progress = JSON.parse(json.stdout) as TCycleProgress;
    expect(progress.people.map((p) => p.person.name).sort()).toEqual(["Mia", "Pia"]);
    expect(progress.byPhase.self).toEqual({ done: 0, inProgress: 0, notStarted: 0, late: 2 });
  });

  it("exports the progress as CSV", async () => {
    const out = join(workDir, "results.csv");
    const result = await run("ada", "cycle", "export", "Spring review", "--out", out);
    expect([result.exitCode, result.stdout.trim()]).toEqual([0, `Wrote 2 people of "Spring review" to ${out}.`]);
    const lines = (await readFile(out, "utf8")).trim().split("\r\n");
    expect(lines).toEqual([
      "name,team,manager,self,nomination,manager_assessment",
      "Mia,,Dana,late,,not-started",
      "Pia,,Dana,late,,not-started",
    ]);
  });

  it("shows a manager their chain, refuses a PM, and names an unknown cycle", async () => {
    const dana = await run("dana", "cycle", "status", "Spring review", "--json");
    expect((JSON.parse(dana.stdout) as TCycleProgress).people).toHaveLength(2);
    const mia = await run("mia", "cycle", "status", "Spring review");
    expect(mia.exitCode).toBe(1);
    expect(mia.stderr).toContain("Only admins and managers see a cycle's progress");
    const unknown = await run("ada", "cycle", "status", "Autumn");
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('No review cycle with id or name "Autumn"');
  });
});
