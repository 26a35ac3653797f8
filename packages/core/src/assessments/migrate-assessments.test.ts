import { describe, expect, it } from "vitest";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Framework } from "../framework/framework.ts";
import { FrameworkCatalog } from "../framework/framework-catalog.ts";
import type { FrameworkMigrationMap } from "../framework/migration-map.ts";
import type { FrameworkRepository, FrameworkVersionRecord } from "../framework/ports.ts";
import type { Assessment, Rating } from "./assessment.ts";
import { AssessmentMigration, type AssessmentMigrationRecord } from "./migrate-assessments.ts";
import type { AssessmentRepository } from "./ports.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";

const FRAMEWORK_ID = "00000000-0000-4000-8000-000000000001";
const AT = new Date("2026-06-01T12:00:00Z");

/** The test ladder (strategy, leadership, communication; pm, director, vp) with other competency ids. */
function ladderWith(competencyIds: string[], levelIds = ["pm", "director", "vp"]): Framework {
  const base = buildFramework({ slug: "product-management" });
  return {
    ...base,
    competencies: competencyIds.map((id) => ({ id, name: id, area: "Area", description: "" })),
    levels: levelIds.map((id, index) => ({ ...base.levels[0]!, id, rank: index + 1, name: id })),
  };
}

/** Versions in memory; only what FrameworkCatalog reads. */
class FakeFrameworkRepository implements Pick<FrameworkRepository, "list" | "findById" | "findBySlug"> {
  readonly versions: FrameworkVersionRecord[] = [];
  private readonly record = {
    id: FRAMEWORK_ID,
    slug: "product-management",
    name: "Product Management",
    isBuiltin: true,
    createdAt: AT,
    updatedAt: AT,
  };

  publish(
    document: Framework,
    migrationMap: FrameworkMigrationMap | null,
    status: "published" | "draft" = "published",
  ) {
    const version = this.versions.length + 1;
    this.versions.push({
      id: `v${version}`,
      frameworkId: FRAMEWORK_ID,
      version,
      status,
      document,
      migrationMap,
      note: null,
      createdAt: AT,
      publishedAt: status === "published" ? AT : null,
    });
  }

  async list() {
    return [
      {
        ...this.record,
        latestPublishedVersion: this.versions.filter((v) => v.status === "published").at(-1)?.version ?? null,
        draftVersion: null,
        levelCount: 3,
        competencyCount: 3,
      },
    ];
  }
  async findById(id: string) {
    return id === FRAMEWORK_ID ? this.record : null;
  }
  async findBySlug(slug: string) {
    return slug === this.record.slug ? this.record : null;
  }
  async listVersions() {
    return this.versions;
  }
  async findVersion(_frameworkId: string, version: number) {
    return this.versions.find((v) => v.version === version) ?? null;
  }
}

/** Assessments in memory, carried forward as the Drizzle repository does. */
class FakeAssessments implements Pick<AssessmentRepository, "carrySubmittedForward"> {
  constructor(readonly all: Assessment[]) {}

  async carrySubmittedForward(
    frameworkId: string,
    versions: { from: number; to: number },
    carry: Parameters<AssessmentRepository["carrySubmittedForward"]>[2],
  ) {
    const changed: { id: string; subjectId: string }[] = [];
    for (const assessment of this.all) {
      const isInRange = assessment.frameworkVersion >= versions.from && assessment.frameworkVersion < versions.to;
      if (assessment.frameworkId !== frameworkId || assessment.status !== "submitted" || !isInRange) continue;
      const carried = carry(structuredClone(assessment));
      if (!carried) continue;
      Object.assign(assessment, carried);
      changed.push({ id: assessment.id, subjectId: assessment.subjectId });
    }
    return changed;
  }
}

const rating = (competencyId: string, score: number | null, overrides: Partial<Rating> = {}): Rating => ({
  competencyId,
  score,
  evidence: "",
  confidence: null,
  evidenceIds: [],
  ...overrides,
});

