import { beforeAll, describe, expect, it } from "vitest";
import { applicableCompetencyIds, type Framework } from "@ascent/core";
import { loadBuiltinLadder } from "../builtin-ladder.ts";
import { buildDemoOrganisation, type DemoPerson } from "./demo-organisation.ts";
import { planDemoReview, type DemoReviewPlan } from "./demo-review.ts";

let ladder: Framework;
let organisation: DemoPerson[];
let plan: DemoReviewPlan;
const K = 3;

beforeAll(async () => {
  ladder = await loadBuiltinLadder();
  organisation = buildDemoOrganisation(ladder);
  const isRatable = (levelId: string, competencyId: string) =>
    applicableCompetencyIds(ladder, levelId).includes(competencyId);
  plan = planDemoReview(organisation, ladder, { isRatable, k: K });
});

const byEmail = () => new Map(organisation.map((person) => [person.email, person]));

function chainAbove(person: DemoPerson): string[] {
  const people = byEmail();
  const chain: string[] = [];
  for (let at = person.managerEmail; at !== null; at = people.get(at)?.managerEmail ?? null) chain.push(at);
  return chain;
}

describe("the demo review round", () => {
  it("rates everyone placed on the ladder by themselves and by their manager", () => {
    const placed = organisation.filter((person) => person.levelId !== null);
    for (const person of placed) {
      const about = plan.assessments.filter((a) => a.subjectEmail === person.email);
      expect(about.filter((a) => a.relation === "self").map((a) => a.raterEmail)).toEqual([person.email]);
      const managers = about.filter((a) => a.relation === "manager").map((a) => a.raterEmail);
      expect(managers).toEqual(person.managerEmail ? [person.managerEmail] : []);
    }
    const unplaced = organisation.filter((person) => person.levelId === null).map((person) => person.email);
    expect(plan.assessments.filter((a) => unplaced.includes(a.subjectEmail))).toEqual([]);
  });

  it("asks at least k peers for most people, never anyone in their chain or below them", () => {
    const people = byEmail();
    const peerRequests = plan.requests.filter((request) => request.relation === "peer");
    const placed = organisation.filter((person) => person.levelId !== null);
    expect(peerRequests.length).toBeGreaterThan(placed.length * 0.75);
    expect(peerRequests.length).toBeLessThan(placed.length);
    for (const request of peerRequests) {
      const subject = people.get(request.subjectEmail) as DemoPerson;
      expect(request.raterEmails.length).toBeGreaterThanOrEqual(K);
      expect(new Set(request.raterEmails).size).toBe(request.raterEmails.length);
      const chain = chainAbove(subject);
      for (const rater of request.raterEmails) {
        expect(rater).not.toBe(subject.email);
        expect(chain, `${rater} rates ${subject.email}`).not.toContain(rater);
        expect(chainAbove(people.get(rater) as DemoPerson), `${rater} is below ${subject.email}`).not.toContain(
          subject.email,
        );
      }
    }
  });

  it("asks managers' direct reports, and only them, for upward feedback", () => {
    const upward = plan.requests.filter((request) => request.relation === "upward");
    const managers = new Set(
      organisation.flatMap((p) => (p.managerEmail && byEmail().get(p.managerEmail)?.levelId ? [p.managerEmail] : [])),
    );
    expect(new Set(upward.map((request) => request.subjectEmail))).toEqual(managers);
    for (const request of upward) {
      const reports = organisation.filter((p) => p.managerEmail === request.subjectEmail).map((p) => p.email);
      expect([...request.raterEmails].sort()).toEqual(reports.sort());
    }
  });

  it("gives every request one answer per rater, with comments on peer answers", () => {
    plan.requests.forEach((request, index) => {
      const answers = plan.assessments.filter((a) => a.requestIndex === index);
      expect(answers.map((a) => a.raterEmail).sort()).toEqual([...request.raterEmails].sort());
      for (const answer of answers) expect(answer.relation).toBe(request.relation);
    });
    const peerComments = plan.assessments
      .filter((a) => a.relation === "peer")
      .flatMap((a) => a.ratings.map((r) => r.evidence).filter((text) => text.length > 0));
    expect(peerComments.length).toBeGreaterThan(100);
  });

  it("rates only what the rule lets an assessment rate, on the ladder's scale", () => {
    const levelOf = new Map(organisation.map((p) => [p.email, p.levelId]));
    for (const assessment of plan.assessments) {
      const allowed = applicableCompetencyIds(ladder, levelOf.get(assessment.subjectEmail) as string);
      for (const rating of assessment.ratings) {
        expect(allowed).toContain(rating.competencyId);
        expect(rating.score).toBeGreaterThanOrEqual(ladder.scale.min);
        expect(rating.score).toBeLessThanOrEqual(ladder.scale.max);
      }
    }
  });

  it("plans a spread of outcomes, evidence and goals", () => {
    const counts = { ready: 0, almost: 0, "not-yet": 0 };
    for (const outcome of plan.outcomes.values()) counts[outcome]++;
    expect(counts.ready).toBeGreaterThan(5);
    expect(counts.almost).toBeGreaterThan(5);
    expect(counts["not-yet"]).toBeGreaterThan(5);
    expect(plan.evidence.length).toBeGreaterThan(plan.outcomes.size / 2);
    expect(plan.goals.length).toBeGreaterThan(5);
    for (const goal of plan.goals) expect(goal.target).toBeGreaterThan(goal.from);
  });

  it("is the same round on every install", () => {
    const again = planDemoReview(buildDemoOrganisation(ladder), ladder, {
      isRatable: (levelId, id) => applicableCompetencyIds(ladder, levelId).includes(id),
      k: K,
    });
    expect(again).toEqual(plan);
  });
});
