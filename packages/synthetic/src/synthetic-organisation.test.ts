import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Framework } from "@ascent/core";
import { describeEachDriver } from "@ascent/db/testing";
import { parseFrameworkDocument } from "@ascent/formats";
import { buildServices, prepareDatabase } from "@ascent/server";
import {
  MAX_SPAN,
  MIN_SPAN,
  PEERS_PER_PERSON,
  RATERS_PER_PERSON,
  planSyntheticOrganisation,
  seedSyntheticOrganisation,
  type SyntheticOrganisation,
} from "./synthetic-organisation.ts";

let ladder: Framework;
let organisation: SyntheticOrganisation;
const NOW = new Date("2026-06-01T00:00:00Z");

const LADDER = new URL("../../../frameworks/product-management.yaml", import.meta.url);

beforeAll(async () => {
  ladder = parseFrameworkDocument(await readFile(LADDER, "utf8"), "yaml", "product-management.yaml").framework;
  organisation = planSyntheticOrganisation(ladder, { people: 2_000, now: NOW });
});

describe("planSyntheticOrganisation", () => {
  it("makes one reporting tree under the CPO, managers listed before their reports, 5 to 8 reports each", () => {
    const { people } = organisation;
    expect(people).toHaveLength(2_000);
    const roots = people.filter((p) => p.managerId === null);
    expect(roots.map((p) => p.levelId)).toEqual(["cpo"]);
    const seen = new Set<string>();
    const spans = new Map<string, number>();
    for (const person of people) {
      if (person.managerId !== null) {
        expect(seen.has(person.managerId), `${person.email}'s manager comes first`).toBe(true);
        spans.set(person.managerId, (spans.get(person.managerId) ?? 0) + 1);
      }
      seen.add(person.id);
    }
    for (const span of spans.values()) {
      expect(span).toBeGreaterThanOrEqual(MIN_SPAN);
      expect(span).toBeLessThanOrEqual(MAX_SPAN);
    }
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it("places leaders by depth (CPO → VPs → Heads → …) and everyone without reports on an IC level", () => {
    const byDepth = (depth: number) =>
      new Set(organisation.people.filter((p) => p.depth === depth).map((p) => p.levelId));
    expect(byDepth(1)).toEqual(new Set(["vp"]));
    expect(byDepth(2)).toEqual(new Set(["head"]));
    const managers = new Set(organisation.people.map((p) => p.managerId));
    const ics = organisation.people.filter((p) => !managers.has(p.id));
    expect(new Set(ics.map((p) => p.levelId))).toEqual(new Set(["pm", "senior-pm"]));
    for (const person of organisation.people) expect(ladder.levels.map((l) => l.id)).toContain(person.levelId);
  });

  it("rates everyone on every competency by 5 raters: self, manager and 3 peers through one closed request", () => {
    const { people, assessments, feedbackRequests, competencyIds } = organisation;
    expect(competencyIds).toEqual(ladder.competencies.map((c) => c.id));
    expect(assessments).toHaveLength(people.length * RATERS_PER_PERSON);
    expect(feedbackRequests).toHaveLength(people.length);
    const scale = ladder.scale.points.map((p) => p.value);
    const requestOf = new Map(feedbackRequests.map((r) => [r.subjectId, r]));
    const aboutPerson = new Map<string, typeof assessments>();
    for (const a of assessments) aboutPerson.set(a.subjectId, [...(aboutPerson.get(a.subjectId) ?? []), a]);
    for (const person of people) {
      const own = aboutPerson.get(person.id) ?? [];
      const request = requestOf.get(person.id);
      expect(request?.closedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(own.filter((a) => a.relation === "self").map((a) => a.raterId)).toEqual([person.id]);
      const answers = own.filter((a) => a.feedbackRequestId !== null);
      expect(new Set(answers.map((a) => a.raterId))).toEqual(new Set(request?.raterIds));
      expect(answers.every((a) => a.feedbackRequestId === request?.id && a.raterId !== person.id)).toBe(true);
      if (person.managerId) {
        expect(own.filter((a) => a.relation === "manager").map((a) => a.raterId)).toEqual([person.managerId]);
        expect(answers.map((a) => a.relation)).toEqual(Array(PEERS_PER_PERSON).fill("peer"));
      } else {
        // The CPO has no manager: their reports answer an upward request instead.
        expect(answers.map((a) => a.relation)).toEqual(Array(RATERS_PER_PERSON - 1).fill("upward"));
      }
      for (const assessment of own) {
        expect(assessment.scores).toHaveLength(competencyIds.length);
        expect(assessment.scores.every((score) => scale.includes(score))).toBe(true);
        expect(assessment.submittedAt.getTime()).toBeLessThan(NOW.getTime());
      }
    }
  });

  it("gives the same organisation for the same seed", () => {
    const shape = (org: SyntheticOrganisation) => {
      const index = new Map(org.people.map((p, i) => [p.id, i]));
      return {
        people: org.people.map((p) => [p.email, p.levelId, p.team, p.managerId && index.get(p.managerId)]),
        scores: org.assessments.map((a) => a.scores.join("")),
      };
    };
    const again = planSyntheticOrganisation(ladder, { people: 2_000, now: NOW });
    expect(shape(again)).toEqual(shape(organisation));
    expect(shape(planSyntheticOrganisation(ladder, { people: 2_000, now: NOW, seed: 7 }))).not.toEqual(
      shape(organisation),
    );
  });

  it("refuses fewer than 10 people", () => {
    expect(() => planSyntheticOrganisation(ladder, { people: 3 })).toThrow(/from 10/);
  });
});

describeEachDriver("seedSyntheticOrganisation", (db) => {
  const count = async (table: string) => {
    const result = await db().db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
  };
  const constraints = async () => {
    const result = await db().db.execute(sql`
      select conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) as c from pg_constraint
      where conrelid in ('ratings'::regclass, 'assessments'::regclass, 'feedback_requests'::regclass,
                         'feedback_request_raters'::regclass)
      order by 1`);
    return (result as unknown as { rows: { c: string }[] }).rows.map((r) => r.c);
  };

  it("writes the people, requests and ratings, and a readiness snapshot for everyone", async () => {
    await prepareDatabase(db());
    const before = await constraints();
    const progress: string[] = [];
    const result = await seedSyntheticOrganisation(
      db(),
      { people: 60, onProgress: (phase, done, total) => progress.push(`${phase} ${done}/${total}`) },
      buildServices(db()),
    );
    expect(result).toMatchObject({ people: 60, feedbackRequests: 60, assessments: 300, ratings: 4_500, snapshots: 60 });
    expect(await count("people")).toBe(61);
    expect(await count("assessments where status = 'submitted'")).toBe(300);
    expect(await count("ratings")).toBe(4_500);
    expect(await count("feedback_request_raters")).toBe(60 * PEERS_PER_PERSON + 1);
    expect(await count("readiness_snapshots")).toBe(60);
    expect(progress.at(-1)).toBe("readiness 60/60");
    expect(progress).toContain("ratings 4500/4500");
    // The keys dropped for the bulk load are all back, exactly as they were.
    expect(await constraints()).toEqual(before);

    const services = buildServices(db());
    const [snapshot] = await services.readinessSnapshots.list([result.root.id]);
    const live = await services.readiness.forPerson(result.root.id, { canSeePrivateEvidence: false });
    expect(snapshot?.score).toBeCloseTo(live.score, 5);
    expect(snapshot?.verdict).toBe(live.verdict);
    // The CPO's 4 upward raters count as an aggregate (k = 3).
    expect(live.competencies[0]?.groups.upward).toMatchObject({ count: RATERS_PER_PERSON - 1 });
  });

  it("refuses a database that has people unless forced, and then replaces the synthetic organisation", async () => {
    await expect(seedSyntheticOrganisation(db(), { people: 20 }, buildServices(db()))).rejects.toMatchObject({
      code: "conflict",
    });
    const result = await seedSyntheticOrganisation(db(), { people: 20, force: true }, buildServices(db()));
    expect(result.removedPeople).toBe(60);
    expect(await count("people")).toBe(21);
    expect(await count("ratings")).toBe(20 * 75);
    expect(await count("readiness_snapshots")).toBe(20);
  });
});
