import { expect, it } from "vitest";
import {
  AppError,
  emptyPlanContent,
  FrameworkCatalog,
  FrameworkEditor,
  FrameworkMigration,
  type Framework,
  type FrameworkMigrationUnitOfWork,
  type Person,
  type Viewer,
} from "@ascent/core";
import { buildFramework, buildMigrationMap, buildNextFramework } from "@ascent/core/testing";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleAssessmentRepository } from "./assessments.repository.ts";
import { DrizzleAuditRepository } from "./audit.repository.ts";
import { DrizzleEvidenceRepository } from "./evidence.repository.ts";
import { DrizzleFrameworkMigrationUnitOfWork } from "./framework-migration.repository.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";
import { DrizzleCareerPlanRepository, DrizzleGoalRepository } from "./growth-plans.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

const SLUG = "product-management";
const adminOf = (person: Person): Viewer => ({ personId: person.id, name: person.name, isAdmin: true, via: "session" });

/** v3 of the fixture ladder: v2 without "storytelling", so its goals, tags and ratings lose their home. */
function withoutStorytelling(v2: Framework): Framework {
  return {
    ...v2,
    competencies: v2.competencies.filter((c) => c.id !== "storytelling"),
    expectations: Object.fromEntries(
      Object.entries(v2.expectations).map(([level, row]) => [
        level,
        Object.fromEntries(Object.entries(row).filter(([id]) => id !== "storytelling")),
      ]),
    ),
  };
}

