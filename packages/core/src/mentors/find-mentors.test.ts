import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import type { Person } from "../people/person.ts";
import type { ReadinessSnapshot } from "../readiness/ports.ts";
import { buildSevenLevelLadder } from "../one-on-ones/one-on-ones.fixtures.ts";
import { findMentors, type FindMentorsInput } from "./find-mentors.ts";
import { MentorService, type MentorPorts } from "./mentor-service.ts";
import { accessFromReportingChain } from "../access/access.fixtures.ts";

// The fixture expects 1 at PM, 2 at Senior PM and Director, 3 at Senior Director and Head, 4 at VP and CPO.
const framework = buildSevenLevelLadder();

function buildPerson(overrides: Partial<Person> & Pick<Person, "id">): Person {
  const now = new Date();
  return {
    name: overrides.id,
    email: `${overrides.id}@example.com`,
    title: `${overrides.levelId ?? "no"} title`,
    levelId: null,
    managerId: null,
    team: "Product",
    status: "active",
    isDemo: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

// vic (VP) ← dana (Director) ← mia (PM, the person with the gap) ← intern (PM); others elsewhere.
const people = [
  buildPerson({ id: "vic", levelId: "vp" }),
  buildPerson({ id: "dana", levelId: "director", managerId: "vic" }),
  buildPerson({ id: "mia", levelId: "pm", managerId: "dana" }),
  buildPerson({ id: "intern", levelId: "director", managerId: "mia" }),
  buildPerson({ id: "dora", levelId: "director" }),
  buildPerson({ id: "hana", levelId: "head" }),
  buildPerson({ id: "cleo", levelId: "cpo" }),
  buildPerson({ id: "sam", levelId: "senior-pm" }),
  buildPerson({ id: "weak", levelId: "vp" }),
  buildPerson({ id: "shy", levelId: "director" }),
  buildPerson({ id: "left", levelId: "director", status: "inactive" }),
  buildPerson({ id: "nolevel" }),
];

const strategy = (value: number | null) => ({ strategy: value });
const observed = new Map<string, Record<string, number | null>>([
  ["vic", strategy(5)],
  ["dana", strategy(5)],
  ["mia", strategy(1)],
  ["intern", strategy(5)],
  ["dora", strategy(2)],
  ["hana", strategy(4)],
  ["cleo", strategy(4)],
  ["sam", strategy(5)],
  ["weak", strategy(3)],
  ["shy", strategy(5)],
  ["left", strategy(5)],
  ["nolevel", strategy(5)],
]);

const input = (overrides: Partial<FindMentorsInput> = {}): FindMentorsInput => ({
  framework,
  personId: "mia",
  competencyId: "strategy",
  targetLevelId: "director",
  candidates: people,
  observed,
  optedOut: new Set(["shy"]),
  ...overrides,
});

const ids = (found: { person: Person }[]) => found.map((m) => m.person.id);

describe("findMentors", () => {
  it("suggests active people at or above the target who meet their own and the target's bar, best margin first", () => {
    // Margins over max(own, target): dana 3, intern 3, hana 1, vic 1, dora 0, cleo 0.
    expect(ids(findMentors(input()))).toEqual(["dana", "intern", "hana", "vic", "dora", "cleo"]);
  });

  it("leaves out people below the target, below their own level's bar, opted out, inactive or unmapped", () => {
    const found = ids(findMentors(input()));
    for (const id of ["sam", "weak", "shy", "left", "nolevel", "mia"]) expect(found).not.toContain(id);
  });

  it("leaves out the excluded chain when asked", () => {
    expect(ids(findMentors(input({ excluded: new Set(["vic", "dana", "intern"]) })))).toEqual(["hana", "dora", "cleo"]);
  });

  it("says why in words and never carries a number", () => {
    const [first, , third] = findMentors(input());
    expect(first?.reason).toBe("Meets the Director of Product expectation in Strategic thinking");
    expect(third?.reason).toBe(
      "Meets the Head of Product expectation in Strategic thinking, above the Director of Product target",
    );
    expect(Object.keys(first ?? {}).sort()).toEqual(["level", "person", "reason"]);
    expect(first?.reason).not.toMatch(/\d/);
  });

  it("refuses unknown competencies and levels", () => {
    expect(() => findMentors(input({ competencyId: "juggling" }))).toThrow(AppError);
    expect(() => findMentors(input({ targetLevelId: "astronaut" }))).toThrow(/Unknown target level/);
  });

  it("keeps to the limit", () => {
    expect(findMentors(input({ limit: 2 }))).toHaveLength(2);
  });
});

describe("MentorService", () => {
  const optedOut = new Set(["shy"]);
  const peoplePort: MentorPorts["people"] = {
    findById: async (id) => people.find((p) => p.id === id) ?? null,
    list: async (filter = {}) => {
      const found = people.filter(
        (p) => (!filter.ids || filter.ids.includes(p.id)) && (!filter.status || p.status === filter.status),
      );
      return { people: found, total: found.length };
    },
    chainAbove: async (id) => {
      const chain: Person[] = [];
      for (let p = people.find((x) => x.id === id); p?.managerId;) {
        p = people.find((x) => x.id === p?.managerId);
        if (p) chain.push(p);
      }
      return chain;
    },
    reportsBelow: async (id) => people.filter((p) => p.managerId === id).map((person) => ({ person, depth: 1 })),
  };
  const service = new MentorService({
    people: peoplePort,
    access: accessFromReportingChain(peoplePort),
    snapshots: {
      list: async () =>
        [...observed].map(([personId, values]): ReadinessSnapshot => ({
          personId,
          targetLevelId: "x",
          score: 0,
          verdict: "not-yet",
          observed: values,
          computedAt: new Date(),
          validUntil: null,
        })),
    },
    availability: {
      isOptedOut: async (id) => optedOut.has(id),
      setOptedOut: async (id, isOptedOut) => void (isOptedOut ? optedOut.add(id) : optedOut.delete(id)),
      listOptedOut: async (candidateIds) => candidateIds.filter((id) => optedOut.has(id)),
    },
    activeFramework: async () => ({ document: framework, version: 1 }),
  });
  const viewer = (personId: string) => ({ personId, name: personId, isAdmin: false, via: "session" as const });

  it("defaults the target to the next level and excludes the chain on request", async () => {
    const all = await service.suggest(viewer("mia"), "mia", { competencyId: "strategy", isOutsideChain: false });
    expect(all.target.id).toBe("senior-pm");
    expect(ids(all.mentors)).toContain("dana");
    const outside = await service.suggest(viewer("mia"), "mia", {
      competencyId: "strategy",
      targetLevelId: "director",
      isOutsideChain: true,
    });
    expect(ids(outside.mentors)).toEqual(["hana", "dora", "cleo"]);
  });

  it("lets people opt out of and back into suggestions", async () => {
    await service.setAvailable(viewer("hana"), false);
    expect(await service.isAvailable(viewer("hana"))).toBe(false);
    const query = { competencyId: "strategy", targetLevelId: "director", isOutsideChain: true };
    expect(ids((await service.suggest(viewer("mia"), "mia", query)).mentors)).not.toContain("hana");
    await service.setAvailable(viewer("hana"), true);
    expect(ids((await service.suggest(viewer("mia"), "mia", query)).mentors)).toContain("hana");
  });

  it("suggests for the person and the managers above them only, refusing admins and people below", async () => {
    const query = { competencyId: "strategy", isOutsideChain: false };
    expect((await service.suggest(viewer("dana"), "mia", query)).personId).toBe("mia");
    for (const caller of [viewer("intern"), viewer("hana"), { ...viewer("admin"), isAdmin: true }]) {
      await expect(service.suggest(caller, "mia", query)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(service.suggest(viewer("mia"), "nobody", query)).rejects.toMatchObject({ code: "not_found" });
  });
});
