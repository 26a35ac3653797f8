import { expect, it } from "vitest";
import type { Agenda } from "@ascent/core";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleMentorAvailabilityRepository, DrizzleOneOnOneRepository } from "./one-on-ones.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

const agenda = (carried: Agenda["carriedOver"] = []): Agenda => ({
  playbook: {
    id: "pm-director",
    name: "PM and Director",
    lowerLevelId: "pm",
    upperLevelId: "director",
    isNearestPair: false,
  },
  aspects: [
    { id: "alignment", name: "Alignment", leadBrings: "Strategy.", reportBrings: "Insight.", prompts: ["Why?"] },
  ],
  carriedOver: carried,
});

describeEachDriver("1:1s, private notes, health checks and mentor opt-outs", (db) => {
  let counter = 0;
  const setup = async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const n = ++counter;
    const dana = await people.create({ name: "Dana", email: `dana-${n}@x.test`, levelId: "director" });
    const mia = await people.create({ name: "Mia", email: `mia-${n}@x.test`, levelId: "pm", managerId: dana.id });
    const pia = await people.create({ name: "Pia", email: `pia-${n}@x.test`, levelId: "pm", managerId: dana.id });
    return { dana, mia, pia, repository: new DrizzleOneOnOneRepository(db().db) };
  };

  it("stores a 1:1 with its agenda and action items, and lists a person's and a pair's, newest first", async () => {
    const { dana, mia, pia, repository } = await setup();
    const item = { id: "item-1", text: "Draft the roadmap", ownerId: mia.id, isDone: false };
    const first = await repository.create({
      leadId: dana.id,
      reportId: mia.id,
      scheduledAt: new Date("2026-03-02T09:00:00Z"),
      agenda: agenda(),
      actionItems: [],
    });
    const second = await repository.create({
      leadId: dana.id,
      reportId: mia.id,
      scheduledAt: new Date("2026-03-16T09:00:00Z"),
      agenda: agenda([item]),
      actionItems: [item],
    });
    const withPia = await repository.create({
      leadId: dana.id,
      reportId: pia.id,
      scheduledAt: new Date("2026-03-09T09:00:00Z"),
      agenda: agenda(),
      actionItems: [],
    });
    expect(await repository.findById(second.id)).toEqual(second);
    expect(second).toMatchObject({ sharedNotes: "", agenda: agenda([item]), actionItems: [item] });
    expect((await repository.listForPerson(dana.id)).map((o) => o.id)).toEqual([second.id, withPia.id, first.id]);
    expect((await repository.listForPerson(mia.id, { withPersonId: dana.id })).map((o) => o.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect(await repository.listForPerson(mia.id, { withPersonId: pia.id })).toEqual([]);
    // Either side leading, the pair's latest before a moment.
    expect((await repository.latestBefore(mia.id, dana.id, new Date("2026-03-10T00:00:00Z")))?.id).toBe(first.id);
    expect(await repository.latestBefore(dana.id, mia.id, new Date("2026-03-02T09:00:00Z"))).toBeNull();
  });

  it("updates shared notes and action items", async () => {
    const { dana, mia, repository } = await setup();
    const created = await repository.create({
      leadId: dana.id,
      reportId: mia.id,
      scheduledAt: new Date("2026-03-02T09:00:00Z"),
      agenda: agenda(),
      actionItems: [],
    });
    const items = [{ id: "a", text: "Send notes", ownerId: dana.id, isDone: true }];
    const updated = await repository.update(created.id, { sharedNotes: "<b>kept as text</b>", actionItems: items });
    expect(updated).toMatchObject({ sharedNotes: "<b>kept as text</b>", actionItems: items });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it("keeps one private note per author and 1:1, found only by that author", async () => {
    const { dana, mia, repository } = await setup();
    const created = await repository.create({
      leadId: dana.id,
      reportId: mia.id,
      scheduledAt: new Date("2026-03-02T09:00:00Z"),
      agenda: agenda(),
      actionItems: [],
    });
    await repository.savePrivateNote(created.id, dana.id, "first");
    const saved = await repository.savePrivateNote(created.id, dana.id, "second");
    expect(saved).toMatchObject({ oneOnOneId: created.id, authorId: dana.id, body: "second" });
    expect((await repository.findPrivateNote(created.id, dana.id))?.body).toBe("second");
    expect(await repository.findPrivateNote(created.id, mia.id)).toBeNull();
  });

  it("keeps every health check, oldest first", async () => {
    const { dana, mia, repository } = await setup();
    const created = await repository.create({
      leadId: dana.id,
      reportId: mia.id,
      scheduledAt: new Date("2026-03-02T09:00:00Z"),
      agenda: agenda(),
      actionItems: [],
    });
    await repository.addHealthCheck({
      oneOnOneId: created.id,
      raterId: mia.id,
      ratings: { alignment: 2 },
      at: new Date("2026-03-02T10:00:00Z"),
    });
    await repository.addHealthCheck({
      oneOnOneId: created.id,
      raterId: dana.id,
      ratings: { alignment: 5 },
      at: new Date("2026-03-02T09:30:00Z"),
    });
    const checks = await repository.listHealthChecks([created.id]);
    expect(checks.map((c) => [c.raterId, c.ratings])).toEqual([
      [dana.id, { alignment: 5 }],
      [mia.id, { alignment: 2 }],
    ]);
    expect(await repository.listHealthChecks([])).toEqual([]);
  });

  it("records mentor opt-outs and opt-ins, idempotently", async () => {
    const { dana, mia, pia } = await setup();
    const availability = new DrizzleMentorAvailabilityRepository(db().db);
    expect(await availability.isOptedOut(dana.id)).toBe(false);
    await availability.setOptedOut(dana.id, true);
    await availability.setOptedOut(dana.id, true);
    await availability.setOptedOut(pia.id, true);
    expect(await availability.isOptedOut(dana.id)).toBe(true);
    expect((await availability.listOptedOut([dana.id, mia.id, pia.id])).sort()).toEqual([dana.id, pia.id].sort());
    await availability.setOptedOut(dana.id, false);
    expect(await availability.listOptedOut([dana.id, mia.id])).toEqual([]);
    expect(await availability.listOptedOut([])).toEqual([]);
  });
});
