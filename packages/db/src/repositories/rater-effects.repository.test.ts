import { expect, it } from "vitest";
import { FrameworkCatalog } from "@ascent/core";
import { buildFramework } from "@ascent/core/testing";
import { describeEachDriver } from "../testing/test-databases.ts";
import { assessments, ratings, reviewCycles } from "../schema/index.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleRaterEffectsRepository } from "./rater-effects.repository.ts";

describeEachDriver("a cycle's ratings for the rater-effects fit", (db) => {
  it("reads the latest submitted manager, peer and upward scores of the cycle, with peers behind a key", async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const { framework } = await new FrameworkCatalog(new DrizzleFrameworkRepository(db().db)).ensureBuiltin(
      buildFramework({ slug: "rater-effects-ladder" }),
    );
    const person = (name: string) => people.create({ name, email: `${name}@rater-effects.test`, levelId: "pm" });
    const [dana, mia, omar, pia] = await Promise.all([person("dana"), person("mia"), person("omar"), person("pia")]);
    const [cycle, otherCycle] = await db()
      .db.insert(reviewCycles)
      .values(
        ["Spring", "Autumn"].map((name) => ({
          name,
          startsAt: new Date("2026-03-01T00:00:00Z"),
          endsAt: new Date("2026-04-01T00:00:00Z"),
        })),
      )
      .returning();
    if (!cycle || !otherCycle) throw new Error("no cycles were created");
    let minute = 0;
    const assess = async (
      raterId: string,
      subjectId: string,
      relation: "self" | "manager" | "peer" | "upward",
      scores: (number | null)[],
      options: { cycleId?: string; status?: "draft" | "submitted" } = {},
    ) => {
      const status = options.status ?? "submitted";
      minute += 1;
      const [row] = await db()
        .db.insert(assessments)
        .values({
          subjectId,
          raterId,
          relation,
          frameworkId: framework.id,
          frameworkVersion: 1,
          levelId: "pm",
          cycleId: options.cycleId ?? cycle.id,
          status,
          submittedAt: status === "submitted" ? new Date(Date.UTC(2026, 2, 2, 9, minute)) : null,
        })
        .returning();
      if (!row) throw new Error("no assessment was created");
      await db()
        .db.insert(ratings)
        .values(scores.map((score, c) => ({ assessmentId: row.id, competencyId: `c${c}`, score })));
    };
    await assess(dana.id, mia.id, "manager", [2, 2]);
    await assess(dana.id, mia.id, "manager", [4, null]); // the later submission wins
    await assess(dana.id, omar.id, "manager", [3, 3], { status: "draft" });
    await assess(dana.id, omar.id, "manager", [1, 1], { cycleId: otherCycle.id });
    await assess(mia.id, mia.id, "self", [5, 5]);
    await assess(pia.id, mia.id, "peer", [3, 2]);
    await assess(pia.id, omar.id, "peer", [4, 4]);
    await assess(mia.id, dana.id, "upward", [5, 4]);

    const repository = new DrizzleRaterEffectsRepository(db().db);
    expect(await repository.cycleExists(cycle.id)).toBe(true);
    expect(await repository.cycleExists("00000000-0000-4000-8000-000000000000")).toBe(false);

    const rows = await repository.cycleRatings(cycle.id);
    const managerRows = rows.filter((r) => r.relation === "manager");
    expect(managerRows).toEqual([
      { raterId: dana.id, relation: "manager", subjectId: mia.id, competencyId: "c0", score: 4 },
    ]);
    const peerRows = rows.filter((r) => r.relation === "peer");
    expect(peerRows).toHaveLength(4);
    const peerKeys = new Set(peerRows.map((r) => r.raterId));
    expect(peerKeys.size).toBe(1);
    expect([...peerKeys][0]).not.toBe(pia.id);
    expect(JSON.stringify(rows)).not.toContain(pia.id);
    const upwardRows = rows.filter((r) => r.relation === "upward");
    expect(upwardRows.map((r) => r.score).sort()).toEqual([4, 5]);
    expect(upwardRows.every((r) => r.raterId !== mia.id && r.subjectId === dana.id)).toBe(true);
    expect(rows).toHaveLength(7);
    expect(await repository.cycleRatings(otherCycle.id)).toEqual([
      { raterId: dana.id, relation: "manager", subjectId: omar.id, competencyId: "c0", score: 1 },
      { raterId: dana.id, relation: "manager", subjectId: omar.id, competencyId: "c1", score: 1 },
    ]);
  });
});
