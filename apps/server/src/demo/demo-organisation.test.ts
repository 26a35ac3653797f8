import { beforeAll, describe, expect, it } from "vitest";
import { resolveTitle, type Framework } from "@ascent/core";
import { loadBuiltinLadder } from "../builtin-ladder.ts";
import {
  buildDemoOrganisation,
  DEMO_EMAIL_DOMAIN,
  planDemoOrganisation,
  type DemoPerson,
} from "./demo-organisation.ts";

let ladder: Framework;
let organisation: DemoPerson[];

beforeAll(async () => {
  ladder = await loadBuiltinLadder();
  organisation = buildDemoOrganisation(ladder);
});

const countAt = (levelId: string | null) => organisation.filter((person) => person.levelId === levelId).length;

describe("the demo organisation", () => {
  it("has about 60 people with someone at every level of the built-in ladder", () => {
    expect(organisation.length).toBeGreaterThanOrEqual(55);
    expect(organisation.length).toBeLessThanOrEqual(65);
    expect(ladder.levels).toHaveLength(8);
    for (const level of ladder.levels) expect(countAt(level.id), level.id).toBeGreaterThan(0);
  });

  it("has one CPO, two VPs, two or three Heads, and more PMs than leaders", () => {
    expect(countAt("cpo")).toBe(1);
    expect(countAt("vp")).toBe(2);
    expect(countAt("head")).toBeGreaterThanOrEqual(2);
    expect(countAt("head")).toBeLessThanOrEqual(3);
    const ics = countAt("pm") + countAt("senior-pm");
    expect(ics).toBeGreaterThan(organisation.length / 2);
  });

  it("forms one reporting tree with the CPO at the root, every manager present and no cycle", () => {
    const byEmail = new Map(organisation.map((person) => [person.email, person]));
    const roots = organisation.filter((person) => person.managerEmail === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.levelId).toBe("cpo");
    const seenBefore = new Set<string>();
    for (const person of organisation) {
      if (person.managerEmail !== null) {
        expect(byEmail.has(person.managerEmail), `${person.email}'s manager`).toBe(true);
        // Managers come first, which is what lets the seeder insert in one pass.
        expect(seenBefore.has(person.managerEmail), `${person.email}'s manager listed earlier`).toBe(true);
      }
      seenBefore.add(person.email);
      const chain = new Set<string>([person.email]);
      let current = person;
      while (current.managerEmail !== null) {
        expect(chain.has(current.managerEmail), `cycle through ${current.managerEmail}`).toBe(false);
        chain.add(current.managerEmail);
        current = byEmail.get(current.managerEmail) ?? current;
      }
      expect(current).toBe(roots[0]);
    }
  });

  it("puts every manager at least as high on the ladder as the people they manage", () => {
    const rank = new Map(ladder.levels.map((level) => [level.id, level.rank]));
    const byEmail = new Map(organisation.map((person) => [person.email, person]));
    for (const person of organisation) {
      const manager = person.managerEmail ? byEmail.get(person.managerEmail) : undefined;
      if (!manager?.levelId || !person.levelId) continue;
      expect(rank.get(manager.levelId), `${manager.title} above ${person.title}`).toBeGreaterThanOrEqual(
        rank.get(person.levelId) ?? Infinity,
      );
    }
  });

  it("has unique first.last emails on the demo domain and unique names", () => {
    const emails = organisation.map((person) => person.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(organisation.map((person) => person.name)).size).toBe(organisation.length);
    for (const email of emails) expect(email).toMatch(new RegExp(`^[a-z-]+\\.[a-z-]+@${DEMO_EMAIL_DOMAIN}$`));
  });

  it("is the same on every run", () => {
    expect(buildDemoOrganisation(ladder)).toEqual(organisation);
    expect(planDemoOrganisation()).toEqual(planDemoOrganisation());
  });

  it("uses varied company titles, mostly different from the ladder's level names", () => {
    const titles = organisation.map((person) => person.title);
    expect(new Set(titles).size).toBeGreaterThanOrEqual(Math.floor(titles.length * 0.75));
    const levelNames = new Set(ladder.levels.map((level) => level.name.toLowerCase()));
    const verbatim = titles.filter((title) => levelNames.has(title.toLowerCase()));
    expect(verbatim.length).toBeLessThanOrEqual(1);
  });

  it("spreads people over product areas", () => {
    const teams = new Set(organisation.map((person) => person.team));
    for (const area of ["Payments", "Growth", "Platform", "Mobile", "Search", "Data", "Marketplace"]) {
      expect(teams.has(area), area).toBe(true);
    }
  });

  it("places every title with the real title mapping, leaving at least two titles it cannot place unmapped", () => {
    for (const person of organisation) {
      const mapped = resolveTitle(person.title, ladder).levelId;
      if (person.isUnplaceable) expect(mapped, person.title).toBeNull();
      expect(person.levelId, person.title).toBe(mapped ?? (person.isUnplaceable ? null : person.intendedLevelId));
    }
    const unmapped = organisation.filter((person) => person.levelId === null);
    expect(unmapped.length).toBeGreaterThanOrEqual(2);
    expect(new Set(unmapped.map((person) => person.title)).size).toBe(unmapped.length);
  });

  it("honours the organisation's title overrides", () => {
    const unplaced = organisation.find((person) => person.levelId === null);
    if (!unplaced) throw new Error("expected an unmapped person");
    const withOverride = buildDemoOrganisation(ladder, [{ title: unplaced.title, levelId: "senior-pm" }]);
    expect(withOverride.find((person) => person.email === unplaced.email)?.levelId).toBe("senior-pm");
  });

  it("gives demo logins to a CPO, a VP, a Director, a Senior PM and a PM", () => {
    const personas = organisation.filter((person) => person.persona !== null);
    expect(personas.map((person) => person.levelId).sort()).toEqual(
      ["cpo", "director", "pm", "senior-pm", "vp"].sort(),
    );
    for (const person of personas) expect(person.persona?.length).toBeGreaterThan(10);
  });
});
