import { expect, it } from "vitest";
import { emptyPlanContent, type CareerPlanContent } from "@ascent/core";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleCareerPlanRepository, DrizzleGoalRepository } from "./growth-plans.repository.ts";

function buildContent(overrides: Partial<CareerPlanContent> = {}): CareerPlanContent {
  return {
    ...emptyPlanContent(),
    steps: [{ id: "s1", text: "Lead the pricing review", due: "2026-06-30", isDone: false }],
    ...overrides,
  };
}

describeEachDriver("career plan and goal repositories", (db) => {
  it("saves a plan, replaces its content, keeps sharing, and records reviews with the last review date", async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const plans = new DrizzleCareerPlanRepository(db().db);
    const owner = await people.create({ name: "Owner", email: "plan-owner@example.com" });

    expect(await plans.find(owner.id)).toBeNull();
    expect(await plans.setSharing(owner.id, true)).toBeNull();

    const first = await plans.save(owner.id, { content: buildContent(), cadence: "quarterly" });
    expect(first).toMatchObject({ personId: owner.id, cadence: "quarterly", isSharedWithManager: false });
    expect(first.lastReviewedAt).toBeNull();
    expect((await plans.setSharing(owner.id, true))?.isSharedWithManager).toBe(true);

    const replaced = buildContent({ steps: [] });
    const second = await plans.save(owner.id, { content: replaced, cadence: "monthly" });
    expect(second.content).toEqual(replaced);
    expect(second).toMatchObject({ cadence: "monthly", isSharedWithManager: true });
    expect(second.createdAt.getTime()).toBe(first.createdAt.getTime());

    const reviewedAt = new Date("2026-03-01T10:00:00Z");
    const review = await plans.recordReview({ personId: owner.id, reviewedAt, content: replaced, note: "Q1" });
    await plans.recordReview({
      personId: owner.id,
      reviewedAt: new Date("2026-06-01T10:00:00Z"),
      content: buildContent(),
      note: "",
    });
    expect((await plans.find(owner.id))?.lastReviewedAt?.toISOString()).toBe("2026-06-01T10:00:00.000Z");
    const reviews = await plans.listReviews(owner.id);
    expect(reviews.map((r) => [r.id, r.note])).toEqual([
      [review.id, "Q1"],
      [reviews[1]?.id, ""],
    ]);
    expect(reviews[0]?.content).toEqual(replaced);
    expect(reviews[0]?.reviewedAt.toISOString()).toBe(reviewedAt.toISOString());
  });

  it("stores goals with check-ins, filters shared ones, and marks only active goals achieved", async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const goals = new DrizzleGoalRepository(db().db);
    const owner = await people.create({ name: "Goal owner", email: "goal-owner@example.com" });
    const base = { personId: owner.id, title: "Grow", actions: [], due: null, isSharedWithManager: true };

    const shared = await goals.create({
      ...base,
      competencyId: "leadership",
      from: 2.5,
      target: 4,
      due: "2026-09-30",
      actions: [{ id: "a1", text: "Run the offsite", isDone: false }],
    });
    const secret = await goals.create({
      ...base,
      competencyId: "communication",
      from: null,
      target: 3,
      isSharedWithManager: false,
    });
    expect(shared).toMatchObject({ from: 2.5, target: 4, due: "2026-09-30", status: "active", checkIns: [] });
    expect(secret.from).toBeNull();

    await goals.addCheckIn({ goalId: shared.id, at: new Date("2026-02-01T00:00:00Z"), progress: 40, note: "Started" });
    await goals.addCheckIn({ goalId: shared.id, at: new Date("2026-01-15T00:00:00Z"), progress: null, note: "Plan" });
    const found = await goals.findById(shared.id);
    expect(found?.checkIns.map((c) => [c.note, c.progress])).toEqual([
      ["Plan", null],
      ["Started", 40],
    ]);
    expect(found?.actions).toEqual([{ id: "a1", text: "Run the offsite", isDone: false }]);

    expect((await goals.listForPerson(owner.id)).map((g) => g.id)).toEqual([shared.id, secret.id]);
    expect((await goals.listForPerson(owner.id, { sharedOnly: true })).map((g) => g.id)).toEqual([shared.id]);

    const dropped = await goals.update(secret.id, { status: "dropped", title: "Later" });
    expect(dropped).toMatchObject({ status: "dropped", title: "Later" });

    const at = new Date("2026-05-01T00:00:00Z");
    await goals.markAchieved([shared.id, secret.id], at);
    expect((await goals.findById(shared.id))?.achievedAt?.toISOString()).toBe(at.toISOString());
    expect((await goals.findById(shared.id))?.status).toBe("achieved");
    expect((await goals.findById(secret.id))?.status).toBe("dropped");

    await goals.delete(shared.id);
    expect(await goals.findById(shared.id)).toBeNull();
  });
});
