import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TPerson } from "@ascent/contract";
import {
  assessedCompetencyIds,
  computeReadiness,
  nextLevel,
  readinessWindow,
  type Framework,
  type Relation,
  type SubmittedRating,
} from "@ascent/core";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";

/**
 * Random small organisations built only through the public API: a Director, three reports at random
 * levels, random self and manager ratings over everything an assessment covers (stretch competencies
 * included). Every report's readiness, as the API answers it, must equal core's rule on the very
 * ratings submitted: numbers, flags, corroboration, verdict and blockers.
 */

const PASSWORD = "random-orgs-password";
const SEEDS = [11, 29, 47];
const REPORT_LEVELS = ["pm", "senior-pm"] as const;

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let server: TestServer;
let admin: HttpSession;
let ladder: Framework;

async function personWithSession(
  name: string,
  email: string,
  levelId: string,
  managerId: string | null,
): Promise<{ person: TPerson; session: HttpSession }> {
  const person = await admin.client.call(endpoints.people.create, {
    body: { name, email, title: levelId, levelId, managerId, team: "random" },
  });
  const link = await admin.client.call(endpoints.auth.createLink, {
    params: { id: person.id },
    body: { purpose: "invite" },
  });
  return { person, session: await new HttpSession(server.url).redeem(link.path, PASSWORD) };
}

/** Rates `subject` as `relation` over a random subset of what the assessment covers; returns core's view of it. */
async function rateRandomly(
  next: () => number,
  rater: { person: TPerson; session: HttpSession },
  subject: TPerson,
  relation: Relation,
): Promise<SubmittedRating[]> {
  const covered = assessedCompetencyIds(ladder, subject.level?.id ?? "pm");
  const scores = covered
    .filter(() => next() < 0.8)
    .map((competencyId) => ({ competencyId, score: 1 + Math.floor(next() * 5) }));
  const draft = await rater.session.client.call(endpoints.assessments.start, {
    body: { subjectId: subject.id, relation },
  });
  await rater.session.client.call(endpoints.assessments.saveRatings, {
    params: { assessmentId: draft.id },
    body: { ratings: scores },
  });
  const done = await rater.session.client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  return scores.map(({ competencyId, score }) => ({
    assessmentId: done.id,
    raterId: rater.person.id,
    relation,
    competencyId,
    score,
    submittedAt: new Date(),
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAsFirstAdmin(server);
  ladder = (
    await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: "latest" },
    })
  ).document as Framework;
}, 120_000);

afterAll(async () => server?.stop());

describe("readiness on random organisations built through the API", { timeout: 120_000 }, () => {
  for (const seed of SEEDS) {
    it(`answers exactly core's rule for every report (seed ${seed})`, async () => {
      const next = random(seed);
      const director = await personWithSession(`Dir ${seed}`, `dir-${seed}@random.test`, "director", null);
      for (let index = 0; index < 3; index += 1) {
        const levelId = REPORT_LEVELS[Math.floor(next() * REPORT_LEVELS.length)] ?? "pm";
        const report = await personWithSession(
          `Rep ${seed}-${index}`,
          `rep-${seed}-${index}@random.test`,
          levelId,
          director.person.id,
        );
        const ratings = [
          ...(await rateRandomly(next, report, report.person, "self")),
          // Some reports have no manager rating at all: their verdict may never be "ready".
          ...(next() < 0.75 ? await rateRandomly(next, director, report.person, "manager") : []),
        ];
        const answer = await director.session.client.call(endpoints.readiness.forPerson, {
          params: { id: report.person.id },
        });
        const core = computeReadiness({
          framework: ladder,
          targetLevelId: nextLevel(ladder, levelId).id,
          ratings,
          window: readinessWindow(new Date()),
        });
        expect(answer.targetLevel.id).toBe(nextLevel(ladder, levelId).id);
        expect(answer.score).toBe(core.score);
        expect(answer.verdict).toBe(core.verdict);
        expect(answer.blockers).toEqual(core.blockers);
        expect(answer.competencies.map((c) => c.competencyId)).toEqual(core.competencies.map((c) => c.competencyId));
        for (const expected of core.competencies) {
          const actual = answer.competencies.find((c) => c.competencyId === expected.competencyId);
          expect(actual, `${expected.competencyId} (seed ${seed})`).toMatchObject({
            expected: expected.expected,
            weight: expected.weight,
            observed: expected.observed,
            gap: expected.gap,
            status: expected.status,
            flags: expected.flags,
            groups: expected.groups,
            isCorroborated: expected.isCorroborated,
          });
        }
        // Nobody is ready on their own word alone.
        if (!ratings.some((r) => r.relation === "manager")) expect(answer.verdict).not.toBe("ready");
      }
    });
  }
});
