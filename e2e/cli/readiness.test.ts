import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TPersonReadiness } from "@ascent/contract";
import type { Person, Relation, Viewer } from "@ascent/core";
import { openDatabase } from "@ascent/db";
import { buildServices, loadConfig, prepareDatabase, startServer } from "@ascent/server";
import { HttpSession } from "../support/http-session.ts";
import { runCli } from "./run-cli.ts";

// One embedded database: filled through the services in this process, closed, then read by the
// CLI (which starts the server inside itself when none runs), then served over HTTP.
let workDir: string;
let dataDir: string;
// Readiness is for the person and the managers above them: the CLI acts as Dana, Mia's manager.
let danaToken: string;
const run = (...args: string[]) => runCli([...args, "--token", danaToken], { dataDir, cwd: workDir });
const PASSWORD = "cli-readiness-password";

const viewerOf = (person: Person): Viewer => ({
  personId: person.id,
  name: person.name,
  isAdmin: false,
  via: "session",
});

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ascent-cli-readiness-"));
  dataDir = join(workDir, "data");
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = buildServices(database);
    const create = (name: string, levelId: string, managerId: string | null = null) =>
      services.people.create({ name, email: `${name.toLowerCase()}@cli.example.com`, levelId, managerId });
    const dana = await create("Dana", "director");
    const mia = await create("Mia", "pm", dana.id);
    const peers = [await create("Pia", "pm", dana.id), await create("Pete", "pm", dana.id)];
    await services.accounts.setPasswordDirectly(dana.id, PASSWORD);
    danaToken = (await services.accounts.createApiToken(dana.id, "cli readiness")).token;

    const assess = async (rater: Person, relation: Relation, scores: Record<string, number>, requestId?: string) => {
      const draft = await services.assessments.startOrResume(viewerOf(rater), {
        subjectId: mia.id,
        relation,
        ...(requestId ? { feedbackRequestId: requestId } : {}),
      });
      const ratings = Object.entries(scores).map(([competencyId, score]) => ({
        competencyId,
        score,
        evidence: "",
        confidence: null,
        evidenceIds: [],
      }));
      await services.assessments.saveDraft(viewerOf(rater), draft.id, ratings);
      await services.assessments.submit(viewerOf(rater), draft.id);
    };
    await assess(mia, "self", { "strategic-thinking": 4, leadership: 2, communication: 3 });
    await assess(dana, "manager", { "strategic-thinking": 2, leadership: 3, communication: 3 });
    const request = await services.feedbackRequests.create(viewerOf(dana), {
      subjectId: mia.id,
      relation: "peer",
      raterIds: peers.map((p) => p.id),
      dueAt: new Date(Date.now() + 86_400_000),
      message: "",
    });
    for (const peer of peers) await assess(peer, "peer", { "strategic-thinking": 5 }, request.id);
    await services.feedbackRequests.close(viewerOf(dana), request.id);
    await services.evidence.create({
      personId: mia.id,
      date: "2026-02-01",
      title: "Shared launch review",
      body: "",
      competencyIds: ["communication"],
      links: [],
      isSharedWithManager: true,
    });
    await services.evidence.create({
      personId: mia.id,
      date: "2026-02-02",
      title: "Private reflection",
      body: "",
      competencyIds: ["communication"],
      links: [],
      isSharedWithManager: false,
    });
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("ascent readiness", { timeout: 120_000 }, () => {
  let cliJson: TPersonReadiness;

  it("prints a readable table with the score, the verdict and the blockers", async () => {
    const result = await run("readiness", "mia@cli.example.com");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("Mia <mia@cli.example.com>: readiness for Senior Product Manager");
    expect(result.stdout).toContain("weights manager 3, peer 2, upward 2, self 1 · k = 3");
    expect(result.stdout).toMatch(
      /^Competency +Expected +Observed +Self +Manager +Peer +Upward +Gap +Status +Backed +Flags$/m,
    );
    // Strategic thinking at senior-pm (expected 3): self 4, manager 2, two peers hidden (k = 3):
    // observed (3·2 + 1·4) / 4 = 2.5, gap 0.5; |4 − 2| ≥ 1 is a self-perception gap, and a spread
    // of 2 between the groups a rater disagreement.
    expect(result.stdout).toMatch(
      /^Strategic thinking +3\.00 +2\.50 +4\.00 \(1\) +2\.00 \(1\) +hidden \(< k\) +— +0\.50 +near +yes +self-perception-gap, rater-disagreement$/m,
    );
    // Nobody rated scope management: unknown, and a blocker.
    expect(result.stdout).toMatch(/^Scope management +3\.00 +— +— +— +— +— +— +unknown +—$/m);
    // Leadership (weight 2): (3·3 + 1·2) / 4 = 2.75. Score: (2.5/3 + 2·2.75/3 + 3/3) / 17 (the weights
    // at senior-pm) = 0.2157.
    expect(result.stdout).toMatch(/^Score +21\.6%$/m);
    expect(result.stdout).toMatch(/^Verdict +not yet$/m);
    expect(result.stdout).toMatch(/^Blockers +.*Leadership/m);
  });

  it("prints with --json the object the API answers, and takes --target", async () => {
    const json = await run("readiness", "MIA@cli.example.com", "--json");
    expect(json.exitCode).toBe(0);
    cliJson = JSON.parse(json.stdout) as TPersonReadiness;
    const strategic = cliJson.competencies.find((c) => c.competencyId === "strategic-thinking");
    expect(strategic).toMatchObject({ observed: 2.5, groups: { peer: { hidden: true } } });
    // The CLI sees what its token's owner, the manager, sees: the shared entry only.
    const communication = cliJson.competencies.find((c) => c.competencyId === "communication");
    expect(communication?.evidence.map((e) => e.title)).toEqual(["Shared launch review"]);
    expect(cliJson.score).toBeGreaterThan(0);

    const director = await run("readiness", "mia@cli.example.com", "--target", "director", "--json");
    expect((JSON.parse(director.stdout) as TPersonReadiness).targetLevel.id).toBe("director");
  });

  it("answers exactly what GET /api/people/:id/readiness answers the manager", async () => {
    expect(cliJson).toBeDefined();
    const server = await startServer(
      loadConfig({
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        ASCENT_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        ASCENT_DEMO: "0",
      }),
    );
    try {
      const dana = await new HttpSession(server.url).login("dana@cli.example.com", PASSWORD);
      const api = await dana.client.call(endpoints.readiness.forPerson, { params: { id: cliJson.personId } });
      expect(cliJson).toEqual(api);
    } finally {
      await server.close();
    }
  });

  it("reports an unknown person or level as one line", async () => {
    const nobody = await run("readiness", "nobody@cli.example.com");
    expect(nobody.exitCode).toBe(1);
    expect(nobody.stderr).toContain('ascent: error: No person with email "nobody@cli.example.com"');
    const level = await run("readiness", "mia@cli.example.com", "--target", "astronaut");
    expect(level.exitCode).toBe(1);
    expect(level.stderr).toContain('ascent: error: Unknown target level "astronaut"\n  query.target: not a level');
  });
});
