import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Person } from "../people/person.ts";
import { DEFAULT_READINESS_SETTINGS, type SubmittedRating } from "../readiness/readiness.ts";
import type { CalibrationAdjustment, CalibrationSession, NineBoxPlacement, StoredPlacement } from "./calibration.ts";
import { CalibrationService } from "./calibration-service.ts";
import type { CalibrationRepository, CalibrationRating } from "./ports.ts";

const NOW = new Date("2026-05-04T10:00:00Z");
const CYCLE = "cycle-1";
const COMPETENCIES = ["strategy", "leadership", "communication"];

const person = (id: string, overrides: Partial<Person> = {}): Person => ({
  id,
  name: id,
  email: `${id}@x.test`,
  title: "PM",
  levelId: "pm",
  managerId: "dana",
  team: "Growth",
  status: "active",
  isDemo: false,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});
const viewer = (personId: string, isAdmin = false): Viewer => ({ personId, name: personId, isAdmin, via: "session" });

/** An in-memory repository that counts its reads, so the test can see the batch reads stay batched. */
class FakeCalibrationRepository implements CalibrationRepository {
  sessions = new Map<string, CalibrationSession>();
  adjustmentRows: CalibrationAdjustment[] = [];
  placementRows = new Map<string, StoredPlacement>();
  reads = { cycleRatings: 0, peopleInScope: 0 };
  constructor(
    readonly people: Person[],
    readonly ratings: CalibrationRating[],
  ) {}
  async cycleExists(cycleId: string) {
    return cycleId === CYCLE;
  }
  async peopleInScope(scope: { levelIds?: string[] }) {
    this.reads.peopleInScope += 1;
    return this.people.filter((p) => p.status === "active" && (!scope.levelIds || scope.levelIds.includes(p.levelId!)));
  }
  async createSession(session: Omit<CalibrationSession, "id" | "status" | "createdAt" | "closedAt" | "closedBy">) {
    const stored = {
      ...session,
      id: `s${this.sessions.size + 1}`,
      status: "open" as const,
      createdAt: NOW,
      closedAt: null,
      closedBy: null,
    };
    this.sessions.set(stored.id, stored);
    return stored;
  }
  async findSession(id: string) {
    return this.sessions.get(id) ?? null;
  }
  async listSessions() {
    return [...this.sessions.values()];
  }
  async cycleRatings(_cycleId: string, subjectIds: string[]) {
    this.reads.cycleRatings += 1;
    return this.ratings.filter((r) => subjectIds.includes(r.subjectId));
  }
  async adjustments(sessionId: string) {
    return this.adjustmentRows.filter((a) => a.sessionId === sessionId);
  }
  async adjustmentsAbout(subjectIds: string[]) {
    return this.adjustmentRows.filter((a) => subjectIds.includes(a.subjectId)).reverse();
  }
  async placements() {
    return [...this.placementRows.values()];
  }
  async addAdjustment(adjustment: Omit<CalibrationAdjustment, "id">, box?: NineBoxPlacement) {
    if (this.sessions.get(adjustment.sessionId)?.status !== "open") return null;
    const stored = { ...adjustment, id: this.adjustmentRows.length + 1 };
    this.adjustmentRows.push(stored);
    if (box) {
      const before = this.placementRows.get(adjustment.subjectId);
      this.placementRows.set(adjustment.subjectId, {
        subjectId: adjustment.subjectId,
        performance: before?.performance ?? null,
        potential: before?.potential ?? null,
        calibrated: box,
        reason: adjustment.reason,
        isFrozen: false,
      });
    }
    return stored;
  }
  async close(
    sessionId: string,
    by: string,
    at: Date,
    frozen: { subjectId: string; performance: number; potential: number }[],
  ) {
    const session = this.sessions.get(sessionId);
    if (session?.status !== "open") return false;
    this.sessions.set(sessionId, { ...session, status: "closed", closedAt: at, closedBy: by });
    for (const f of frozen) {
      const before = this.placementRows.get(f.subjectId);
      this.placementRows.set(f.subjectId, {
        subjectId: f.subjectId,
        performance: f.performance,
        potential: f.potential,
        calibrated: before?.calibrated ?? null,
        reason: before?.reason ?? null,
        isFrozen: true,
      });
    }
    return true;
  }
}