let sequence = 0;
function buildAssessment(overrides: Partial<Assessment> = {}): Assessment {
  sequence += 1;
  return {
    id: `a${sequence}`,
    subjectId: "pam",
    raterId: "boss",
    relation: "manager",
    frameworkId: FRAMEWORK_ID,
    frameworkVersion: 1,
    levelId: "pm",
    cycleId: null,
    feedbackRequestId: null,
    status: "submitted",
    submittedAt: new Date("2026-05-01T00:00:00Z"),
    supersedesId: null,
    migratedFrom: null,
    createdAt: AT,
    updatedAt: AT,
    ratings: [],
    ...overrides,
  };
}

function setup(assessments: Assessment[]) {
  const frameworks = new FakeFrameworkRepository();
  const store = new FakeAssessments(assessments);
  const refreshed: string[][] = [];
  const migration = new AssessmentMigration({
    assessments: store,
    frameworks: new FrameworkCatalog(frameworks as unknown as FrameworkRepository),
    onMigrated: async (ids) => void refreshed.push(ids),
    audit: new InMemoryAuditLog(),
    now: () => AT,
  });
  return { frameworks, store, refreshed, migration };
}

const V1 = ["strategy", "leadership", "communication"];

describe("carrying submitted assessments onto a new framework version", () => {
  it("renames, merges and removes competencies, moves the level, and keeps the original", async () => {
    const original = buildAssessment({
      ratings: [
        rating("strategy", 4, { evidence: "Set the plan" }),
        rating("leadership", 2, { evidence: "Led the offsite", confidence: 4, evidenceIds: ["e1"] }),
        rating("communication", 5, { evidence: "Wrote the memo", confidence: 2, evidenceIds: ["e2", "e1"] }),
      ],
    });
    const { frameworks, migration, store, refreshed } = setup([original]);
    frameworks.publish(ladderWith(V1), null);
    frameworks.publish(ladderWith(["strategic-thinking", "people"], ["product-manager", "director", "vp"]), {
      competencies: [
        { kind: "rename", from: "strategy", to: "strategic-thinking" },
        { kind: "merge", from: ["leadership", "communication"], to: "people" },
      ],
      levels: [{ kind: "move", from: "pm", to: "product-manager" }],
    });

    const summary = await migration.migrate("product-management");

    expect(summary).toEqual({
      framework: "product-management",
      fromVersion: 1,
      toVersion: 2,
      assessments: 1,
      people: 1,
      ratings: { renamed: 1, merged: 1, dropped: 0 },
      levelsUnplaced: 0,
    });
    const [carried] = store.all;
    expect(carried).toMatchObject({ frameworkVersion: 2, levelId: "product-manager", status: "submitted" });
    expect(carried?.ratings).toEqual([
      rating("strategic-thinking", 4, { evidence: "Set the plan" }),
      // (2 + 5) / 2; the more cautious confidence; both evidence texts and entries.
      rating("people", 3.5, {
        evidence: "Led the offsite\n\nWrote the memo",
        confidence: 2,
        evidenceIds: ["e1", "e2"],
      }),
    ]);
    const record = carried?.migratedFrom as AssessmentMigrationRecord;
    expect(record).toEqual({
      frameworkVersion: 1,
      levelId: "pm",
      ratings: [
        rating("strategy", 4, { evidence: "Set the plan" }),
        rating("leadership", 2, { evidence: "Led the offsite", confidence: 4, evidenceIds: ["e1"] }),
        rating("communication", 5, { evidence: "Wrote the memo", confidence: 2, evidenceIds: ["e2", "e1"] }),
      ],
      migrations: [{ fromVersion: 1, toVersion: 2, at: AT.toISOString() }],
    });
    expect(carried?.submittedAt).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(refreshed).toEqual([["pam"]]);
  });

  it("goes through every version in between, and appends to the record when it moves again", async () => {
    const assessment = buildAssessment({ ratings: [rating("strategy", 3), rating("communication", 4)] });
    const { frameworks, migration, store } = setup([assessment]);
    frameworks.publish(ladderWith(V1), null);
    frameworks.publish(ladderWith(["vision", "leadership", "communication"]), {
      competencies: [{ kind: "rename", from: "strategy", to: "vision" }],
      levels: [],
    });
    frameworks.publish(ladderWith(["north-star", "leadership"]), {
      competencies: [
        { kind: "rename", from: "vision", to: "north-star" },
        { kind: "remove", id: "communication" },
      ],
      levels: [{ kind: "remove", id: "pm" }],
    });

    const summary = await migration.migrate("product-management");
    expect(summary).toMatchObject({
      fromVersion: 1,
      toVersion: 3,
      assessments: 1,
      ratings: { renamed: 1, merged: 0, dropped: 1 },
      // pm was removed without a fallback: the assessment keeps its old level id.
      levelsUnplaced: 1,
    });
    expect(store.all[0]).toMatchObject({ frameworkVersion: 3, levelId: "pm", ratings: [rating("north-star", 3)] });

    frameworks.publish(ladderWith(["north-star", "leadership", "craft"]), { competencies: [], levels: [] });
    expect(await migration.migrate("product-management")).toMatchObject({
      fromVersion: 1,
      toVersion: 4,
      assessments: 1,
      ratings: { renamed: 0, merged: 0, dropped: 0 },
    });
    expect((store.all[0]?.migratedFrom as AssessmentMigrationRecord).migrations).toEqual([
      { fromVersion: 1, toVersion: 3, at: AT.toISOString() },
      { fromVersion: 3, toVersion: 4, at: AT.toISOString() },
    ]);
    expect((store.all[0]?.migratedFrom as AssessmentMigrationRecord).ratings).toEqual([
      rating("strategy", 3),
      rating("communication", 4),
    ]);
  });

  it("moves nothing twice, and leaves drafts and newer assessments alone", async () => {
    const draft = buildAssessment({ status: "draft", submittedAt: null, ratings: [rating("strategy", 2)] });
    const submitted = buildAssessment({
      subjectId: "sam",
      ratings: [rating("strategy", 5), rating("leadership", null)],
    });
    const { frameworks, migration, store, refreshed } = setup([draft, submitted]);
    frameworks.publish(ladderWith(V1), null);
    frameworks.publish(ladderWith(["vision", "leadership", "communication"]), {
      competencies: [{ kind: "rename", from: "strategy", to: "vision" }],
      levels: [],
    });
    // A draft of the next version is not in force: the target stays version 2.
    frameworks.publish(ladderWith(["other"]), { competencies: [], levels: [] }, "draft");

    expect(await migration.migrate("product-management")).toMatchObject({ toVersion: 2, assessments: 1, people: 1 });
    // The unanswered leadership rating carries over unanswered.
    expect(store.all[1]?.ratings).toEqual([rating("vision", 5), rating("leadership", null)]);
    expect(store.all[0]).toMatchObject({ frameworkVersion: 1, ratings: [rating("strategy", 2)], migratedFrom: null });

    expect(await migration.migrate("product-management")).toMatchObject({ assessments: 0, people: 0 });
    expect(refreshed).toEqual([["sam"]]);
  });

  it("starts from a given version, and refuses one that does not exist", async () => {
    const old = buildAssessment({ ratings: [rating("strategy", 2)] });
    const { frameworks, migration, store } = setup([old]);
    frameworks.publish(ladderWith(V1), null);
    frameworks.publish(ladderWith(V1), { competencies: [], levels: [] });

    expect(await migration.migrate("product-management", { fromVersion: 2 })).toMatchObject({
      fromVersion: 2,
      toVersion: 2,
      assessments: 0,
    });
    expect(store.all[0]?.frameworkVersion).toBe(1);
    await expect(migration.migrate("product-management", { fromVersion: 3 })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "body.fromVersion", message: "got 3" }],
    });
    await expect(migration.migrate("no-such-ladder")).rejects.toMatchObject({ code: "not_found" });
  });
});
