import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TFramework, type TFrameworkMigrationReport } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { apiError, buildAssessmentOrg, type AssessmentOrg } from "../support/assessment-fixture.ts";

const LADDER = { framework: "product-management" };
const RENAMED = "data-insight";
const MERGED = "influence-communication";

/** The draft document with data analysis renamed and communication merged with collaboration and influence. */
function renameAndMerge(document: TFramework): TFramework {
  const next = structuredClone(document);
  next.competencies = next.competencies.flatMap((c) => {
    if (c.id === "data-analysis") return [{ ...c, id: RENAMED, name: "Data insight" }];
    if (c.id === "communication") return [{ ...c, id: MERGED, name: "Influence and communication" }];
    return c.id === "collaboration-influence" ? [] : [c];
  });
  for (const row of Object.values(next.expectations)) {
    const rename = row["data-analysis"];
    const merge = row["communication"];
    if (rename) row[RENAMED] = rename;
    if (merge) row[MERGED] = merge;
    delete row["data-analysis"];
    delete row["communication"];
    delete row["collaboration-influence"];
  }
  return next;
}

function withoutCompetency(document: TFramework, id: string): TFramework {
  const next = structuredClone(document);
  next.competencies = next.competencies.filter((c) => c.id !== id);
  for (const row of Object.values(next.expectations)) delete row[id];
  return next;
}

describe("a framework migration over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    const mia = org.people.mia.id;
    const as = org.as("mia");
    await as(endpoints.goals.create, {
      params: { id: mia },
      body: { competencyId: "data-analysis", target: 4, title: "Read the funnel weekly" },
    });
    await as(endpoints.goals.create, {
      params: { id: mia },
      body: { competencyId: "communication", target: 4, title: "Write the launch memo" },
    });
    await as(endpoints.goals.create, {
      params: { id: mia },
      body: { competencyId: "domain-knowledge", target: 3, title: "Learn the payments domain" },
    });
    await as(endpoints.evidence.create, {
      params: { id: mia },
      body: {
        date: "2026-02-01",
        title: "Pricing review",
        competencyIds: ["data-analysis", "communication", "collaboration-influence"],
      },
    });
    await as(endpoints.plans.save, {
      params: { id: mia },
      body: {
        learning: [
          {
            kind: "hands-on",
            title: "Run the quarterly review",
            competencyIds: ["collaboration-influence", "leadership"],
          },
        ],
      },
    });
    const draft = await as(endpoints.assessments.start, { body: { subjectId: mia, relation: "self" } });
    await as(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: {
        ratings: [
          { competencyId: "data-analysis", score: 3, evidence: "" },
          { competencyId: "communication", score: 2, evidence: "" },
          { competencyId: "collaboration-influence", score: 4, evidence: "" },
        ],
      },
    });
    await as(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  });
  afterAll(async () => server?.stop());

  const admin = () => org.as("admin");

  it("renames one competency and merges two: the dry run matches what publishing applies", async () => {
    const draft = await admin()(endpoints.frameworkAdmin.startDraft, { params: LADDER, body: {} });
    await admin()(endpoints.frameworkAdmin.saveDraft, {
      params: LADDER,
      body: { document: renameAndMerge(draft.document) },
    });
    const migrationMap = {
      competencies: [
        { kind: "rename" as const, from: "data-analysis", to: RENAMED },
        { kind: "merge" as const, from: ["communication", "collaboration-influence"], to: MERGED },
      ],
      levels: [],
    };
    const report: TFrameworkMigrationReport = await admin()(endpoints.frameworkAdmin.previewMigration, {
      params: LADDER,
      body: { migrationMap },
    });
    expect(report.moves.map((m) => [m.from, m.to, m.ratings, m.openGoals, m.evidence, m.planItems])).toEqual([
      ["data-analysis", RENAMED, 1, 1, 1, 0],
      ["communication", MERGED, 1, 1, 1, 0],
      ["collaboration-influence", MERGED, 1, 0, 1, 1],
    ]);
    expect(report.unresolved).toEqual([]);

    const published = await admin()(endpoints.frameworkAdmin.publish, { params: LADDER, body: { migrationMap } });
    expect(published.version).toBe(2);
    expect(published.migration).toEqual(report);

    const mia = org.people.mia.id;
    const goals = await org.as("mia")(endpoints.goals.list, { params: { id: mia } });
    expect(goals.goals.map((g) => [g.title, g.competencyId])).toEqual([
      ["Read the funnel weekly", RENAMED],
      ["Write the launch memo", MERGED],
      ["Learn the payments domain", "domain-knowledge"],
    ]);
    const evidence = await org.as("mia")(endpoints.evidence.list, { params: { id: mia } });
    expect(evidence.evidence.map((e) => e.competencyIds)).toEqual([[RENAMED, MERGED]]);
    const plan = await org.as("mia")(endpoints.plans.get, { params: { id: mia } });
    expect(plan.plan.learning.map((item) => item.competencyIds)).toEqual([[MERGED, "leadership"]]);
    const [assessment] = (await org.as("mia")(endpoints.assessments.listAbout, { params: { id: mia } })).assessments;
    expect(assessment?.frameworkVersion).toBe(2);
    expect(assessment?.ratings.map((r) => [r.competencyId, r.score])).toEqual(
      expect.arrayContaining([
        [RENAMED, 3],
        [MERGED, 3],
      ]),
    );

    const audit = await admin()(endpoints.audit.list, { query: {} });
    const event = audit.events.find((e) => e.action === "framework.migrate");
    expect(event?.actor).not.toBeNull();
    expect((event?.details as { report?: unknown } | null)?.report).toEqual(report);
  });

  it("refuses to drop a competency open goals still use, naming it, and applies nothing", async () => {
    const draft = await admin()(endpoints.frameworkAdmin.startDraft, { params: LADDER, body: {} });
    await admin()(endpoints.frameworkAdmin.saveDraft, {
      params: LADDER,
      body: { document: withoutCompetency(draft.document, "domain-knowledge") },
    });
    const migrationMap = { competencies: [{ kind: "remove" as const, id: "domain-knowledge" }], levels: [] };
    const error = await apiError(admin()(endpoints.frameworkAdmin.publish, { params: LADDER, body: { migrationMap } }));
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    expect(error.message).toContain("Domain knowledge");
    expect(error.details).toEqual([expect.objectContaining({ path: "choices" })]);
    const detail = await admin()(endpoints.frameworks.get, { params: LADDER });
    expect(detail).toMatchObject({ latestPublishedVersion: 2, draftVersion: 3 });

    const unknownTarget = await apiError(
      admin()(endpoints.frameworkAdmin.previewMigration, {
        params: LADDER,
        body: { migrationMap, choices: [{ competencyId: "domain-knowledge", action: "move", to: "no-such" }] },
      }),
    );
    expect(unknownTarget).toMatchObject({ status: 400, details: [{ path: "choices[0].to" }] });
    const forMember = await apiError(
      org.as("mia")(endpoints.frameworkAdmin.previewMigration, { params: LADDER, body: { migrationMap } }),
    );
    expect(forMember.status).toBe(403);

    const closed = await admin()(endpoints.frameworkAdmin.publish, {
      params: LADDER,
      body: { migrationMap, choices: [{ competencyId: "domain-knowledge", action: "close" }] },
    });
    expect(closed.migration?.totals.goals).toEqual({ moved: 0, closed: 1, legacy: 0 });
    const goals = await org.as("mia")(endpoints.goals.list, { params: { id: org.people.mia.id } });
    expect(goals.goals.find((g) => g.title === "Learn the payments domain")?.status).toBe("dropped");
  });
});