/**
 * PMs rated 2 on every competency by Dana: at PM (expected 2) that is a score of 1, high performance;
 * at Director (expected 3) 2/3, medium potential under the default thresholds.
 */
function setup(count = 3) {
  const people = [
    person("dana", { name: "Dana Director", levelId: "director", managerId: null }),
    ...Array.from({ length: count }, (_, i) => person(`pm${i}`)),
  ];
  const pms = people.filter((p) => p.levelId === "pm");
  const cycleRatings: CalibrationRating[] = pms.flatMap((p) =>
    COMPETENCIES.map((competencyId) => ({
      subjectId: p.id,
      raterId: "dana",
      relation: "manager" as const,
      competencyId,
      score: 2,
    })),
  );
  const peerRating = (subjectId: string, n: number): SubmittedRating[] =>
    Array.from({ length: n }, (_, i) => ({
      assessmentId: `peer-${subjectId}-${i}`,
      raterId: `anon-${i}`,
      relation: "peer" as const,
      competencyId: "strategy",
      score: 2 + i,
      submittedAt: new Date("2026-04-01Z"),
      releaseK: 3,
      comment: `words of peer ${i}`,
    }));
  let countableCalls = 0;
  const repository = new FakeCalibrationRepository(people, cycleRatings);
  const audit = new InMemoryAuditLog();
  const notified: { recipientId: string; kind: string; subject: string; link: string; body?: string }[] = [];
  const service = new CalibrationService({
    calibration: repository,
    people: {
      findById: async (id) => people.find((p) => p.id === id) ?? null,
      list: async (filter) => {
        const found = people.filter((p) => !filter?.ids || filter.ids.includes(p.id));
        return { people: found, total: found.length };
      },
      reportsBelow: async (id) => people.filter((p) => p.managerId === id).map((p) => ({ person: p, depth: 1 })),
    },
    assessments: {
      countableRatings: async (ids) => {
        countableCalls += 1;
        return new Map(
          ids.map((id) => [
            id,
            [
              ...cycleRatings
                .filter((r) => r.subjectId === id)
                .map((r) => ({
                  ...r,
                  assessmentId: `m-${id}`,
                  relation: r.relation,
                  submittedAt: new Date("2026-04-20Z"),
                })),
              // pm0 has a release of three peers; pm1 one of two, under k.
              ...(id === "pm0" ? peerRating(id, 3) : id === "pm1" ? peerRating(id, 2) : []),
            ],
          ]),
        );
      },
    },
    readiness: {
      framework: async () => ({ document: buildFramework(), version: 1 }),
      settings: async () => DEFAULT_READINESS_SETTINGS,
    },
    settings: { get: async () => null, set: async () => undefined },
    audit,
    notify: async (recipientId, { kind, subject, link, email }) =>
      void notified.push({ recipientId, kind, subject, link, ...(email ? { body: email.body } : {}) }),
    now: () => NOW,
  });
  return { service, repository, audit, notified, countable: () => countableCalls };
}

