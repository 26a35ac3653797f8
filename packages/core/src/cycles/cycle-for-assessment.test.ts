import { describe, expect, it } from "vitest";
import { cycleForAssessment, type CycleParticipant, type CyclePhase, type ReviewCycle } from "./cycle.ts";

const at = (d: number) => new Date(Date.UTC(2026, 3, d, 9));
const phase = (kind: CyclePhase["kind"], over: Partial<CyclePhase> = {}): CyclePhase => ({
  kind,
  opensAt: at(1),
  dueAt: at(10),
  closedAt: null,
  ...over,
});
const cycle = (id: string, over: Partial<ReviewCycle> = {}): ReviewCycle => ({
  id,
  name: id,
  status: "active",
  population: {},
  frameworkVersion: null,
  nominationsMin: 0,
  nominationsMax: 5,
  startsAt: at(1),
  endsAt: at(30),
  closedAt: null,
  releasedAt: null,
  createdBy: null,
  createdAt: at(1),
  phases: [phase("self"), phase("manager", { opensAt: at(5) })],
  ...over,
});
const member = (c: ReviewCycle, over: Partial<CycleParticipant> = {}) => ({
  cycle: c,
  participant: { cycleId: c.id, personId: "mia", managerId: "dana", joinedAt: at(1), leftAt: null, ...over },
});

describe("cycleForAssessment", () => {
  it("files an assessment under the cycle whose phase of that kind is open, late or not", () => {
    const spring = [member(cycle("spring"))];
    expect(cycleForAssessment(spring, "self", at(3))).toBe("spring");
    expect(cycleForAssessment(spring, "self", at(20))).toBe("spring");
    expect(cycleForAssessment(spring, "manager", at(3))).toBeNull();
    expect(cycleForAssessment(spring, "manager", at(6))).toBe("spring");
  });

  it("leaves it outside any cycle once the phase is closed, the cycle is not active or the person left", () => {
    const closedPhase = cycle("a", { phases: [phase("self", { closedAt: at(4) })] });
    expect(cycleForAssessment([member(closedPhase)], "self", at(5))).toBeNull();
    expect(cycleForAssessment([member(cycle("b", { status: "released" }))], "self", at(5))).toBeNull();
    expect(cycleForAssessment([member(cycle("c"), { leftAt: at(2) })], "self", at(5))).toBeNull();
    expect(cycleForAssessment([], "self", at(5))).toBeNull();
  });

  it("takes the latest to start when two cycles are open at once", () => {
    const early = cycle("early");
    const late = cycle("late", { startsAt: at(3) });
    expect(cycleForAssessment([member(early), member(late)], "self", at(5))).toBe("late");
    expect(cycleForAssessment([member(late), member(early)], "self", at(5))).toBe("late");
  });
});
