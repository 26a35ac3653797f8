import { describe, expect, it } from "vitest";
import { selectPopulation, type PopulationCandidate, type ReviewCycle } from "./cycle.ts";
import { computeProgress } from "./cycle-progress.ts";

const at = (d: number) => new Date(Date.UTC(2026, 3, d, 9));
const person = (id: string, over: Partial<PopulationCandidate> = {}): PopulationCandidate => ({
  id,
  name: id,
  team: "Core",
  levelId: "pm",
  managerId: null,
  createdAt: at(1),
  ...over,
});

describe("selectPopulation", () => {
  const org = [
    person("cpo", { levelId: "cpo", team: "Exec" }),
    person("dir", { levelId: "director", managerId: "cpo" }),
    person("ana", { managerId: "dir" }),
    person("bo", { managerId: "dir", team: "Growth", createdAt: at(20) }),
    person("cy", { team: "Growth", levelId: null }),
  ];
  const ids = (filter: Parameters<typeof selectPopulation>[1], levels?: Map<string, string[]>) =>
    selectPopulation(org, filter, levels).map((p) => p.id);

  it("takes everyone for an empty filter and narrows by each list given", () => {
    expect(ids({})).toEqual(["cpo", "dir", "ana", "bo", "cy"]);
    expect(ids({ teams: ["Growth"] })).toEqual(["bo", "cy"]);
    expect(ids({ levels: ["pm"] })).toEqual(["ana", "bo"]);
    expect(ids({ teams: ["Growth"], levels: ["pm"] })).toEqual(["bo"]);
    expect(ids({ startedBefore: at(10) })).toEqual(["cpo", "dir", "ana", "cy"]);
  });

  it("takes everyone below a manager, at any depth, but not the manager", () => {
    expect(ids({ managers: ["cpo"] })).toEqual(["dir", "ana", "bo"]);
    expect(ids({ managers: ["dir"] })).toEqual(["ana", "bo"]);
  });

  it("matches frameworks through their level ids", () => {
    expect(ids({ frameworks: ["exec"] }, new Map([["exec", ["cpo", "director"]]]))).toEqual(["cpo", "dir"]);
  });
});

describe("computeProgress", () => {
  const cycle: ReviewCycle = {
    id: "c1",
    name: "Spring",
    status: "active",
    population: {},
    frameworkVersion: 1,
    nominationsMin: 1,
    nominationsMax: 3,
    startsAt: at(1),
    endsAt: at(30),
    closedAt: null,
    releasedAt: null,
    createdBy: null,
    createdAt: at(1),
    phases: [
      { kind: "self", opensAt: at(1), dueAt: at(10), closedAt: null },
      { kind: "nomination", opensAt: at(1), dueAt: at(12), closedAt: null },
      { kind: "manager", opensAt: at(5), dueAt: at(20), closedAt: null },
    ],
  };
  const participants = ["ana", "bo"].map((personId) => ({
    cycleId: "c1",
    personId,
    managerId: "dir",
    joinedAt: at(1),
    leftAt: null,
  }));
  const names = new Map([
    ["ana", { name: "Ana", team: "Core" }],
    ["bo", { name: "Bo", team: "Growth" }],
    ["dir", { name: "Dana", team: "Core" }],
  ]);
  const nomination = (subjectId: string, status: "proposed" | "approved") => ({
    id: `${subjectId}-${status}`,
    cycleId: "c1",
    subjectId,
    nomineeId: "x",
    relation: "peer" as const,
    status,
    proposedBy: subjectId,
    decidedBy: null,
    decidedAt: null,
    feedbackRequestId: null,
    createdAt: at(2),
  });
  const assessments = new Map([
    ["ana", { self: "submitted" as const, manager: "draft" as const }],
    ["bo", { self: "draft" as const, manager: null }],
  ]);

  it("counts done, in progress and not started before the deadlines", () => {
    const result = computeProgress({
      cycle,
      participants,
      names,
      nominations: [nomination("ana", "approved"), nomination("bo", "proposed")],
      assessments,
      now: at(6),
    });
    expect(result.people.map((p) => [p.personId, p.phases])).toEqual([
      ["ana", { self: "done", nomination: "done", manager: "in-progress" }],
      ["bo", { self: "in-progress", nomination: "in-progress", manager: "not-started" }],
    ]);
    expect(result.byPhase.self).toEqual({ done: 1, inProgress: 1, notStarted: 0, late: 0 });
    expect(result.byTeam.map((t) => [t.name, t.counts.done])).toEqual([
      ["Core", 2],
      ["Growth", 0],
    ]);
    expect(result.byManager).toEqual([
      { key: "dir", name: "Dana", counts: { done: 2, inProgress: 3, notStarted: 1, late: 0 } },
    ]);
  });

  it("marks unfinished work late after the due date, by the clock given, and lists whom to remind", () => {
    const result = computeProgress({ cycle, participants, names, nominations: [], assessments, now: at(11) });
    expect(result.people.find((p) => p.personId === "bo")?.phases).toEqual({
      self: "late",
      nomination: "not-started",
      manager: "not-started",
    });
    const bo = result.toRemind.filter((r) => r.aboutId === "bo").map((r) => [r.personId, r.phase, r.state]);
    expect(bo).toEqual([
      ["bo", "self", "late"],
      ["bo", "nomination", "not-started"],
      ["dir", "manager", "not-started"],
    ]);
  });

  it("does not remind about a closed phase or one not open yet", () => {
    const closed = {
      ...cycle,
      phases: cycle.phases.map((p) => (p.kind === "self" ? { ...p, closedAt: at(3) } : p)),
    };
    const result = computeProgress({ cycle: closed, participants, names, nominations: [], assessments, now: at(4) });
    expect(result.toRemind.map((r) => r.phase)).toEqual(["nomination", "nomination"]);
  });
});
