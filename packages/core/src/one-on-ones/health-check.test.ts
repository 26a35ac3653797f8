import { describe, expect, it } from "vitest";
import { compareHealthChecks } from "./health-check.ts";
import type { Agenda, HealthCheck, OneOnOne } from "./one-on-one.ts";

const aspects = ["alignment", "roadmap", "coaching"].map((id) => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  leadBrings: "",
  reportBrings: "",
  prompts: [],
}));
const agenda: Agenda = { playbook: null, aspects, carriedOver: [] };

const oneOnOne = (
  id: string,
  day: number,
): Pick<OneOnOne, "id" | "leadId" | "reportId" | "scheduledAt" | "agenda"> => ({
  id,
  leadId: "dana",
  reportId: "mia",
  scheduledAt: new Date(Date.UTC(2026, 0, day)),
  agenda,
});

let nextId = 1;
const check = (oneOnOneId: string, raterId: string, ratings: Record<string, number>, minute = 0): HealthCheck => ({
  id: `c${nextId++}`,
  oneOnOneId,
  raterId,
  ratings,
  at: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

describe("compareHealthChecks", () => {
  it("shows both sides side by side per 1:1, oldest first, and highlights the largest differences", () => {
    const result = compareHealthChecks(
      [oneOnOne("second", 15), oneOnOne("first", 1), oneOnOne("unrated", 29)],
      [
        check("first", "dana", { alignment: 4, roadmap: 4, coaching: 3 }),
        check("first", "mia", { alignment: 4, roadmap: 1, coaching: 2 }),
        check("second", "dana", { alignment: 5, roadmap: 4, coaching: 4 }),
        check("second", "mia", { alignment: 2, roadmap: 2, coaching: 4 }),
      ],
    );
    expect(result.sessions.map((s) => s.oneOnOneId)).toEqual(["first", "second"]);
    expect(result.sessions[0]?.aspects[1]).toEqual({
      aspectId: "roadmap",
      name: "Roadmap",
      lead: 4,
      report: 1,
      difference: 3,
    });
    expect(result.sessions[0]?.largestDifference).toEqual(["roadmap"]);
    expect(result.sessions[1]?.largestDifference).toEqual(["alignment"]);
    // Over time: roadmap differs by 3 then 2 (mean 2.5), alignment 0 then 3 (1.5), coaching 1 then 0.
    expect(result.aspects.map((a) => [a.aspectId, a.meanDifference, a.latestDifference])).toEqual([
      ["alignment", 1.5, 3],
      ["roadmap", 2.5, 2],
      ["coaching", 0.5, 0],
    ]);
    expect(result.highlighted).toEqual(["roadmap"]);
  });

  it("takes each side's latest check at a 1:1 and compares only where both rated", () => {
    const result = compareHealthChecks(
      [oneOnOne("only", 1)],
      [
        check("only", "dana", { alignment: 1, roadmap: 1, coaching: 1 }, 1),
        check("only", "dana", { alignment: 5, roadmap: 3, coaching: 3 }, 2),
        check("only", "mia", { alignment: 5, roadmap: 3, coaching: 1 }, 3),
      ],
    );
    expect(result.sessions[0]?.aspects.map((a) => a.lead)).toEqual([5, 3, 3]);
    expect(result.highlighted).toEqual(["coaching"]);

    const oneSided = compareHealthChecks([oneOnOne("only", 1)], [check("only", "mia", { alignment: 3 })]);
    expect(oneSided.sessions[0]?.aspects[0]).toMatchObject({ lead: null, report: 3, difference: null });
    expect(oneSided.aspects[0]).toMatchObject({ meanDifference: null, comparedSessions: 0 });
    expect(oneSided.highlighted).toEqual([]);
  });

  it("highlights every aspect tied at the largest difference, and none when the sides agree", () => {
    const tied = compareHealthChecks(
      [oneOnOne("only", 1)],
      [
        check("only", "dana", { alignment: 4, roadmap: 2, coaching: 3 }),
        check("only", "mia", { alignment: 2, roadmap: 4, coaching: 3 }),
      ],
    );
    expect(tied.highlighted).toEqual(["alignment", "roadmap"]);
    const agreed = compareHealthChecks(
      [oneOnOne("only", 1)],
      [
        check("only", "dana", { alignment: 4, roadmap: 2, coaching: 3 }),
        check("only", "mia", { alignment: 4, roadmap: 2, coaching: 3 }),
      ],
    );
    expect(agreed.highlighted).toEqual([]);
    expect(agreed.sessions[0]?.largestDifference).toEqual([]);
    expect(compareHealthChecks([], [])).toEqual({ sessions: [], aspects: [], highlighted: [] });
  });
});
