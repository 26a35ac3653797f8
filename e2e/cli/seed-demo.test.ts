import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

let workDir: string;
let dataDir: string;
const run = (...args: string[]) => runCli(args, { dataDir, cwd: workDir });

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-demo-"));
  dataDir = join(workDir, "data");
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent seed demo", { timeout: 120_000 }, () => {
  it("loads the demo organisation with its review round, then removes it with --remove", async () => {
    const seeded = await run("seed", "demo", "--json");
    expect(seeded.exitCode).toBe(0);
    const created = JSON.parse(seeded.stdout) as {
      created: boolean;
      peopleCount: number;
      logins: { email: string; persona: string }[];
    };
    expect(created).toMatchObject({ created: true });
    expect(created.peopleCount).toBeGreaterThanOrEqual(55);
    expect(created.logins).toHaveLength(5);

    // The round is released: a demo PM's readiness counts peer feedback, as an aggregate over k or more.
    const pm = created.logins.find((login) => login.persona.startsWith("PM"));
    const readiness = await run("readiness", pm?.email ?? "nobody", "--json");
    expect(readiness.exitCode, readiness.stderr).toBe(0);
    const result = JSON.parse(readiness.stdout) as { competencies: { groups: { peer: { count?: number } | null } }[] };
    const peer = result.competencies.flatMap((c) => (c.groups.peer?.count ? [c.groups.peer.count] : []));
    expect(peer.length).toBeGreaterThan(10);
    expect(Math.min(...peer)).toBeGreaterThanOrEqual(3);

    const removed = await run("seed", "demo", "--remove", "--json");
    expect(removed.exitCode).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: created.peopleCount });
  });
});