describeEachDriver("framework migration with real repositories", (db) => {
  const state: Record<string, string> = {};

  const repos = () => ({
    people: new DrizzlePeopleRepository(db().db),
    frameworks: new DrizzleFrameworkRepository(db().db),
    goals: new DrizzleGoalRepository(db().db),
    evidence: new DrizzleEvidenceRepository(db().db),
    plans: new DrizzleCareerPlanRepository(db().db),
    assessments: new DrizzleAssessmentRepository(db().db),
    audit: new DrizzleAuditRepository(db().db),
  });

  /** Everything a migration may rewrite, read back for before/after comparisons. */
  const snapshot = async () => {
    const r = repos();
    const framework = await r.frameworks.findBySlug(SLUG);
    return {
      versions: (await r.frameworks.listVersions(framework!.id)).map((v) => [v.version, v.status]),
      goals: [...(await r.goals.listForPerson(state.ada!)), ...(await r.goals.listForPerson(state.ben!))].map((g) => [
        g.title,
        g.competencyId,
        g.status,
      ]),
      evidence: [...(await r.evidence.listForPerson(state.ada!)), ...(await r.evidence.listForPerson(state.ben!))].map(
        (e) => [e.title, e.competencyIds],
      ),
      plan: (await r.plans.find(state.ada!))?.content,
      ratings: (await r.assessments.findById(state.assessment!))?.ratings.map((x) => [x.competencyId, x.score]),
      version: (await r.assessments.findById(state.assessment!))?.frameworkVersion,
      audits: (await r.audit.list({ limit: 50 })).filter((e) => e.action === "framework.migrate").length,
    };
  };

  it("dry-runs, then carries ratings, goals, evidence tags and plan items through a rename and a merge", async () => {
    const r = repos();
    const catalog = new FrameworkCatalog(r.frameworks);
    const { framework } = await catalog.ensureBuiltin(buildFramework({ slug: SLUG }));
    const admin = await r.people.create({ name: "Admin", email: "migration-admin@example.com" });
    const ada = await r.people.create({ name: "Ada", email: "migration-ada@example.com" });
    const ben = await r.people.create({ name: "Ben", email: "migration-ben@example.com" });
    Object.assign(state, { admin: admin.id, ada: ada.id, ben: ben.id, framework: framework.id });
    const goal = { target: 4, actions: [], due: null, isSharedWithManager: true, from: null };
    await r.goals.create({ ...goal, personId: ada.id, competencyId: "strategy", title: "Own the strategy" });
    await r.goals.create({ ...goal, personId: ben.id, competencyId: "communication", title: "Write clearly" });
    const evidenceBase = { date: "2026-01-10", body: "", links: [], isSharedWithManager: false };
    await r.evidence.create({
      ...evidenceBase,
      personId: ada.id,
      title: "Offsite",
      competencyIds: ["strategy", "leadership"],
    });
    await r.evidence.create({ ...evidenceBase, personId: ben.id, title: "Memo", competencyIds: ["communication"] });
    await r.plans.save(ada.id, {
      cadence: "quarterly",
      content: {
        ...emptyPlanContent(),
        envision: { ...emptyPlanContent().envision, targetLevelId: "director" },
        learning: [
          {
            id: "l1",
            kind: "mentorship",
            title: "Shadow a director",
            competencyIds: ["leadership", "communication"],
            status: "planned",
          },
        ],
      },
    });
    const assessment = await r.assessments.create({
      subjectId: ada.id,
      raterId: ada.id,
      relation: "self",
      frameworkId: framework.id,
      frameworkVersion: 1,
      levelId: "pm",
      cycleId: null,
      feedbackRequestId: null,
      supersedesId: null,
      ratings: [
        { competencyId: "strategy", score: 2, evidence: "", confidence: null, evidenceIds: [] },
        { competencyId: "leadership", score: 4, evidence: "", confidence: null, evidenceIds: [] },
        { competencyId: "communication", score: 3, evidence: "", confidence: null, evidenceIds: [] },
      ],
    });
    await r.assessments.markSubmitted(assessment.id, new Date("2026-01-11T00:00:00Z"));
    state.assessment = assessment.id;

    await new FrameworkEditor(r.frameworks).startDraft(SLUG, { ...buildNextFramework(), slug: SLUG });
    const refreshed: string[][] = [];
    const migration = new FrameworkMigration({
      unitOfWork: new DrizzleFrameworkMigrationUnitOfWork(db().db),
      onMigrated: async (ids) => void refreshed.push(ids),
    });
    const before = await snapshot();
    const migrationMap = buildMigrationMap();
    const preview = await migration.preview(adminOf(admin), SLUG, { migrationMap });
    expect(await snapshot()).toEqual(before);
    expect(preview.moves.map((m) => [m.from, m.kind, m.to, m.ratings, m.openGoals, m.evidence, m.planItems])).toEqual([
      ["strategy", "merge", "direction", 1, 1, 1, 0],
      ["leadership", "merge", "direction", 1, 0, 1, 1],
      ["communication", "rename", "storytelling", 1, 1, 1, 1],
    ]);
    expect(preview.unresolved).toEqual([]);

    const published = await migration.publish(adminOf(admin), SLUG, { note: "v2", migrationMap });
    expect(published.report).toEqual(preview);
    expect(published.assessments).toMatchObject({ assessments: 1, ratings: { renamed: 1, merged: 1, dropped: 0 } });
    const after = await snapshot();
    expect(after.versions).toEqual([
      [1, "published"],
      [2, "published"],
    ]);
    expect(after.goals).toEqual([
      ["Own the strategy", "direction", "active"],
      ["Write clearly", "storytelling", "active"],
    ]);
    expect(after.evidence).toEqual([
      ["Offsite", ["direction"]],
      ["Memo", ["storytelling"]],
    ]);
    expect(after.plan?.learning[0]?.competencyIds).toEqual(["direction", "storytelling"]);
    expect(after.plan?.envision.targetLevelId).toBe("head");
    expect(after.ratings).toEqual([
      ["direction", 3],
      ["storytelling", 3],
    ]);
    expect(after.version).toBe(2);
    const [event] = (await r.audit.list({ limit: 10 })).filter((e) => e.action === "framework.migrate");
    expect(event).toMatchObject({ actorId: admin.id, targetId: published.version.id });
    expect((event?.details as { report: unknown }).report).toEqual(preview);
    expect(new Set(refreshed.flat())).toEqual(new Set([ada.id, ben.id]));
  });

  it("refuses to remove a competency that open goals use until each has a choice, and names it", async () => {
    const r = repos();
    const v2 = (await r.frameworks.findVersion(state.framework!, 2))!.document;
    await new FrameworkEditor(r.frameworks).startDraft(SLUG, withoutStorytelling(v2));
    const migration = new FrameworkMigration({ unitOfWork: new DrizzleFrameworkMigrationUnitOfWork(db().db) });
    const admin: Viewer = { personId: state.admin!, name: "Admin", isAdmin: true, via: "session" };
    const before = await snapshot();

    const preview = await migration.preview(admin, SLUG);
    expect(preview.unresolved.map((u) => [u.competencyId, u.openGoals, u.people])).toEqual([["storytelling", 1, 1]]);
    const refused = await migration.publish(admin, SLUG).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("validation_failed");
    expect((refused as AppError).message).toContain("Communication");
    expect(await snapshot()).toEqual(before);

    const badChoice = await migration
      .publish(admin, SLUG, { choices: [{ competencyId: "storytelling", action: "move", to: "nowhere" }] })
      .catch((error: unknown) => error);
    expect((badChoice as AppError).details).toEqual([
      { path: "choices[0].to", message: '"nowhere" is not a competency of the new version' },
    ]);
    const notAdmin = await migration
      .preview({ ...admin, isAdmin: false }, SLUG)
      .catch((error: unknown) => (error as AppError).code);
    expect(notAdmin).toBe("forbidden");
  });

  it("applies nothing when a write fails halfway, then applies everything on the next try", async () => {
    const admin: Viewer = { personId: state.admin!, name: "Admin", isAdmin: true, via: "session" };
    const real = new DrizzleFrameworkMigrationUnitOfWork(db().db);
    // Goals and the version are written before evidence: failing there proves the earlier writes roll back.
    const failing: FrameworkMigrationUnitOfWork = {
      run: (work) =>
        real.run((stores) =>
          work({
            ...stores,
            references: Object.assign(Object.create(stores.references) as typeof stores.references, {
              setEvidenceTags: () => Promise.reject(new Error("disk full")),
            }),
          }),
        ),
    };
    const choices = [{ competencyId: "storytelling", action: "move" as const, to: "direction" }];
    const before = await snapshot();
    await expect(new FrameworkMigration({ unitOfWork: failing }).publish(admin, SLUG, { choices })).rejects.toThrow(
      "disk full",
    );
    expect(await snapshot()).toEqual(before);

    const published = await new FrameworkMigration({ unitOfWork: real }).publish(admin, SLUG, { choices });
    expect(published.report?.totals.goals).toEqual({ moved: 1, closed: 0, legacy: 0 });
    const after = await snapshot();
    expect(after.versions.at(-1)).toEqual([3, "published"]);
    expect(after.goals).toEqual([
      ["Own the strategy", "direction", "active"],
      ["Write clearly", "direction", "active"],
    ]);
    expect(after.evidence).toEqual([
      ["Offsite", ["direction"]],
      ["Memo", []],
    ]);
    expect(after.plan?.learning[0]?.competencyIds).toEqual(["direction"]);
    expect(after.ratings).toEqual([["direction", 3]]);
    expect(after.audits).toBe(before.audits + 1);
  });
});
