import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { isAppError } from "../errors/app-error.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Person } from "../people/person.ts";
import type { CompetencyReadiness } from "../readiness/readiness.ts";
import type { PersonReadiness } from "../readiness/readiness-service.ts";
import type { DevelopmentGoal, GoalCheckIn, NewGoal } from "./development-goal.ts";
import { GoalService } from "./goal-service.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";
import type { GoalRepository } from "./ports.ts";

function buildPerson(id: string, managerId: string | null): Person {
  const at = new Date("2026-01-01T00:00:00Z");
  return {
    id,
    name: id,
    email: `${id}@example.com`,
    title: "",
    levelId: "pm",
    managerId,
    team: "",
    status: "active",
    isDemo: false,
    createdAt: at,
    updatedAt: at,
  };
}

const viewer = (personId: string): Viewer => ({ personId, name: personId, isAdmin: false, via: "session" });

/** In-memory goals, enough to run the service's rules. */
class MemoryGoals implements GoalRepository {
  readonly rows = new Map<string, DevelopmentGoal>();
  private next = 0;

  async create(goal: NewGoal): Promise<DevelopmentGoal> {
    const created: DevelopmentGoal = {
      ...goal,
      id: `goal-${++this.next}`,
      status: "active",
      createdAt: new Date("2026-01-01T00:00:00Z"),
      achievedAt: null,
      checkIns: [],
    };
    this.rows.set(created.id, created);
    return created;
  }
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async listForPerson(personId: string) {
    return [...this.rows.values()].filter((goal) => goal.personId === personId);
  }
  async update(id: string, patch: Partial<DevelopmentGoal>) {
    const updated = { ...this.rows.get(id)!, ...patch };
    this.rows.set(id, updated);
    return updated;
  }
  async markAchieved(ids: readonly string[], at: Date) {
    for (const id of ids) await this.update(id, { status: "achieved", achievedAt: at });
  }
  async addCheckIn(checkIn: Omit<GoalCheckIn, "id">): Promise<GoalCheckIn> {
    return { ...checkIn, id: "check-in" };
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
}

function entry(competencyId: string, expected: number, observed: number | null): CompetencyReadiness {
  return {
    competencyId,
    expected,
    weight: 1,
    observed,
    groups: { self: null, manager: null, peer: null, upward: null },
    comments: { peer: null, upward: null },
    isCorroborated: false,
    gap: observed === null ? null : expected - observed,
    status: "below",
    flags: [],
    evidence: [],
  };
}

/**
 * The ladder: pm → director → vp; "communication" does not apply at the director level (weight 0),
 * so readiness for the next level leaves it out and the service must read it elsewhere.
 */
function setUp(observed: Record<string, number | null>) {
  const framework = buildFramework();
  framework.expectations.director!.communication!.weight = 0;
  const people = new Map([
    ["manager", buildPerson("manager", null)],
    ["owner", buildPerson("owner", "manager")],
    ["outsider", buildPerson("outsider", null)],
  ]);
  const readinessCalls: (string | undefined)[] = [];
  const goals = new MemoryGoals();
  const audit = new InMemoryAuditLog();
  const service = new GoalService({
    goals,
    people: {
      findById: async (id) => people.get(id) ?? null,
      chainAbove: async (id) => {
        const managerId = people.get(id)?.managerId;
        return managerId ? [people.get(managerId)!] : [];
      },
    },
    activeFramework: async () => ({ document: framework, version: 1 }),
    readiness: {
      forPerson: async (_personId, options) => {
        readinessCalls.push(options.targetLevelId);
        const levelId = options.targetLevelId ?? "director";
        const row = framework.expectations[levelId] ?? {};
        const competencies = Object.entries(row)
          .filter(([, expectation]) => expectation.weight > 0)
          .map(([id, expectation]) => entry(id, expectation.expected, observed[id] ?? null));
        return { targetLevelId: levelId, competencies } as unknown as PersonReadiness;
      },
    },
    audit,
    now: () => new Date("2026-05-01T00:00:00Z"),
  });
  return { service, goals, readinessCalls, audit };
}

describe("GoalService", () => {
  it("makes a goal from the gap at the next level, from the observed value to the expectation", async () => {
    const { service } = setUp({ leadership: 2.25 });
    const { goal } = await service.create(viewer("owner"), "owner", { competencyId: "leadership" });
    expect(goal).toMatchObject({ from: 2.25, target: 3, isSharedWithManager: true });
  });

  it("reads a competency that the next level leaves out at a level where it applies, then marks it achieved", async () => {
    const { service, readinessCalls } = setUp({ communication: 4, leadership: 2 });
    await service.create(viewer("owner"), "owner", { competencyId: "communication", target: 4, from: 3 });
    await service.create(viewer("owner"), "owner", { competencyId: "leadership", target: 3 });
    readinessCalls.length = 0;

    const view = await service.list(viewer("owner"), "owner");
    expect(readinessCalls).toEqual([undefined, "vp"]);
    expect(view.observed).toEqual({ communication: 4, leadership: 2 });
    expect(view.goals.map((g) => [g.competencyId, g.status, g.achievedAt?.toISOString() ?? null])).toEqual([
      ["communication", "achieved", "2026-05-01T00:00:00.000Z"],
      ["leadership", "active", null],
    ]);
  });

  it("shows a manager above only the shared goals, and refuses anyone outside the chain", async () => {
    const { service, audit } = setUp({});
    await service.create(viewer("owner"), "owner", { competencyId: "leadership", target: 3 });
    await service.create(viewer("owner"), "owner", {
      competencyId: "strategy",
      target: 3,
      isSharedWithManager: false,
    });
    const managerView = await service.list(viewer("manager"), "owner");
    expect(managerView.scope).toBe("shared");
    expect(managerView.goals.map((g) => g.competencyId)).toEqual(["leadership"]);
    expect(Object.keys(managerView.observed)).toEqual(["leadership"]);
    // DESIGN §5: the manager's read is logged for the owner.
    expect(audit.events.map((e) => [e.action, e.actorId, e.subjectId, e.targetId])).toEqual([
      ["plan.read", "manager", "owner", "development-goals"],
    ]);

    const refused = await service.list(viewer("outsider"), "owner").catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("forbidden");
    const foreign = await service.delete(viewer("manager"), "goal-1").catch((e: unknown) => e);
    expect(isAppError(foreign) && foreign.code).toBe("not_found");
  });
});