async function openSession(service: CalibrationService) {
  return service.createSession(viewer("admin", true), {
    cycleId: CYCLE,
    name: "PMs",
    scope: { levelIds: ["pm"] },
    facilitatorId: "dana",
    guideline: { low: 0.25, medium: 0.5, high: 0.25 },
  });
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("CalibrationService", () => {
  it("defaults the participants to the managers in scope, and only an admin opens a session", async () => {
    const { service, audit } = setup();
    const session = await openSession(service);
    expect(session.participantIds).toEqual(["dana"]);
    expect(audit.events.map((e) => e.action)).toEqual(["calibration.session.create"]);
    expect(
      await codeOf(
        service.createSession(viewer("dana"), { cycleId: CYCLE, name: "x", scope: {}, facilitatorId: "dana" }),
      ),
    ).toBe("forbidden");
    expect(
      await codeOf(
        service.createSession(viewer("admin", true), { cycleId: "nope", name: "x", scope: {}, facilitatorId: "dana" }),
      ),
    ).toBe("not_found");
  });

  it("shows performance, potential and their boxes, with peer aggregates only at k or more", async () => {
    const { service } = setup();
    const session = await openSession(service);
    const loaded = await service.loadSession(viewer("dana"), session.id);
    const pm0 = loaded.people.find((p) => p.personId === "pm0")!;
    expect(pm0.performance).toMatchObject({ targetLevelId: "pm", score: 1 });
    expect(pm0.potential.targetLevelId).toBe("director");
    expect(pm0.box).toEqual({ performance: "high", potential: "medium" });
    expect(pm0.competencies.find((c) => c.competencyId === "strategy")!.peer).toEqual({ mean: 3, count: 3 });
    const pm1 = loaded.people.find((p) => p.personId === "pm1")!;
    expect(pm1.competencies.find((c) => c.competencyId === "strategy")!.peer).toMatchObject({ hidden: true });
    expect(JSON.stringify(loaded)).not.toContain("words of peer");
    expect(pm0.managerRaterEffect).toBeNull();
    // The manager is named, though a participant may not read her profile.
    expect(loaded.names).toEqual({ dana: "Dana Director" });
  });

  it("feeds calibrated ratings into readiness and records from, to, who and why", async () => {
    const { service, audit } = setup();
    const session = await openSession(service);
    for (const competencyId of COMPETENCIES) {
      await service.adjustRating(viewer("dana"), session.id, {
        subjectId: "pm2",
        competencyId,
        to: 3,
        reason: " Led it ",
      });
    }
    const pm2 = (await service.loadSession(viewer("dana"), session.id)).people.find((p) => p.personId === "pm2")!;
    expect(pm2.potential.score).toBeCloseTo(1);
    expect(pm2.box.potential).toBe("high");
    expect(pm2.competencies[0]).toMatchObject({ managerRating: 2, calibratedRating: 3 });
    const event = audit.events.at(-1)!;
    expect(event).toMatchObject({
      action: "calibration.rating.adjust",
      actorId: "dana",
      subjectId: "pm2",
      details: expect.objectContaining({ from: 2, to: 3, reason: "Led it" }),
    });
    const again = await service.adjustRating(viewer("dana"), session.id, {
      subjectId: "pm2",
      competencyId: "strategy",
      to: 4,
      reason: "Second look",
    });
    expect(again).toMatchObject({ from: 3, to: 4 });
    const seen = await service.listAdjustmentsForManager(viewer("dana"));
    expect(seen.map((a) => [a.reason, a.byName])).toEqual([
      ["Second look", "Dana Director"],
      ["Led it", "Dana Director"],
      ["Led it", "Dana Director"],
      ["Led it", "Dana Director"],
    ]);
  });

  it("tells the manager when someone else calibrates their report's rating, and keeps the reason in the app", async () => {
    const { service, notified } = setup();
    const session = await openSession(service);
    await service.adjustRating(viewer("dana"), session.id, {
      subjectId: "pm1",
      competencyId: "strategy",
      to: 3,
      reason: "Own change",
    });
    expect(notified).toHaveLength(0);
    await service.adjustRating(viewer("admin", true), session.id, {
      subjectId: "pm2",
      competencyId: "strategy",
      to: 4,
      reason: "Secret reasoning",
    });
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({ recipientId: "dana", kind: "calibration.adjusted", link: "/team/pm2" });
    expect(notified[0]?.body).toContain("from 2 to 4");
    expect(JSON.stringify(notified)).not.toContain("Secret reasoning");
  });

  it("refuses a missing reason, someone out of scope, a value off the scale and a non-member", async () => {
    const { service, repository } = setup();
    const session = await openSession(service);
    const adjust = (who: Viewer, body: { subjectId: string; to: number; reason?: string; competencyId?: string }) =>
      codeOf(service.adjustRating(who, session.id, { competencyId: "strategy", ...body }));
    expect(await adjust(viewer("dana"), { subjectId: "pm0", to: 3 })).toBe("validation_failed");
    expect(await adjust(viewer("dana"), { subjectId: "pm0", to: 3, reason: "  " })).toBe("validation_failed");
    expect(await adjust(viewer("dana"), { subjectId: "dana", to: 3, reason: "x" })).toBe("validation_failed");
    expect(await adjust(viewer("dana"), { subjectId: "pm0", to: 9, reason: "x" })).toBe("validation_failed");
    expect(await adjust(viewer("dana"), { subjectId: "pm0", to: 3, reason: "x", competencyId: "nope" })).toBe(
      "validation_failed",
    );
    expect(await adjust(viewer("pm1"), { subjectId: "pm0", to: 3, reason: "x" })).toBe("forbidden");
    expect(await codeOf(service.loadSession(viewer("pm1"), session.id))).toBe("forbidden");
    expect(repository.adjustmentRows).toEqual([]);
  });

  it("moves a person in the 9-box, counts the distribution per level and never forces the guideline", async () => {
    const { service } = setup(4);
    const session = await openSession(service);
    await service.moveInNineBox(viewer("dana"), session.id, {
      subjectId: "pm3",
      to: { performance: "medium", potential: "low" },
      reason: "Quiet quarter",
    });
    const [row] = await service.distribution(viewer("dana"), session.id, "performance");
    expect(row).toEqual({
      levelId: "pm",
      total: 4,
      counts: { low: 0, medium: 1, high: 3 },
      expected: { low: 1, medium: 2, high: 1 },
    });
    const cells = await service.nineBox(viewer("dana"), session.id);
    expect(cells).toHaveLength(9);
    expect(cells.find((c) => c.performance === "medium" && c.potential === "low")!.personIds).toEqual(["pm3"]);
    expect(
      await codeOf(
        service.moveInNineBox(viewer("dana"), session.id, {
          subjectId: "pm3",
          to: { performance: "medium", potential: "low" },
          reason: "Same",
        }),
      ),
    ).toBe("validation_failed");
  });

  it("freezes on closing: scores stay as closed, and every change after is a conflict", async () => {
    const { service } = setup();
    const session = await openSession(service);
    expect(await codeOf(service.closeSession(viewer("pm0"), session.id))).toBe("forbidden");
    const closed = await service.closeSession(viewer("dana"), session.id);
    expect(closed.isFrozen).toBe(true);
    expect(
      await codeOf(
        service.adjustRating(viewer("dana"), session.id, {
          subjectId: "pm0",
          competencyId: "strategy",
          to: 3,
          reason: "x",
        }),
      ),
    ).toBe("conflict");
    expect(await codeOf(service.closeSession(viewer("admin", true), session.id))).toBe("conflict");
    expect((await service.loadSession(viewer("dana"), session.id)).people.map((p) => p.performance.score)).toEqual(
      closed.people.map((p) => p.performance.score),
    );
  });

  it("reads in a fixed number of batches whatever the number of people", async () => {
    const small = setup(5);
    const large = setup(200);
    for (const { service } of [small, large]) {
      const session = await openSession(service);
      await service.loadSession(viewer("dana"), session.id);
    }
    expect(large.countable()).toBe(small.countable());
    expect(large.repository.reads).toEqual(small.repository.reads);
    expect(large.countable()).toBe(1);
  });
});
