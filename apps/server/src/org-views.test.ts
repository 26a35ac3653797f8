import { expect, it } from "vitest";
import { sql } from "drizzle-orm";
import {
  buildOrgHeatmap,
  buildOrgReadiness,
  type OrgHeatmap,
  type OrgReadiness,
  type OrgReadinessMember,
} from "@ascent/core";
import { describeEachDriver } from "@ascent/db/testing";
import { buildServices } from "./composition-root.ts";
import { prepareDatabase } from "./main.ts";
import { readOrgHeatmap, readOrgReadiness } from "./org-views.ts";

/** The org views are for admins: the use case checks the caller itself. */
const ADMIN_VIEWER = { personId: "admin", name: "Admin", isAdmin: true, via: "session" as const };
import { seedSyntheticOrganisation } from "@ascent/synthetic";

const MEANS = new Set(["meanScore", "observed", "expected", "delta"]);

/** The view with its means set apart: sums taken in another order differ in the last bits. */
function split(view: OrgReadiness | OrgHeatmap): { shape: unknown; means: number[] } {
  const means: number[] = [];
  const shape: unknown = JSON.parse(
    JSON.stringify(view, (key, value: unknown) => {
      if (!MEANS.has(key) || typeof value !== "number") return value;
      means.push(value);
      return "mean";
    }),
  );
  return { shape, means };
}

function expectSameView(actual: OrgReadiness | OrgHeatmap, expected: OrgReadiness | OrgHeatmap): void {
  const [a, b] = [split(actual), split(expected)];
  expect(a.shape).toEqual(b.shape);
  expect(a.means).toHaveLength(b.means.length);
  a.means.forEach((mean, i) => expect(mean).toBeCloseTo(b.means[i] ?? NaN, 12));
}

describeEachDriver("readOrgReadiness", (db) => {
  /** Every placed, active person with their snapshot, as core's per-person builders take them. */
  async function members() {
    const services = buildServices(db());
    const { document } = await services.readiness.framework();
    const { people } = await services.people.list({ status: "active", limit: 10_000 });
    const snapshots = new Map((await services.readinessSnapshots.list()).map((s) => [s.personId, s]));
    const placed: OrgReadinessMember[] = people.flatMap((p) => {
      const snapshot = snapshots.get(p.id);
      return p.levelId && snapshot ? [{ personId: p.id, levelId: p.levelId, team: p.team, snapshot }] : [];
    });
    return { document, placed, k: (await services.readiness.settings()).k };
  }

  /** What the route computed before: the view from every person's snapshot, in core. */
  async function fromMembers(filter: { levelId?: string; team?: string }): Promise<OrgReadiness> {
    const { document, placed, k } = await members();
    return buildOrgReadiness(document, placed, k, filter);
  }

  it("gives the same view as buildOrgReadiness over every person's snapshot, hidden groups included", async () => {
    await prepareDatabase(db());
    await seedSyntheticOrganisation(db(), { people: 300 }, buildServices(db()));
    const services = buildServices(db());
    const whole = await readOrgReadiness(services, ADMIN_VIEWER);
    expectSameView(whole, await fromMembers({}));
    expect(whole.overall).toMatchObject({ people: 300 });
    // Small teams make the suppression work: some groups are hidden, and they match too.
    expect(JSON.stringify(whole)).toContain('"hidden":true');
    const team = whole.byTeam[0]?.team ?? "";
    for (const filter of [{ levelId: "pm" }, { team }, { levelId: "director", team }]) {
      expectSameView(await readOrgReadiness(services, ADMIN_VIEWER, filter), await fromMembers(filter));
    }
  });

  it("gives the same competency heatmap as buildOrgHeatmap over every person's snapshot", async () => {
    const services = buildServices(db());
    const { document, placed, k } = await members();
    const whole = await readOrgHeatmap(services, ADMIN_VIEWER);
    expectSameView(whole, buildOrgHeatmap(document, placed, k));
    expect(JSON.stringify(whole)).toContain('"hidden":true');
    expect(whole.overall.every((cell) => !("hidden" in cell) && cell.people > 0)).toBe(true);
    const team = whole.byTeam[0]?.team ?? "";
    for (const filter of [{ levelId: "pm" }, { team }, { levelId: "director", team }]) {
      expectSameView(
        await readOrgHeatmap(services, ADMIN_VIEWER, filter),
        buildOrgHeatmap(document, placed, k, filter),
      );
    }
  });

  it("recomputes missing and stale snapshots before summing", async () => {
    const services = buildServices(db());
    const before = await readOrgReadiness(services, ADMIN_VIEWER);
    // One person loses their snapshot, another moves up a level (their snapshot targets the old next level).
    const result = await db().db.execute(
      sql`select id from people where level_id = 'pm' and email like '%@synthetic.%' limit 2`,
    );
    const [gone, promoted] = (result as unknown as { rows: { id: string }[] }).rows;
    await db().db.execute(sql`delete from readiness_snapshots where person_id = ${gone?.id}`);
    await db().db.execute(sql`update people set level_id = 'senior-pm' where id = ${promoted?.id}`);
    const after = await readOrgReadiness(services, ADMIN_VIEWER);
    expect(after.overall).toMatchObject({ people: 300 });
    expectSameView(after, await fromMembers({}));
    expect(split(after).shape).not.toEqual(split(before).shape);
    const [snapshot] = await services.readinessSnapshots.list([promoted?.id ?? ""]);
    expect(snapshot?.targetLevelId).toBe("principal-pm");
  });
});
