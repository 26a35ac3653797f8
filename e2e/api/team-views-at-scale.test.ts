import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createApiClient, endpoints, LIMITS, type TTeamHeatmap, type TTeamReadiness } from "@ascent/contract";
import { describeOnDriver } from "@ascent/db/testing";
import { seedSyntheticOrganisation } from "@ascent/synthetic";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * Team readiness and the team heatmap on a synthetic organisation larger than the aggregate
 * threshold: one page per response, keyset cursors, server-side sorts and filters, and aggregates
 * that hide every group of fewer than k people, attacked over HTTP.
 */
vi.setConfig({ testTimeout: 120_000 });
const PEOPLE = Number(process.env.ASCENT_TEAM_VIEW_PEOPLE ?? 400);
const legs = [
  { driver: "pglite", usesPostgres: false },
  { driver: "postgres", usesPostgres: true },
] as const;

type Caller = { token: string };

for (const leg of legs) {
  describeOnDriver(leg.driver, "team views at scale", () => {
    let server: TestServer;
    let dropScratch: (() => Promise<void>) | undefined;
    let cpo: Caller;
    let director: Caller & { id: string };
    let k: number;

    async function get(caller: Caller, path: string): Promise<{ status: number; bytes: number; body: unknown }> {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${caller.token}` } });
      const text = await response.text();
      expect(Buffer.byteLength(text), path).toBeLessThanOrEqual(LIMITS.responseBytes);
      return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as unknown };
    }
    const readiness = async (caller: Caller, query: string) => {
      const { status, body } = await get(caller, `/api/team/readiness?${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      return body as TTeamReadiness;
    };
    const heatmap = async (caller: Caller, query: string) => {
      const { status, body } = await get(caller, `/api/team/heatmap?${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      return body as TTeamHeatmap;
    };
    async function walk(caller: Caller, query: string): Promise<TTeamReadiness["people"]> {
      const all: TTeamReadiness["people"] = [];
      let cursor: string | null = null;
      do {
        const page: TTeamReadiness = await readiness(caller, `${query}${cursor ? `&cursor=${cursor}` : ""}`);
        all.push(...page.people);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    }

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.usesPostgres) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      server = await startTestServer({ databaseUrl });
      const seeded = await seedSyntheticOrganisation(server.database, { people: PEOPLE, force: true }, server.services);
      const root = (await server.services.people.findByEmailsWithManager([seeded.root.email]))[0];
      const below = root ? await server.services.people.reportsBelow(root.id) : [];
      // A manager two levels down: they see part of the organisation only.
      const someDirector = below.find((r) => r.depth === 2)?.person;
      if (!root || !someDirector) throw new Error("the synthetic organisation has no CPO or no second level");
      cpo = { token: (await server.services.accounts.createApiToken(root.id, "tests")).token };
      director = {
        id: someDirector.id,
        token: (await server.services.accounts.createApiToken(someDirector.id, "tests")).token,
      };
      k = (await server.services.readiness.settings()).k;
      await server.app.readinessWarmer?.idle();
    }, 300_000);

    afterAll(async () => {
      await server?.stop();
      await dropScratch?.();
    });

    it("pages everyone below the CPO exactly once, in score order, one small page at a time", async () => {
      const first = await readiness(cpo, "limit=50");
      expect(first.people).toHaveLength(50);
      expect(first.total).toBe(PEOPLE - 1);
      expect(first.nextCursor).not.toBeNull();
      const all = await walk(cpo, "limit=50");
      expect(all).toHaveLength(PEOPLE - 1);
      expect(new Set(all.map((p) => p.person.id)).size).toBe(PEOPLE - 1);
      const scores = all.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // A cursor names a place in the order: asking again gives the same page, and small pages agree with a big one.
      const again = await readiness(cpo, `limit=50&cursor=${first.nextCursor}`);
      expect(again.people.map((p) => p.person.id)).toEqual(all.slice(50, 100).map((p) => p.person.id));
      const big = await readiness(cpo, "limit=200");
      expect(big.people.map((p) => p.person.id)).toEqual(all.slice(0, 200).map((p) => p.person.id));
    });

    it("sorts by name, level and verdict on the server, in both directions", async () => {
      const byName = await walk(cpo, "sort=name&order=asc&limit=200");
      const names = byName.map((p) => p.person.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      const ladder = await server.services.readiness.framework();
      const rank = (id: string | undefined) => ladder.document.levels.findIndex((l) => l.id === id);
      const byLevel = await walk(cpo, "sort=level&order=desc&limit=200");
      const ranks = byLevel.map((p) => rank(p.person.level?.id));
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      expect(new Set(ranks).size).toBeGreaterThan(1);
      const verdictRank = { "not-yet": 0, almost: 1, ready: 2 } as const;
      const byVerdict = (await walk(cpo, "sort=verdict&order=asc&limit=200")).map((p) => verdictRank[p.verdict]);
      expect(byVerdict).toEqual([...byVerdict].sort((a, b) => a - b));
    });

    it("filters by team, level and verdict, and names a bad parameter", async () => {
      const some = (await readiness(cpo, "limit=1")).people[0];
      const team = some?.person.team ?? "";
      const inTeam = await walk(cpo, `team=${encodeURIComponent(team)}&limit=200`);
      expect(inTeam.length).toBeGreaterThan(0);
      expect(inTeam.every((p) => p.person.team === team)).toBe(true);
      const pms = await readiness(cpo, "level=pm&limit=200");
      expect(pms.total).toBeGreaterThan(0);
      expect(pms.people.every((p) => p.person.level?.id === "pm")).toBe(true);
      const almost = await walk(cpo, "verdict=almost&limit=200");
      expect(almost.every((p) => p.verdict === "almost")).toBe(true);
      for (const [query, field] of [
        ["level=nobody", "query.level"],
        ["cursor=not-a-cursor", "query.cursor"],
        [`limit=${LIMITS.teamPageSize.max + 1}`, "limit"],
        ["sort=salary", "sort"],
      ] as const) {
        const { status, body } = await get(cpo, `/api/team/readiness?${query}`);
        expect(status, query).toBe(400);
        expect(JSON.stringify(body), query).toContain(field);
      }
    });

    it("shows the whole organisation as aggregates, no cell from fewer than k people", async () => {
      const view = await heatmap(cpo, "scope=all");
      expect(view.mode).toBe("aggregate");
      expect(view.rows).toEqual([]);
      expect(view.total).toBe(PEOPLE - 1);
      const aggregate = view.aggregate;
      if (!aggregate) throw new Error("no aggregate");
      expect(aggregate.byTeam.length).toBeGreaterThan(1);
      const shown = [...aggregate.byTeam, ...aggregate.byLevel].flatMap((row) => row.cells);
      expect(shown.some((cell) => "hidden" in cell)).toBe(true);
      // An empty group (nobody with a value) has nobody's data; any other shown group has at least k people.
      for (const cell of shown)
        if (!("hidden" in cell) && cell.people > 0) expect(cell.people).toBeGreaterThanOrEqual(k);
      // Subtracting: per competency, the teams and the levels both add up to the same people. What the
      // shown rows of one side leave over from the total the other side gives is 0 or at least k people.
      for (const { id } of view.competencies) {
        const counts = (rows: { cells: typeof shown }[]) =>
          rows
            .map((row) => row.cells.find((c) => c.competencyId === id))
            .map((c) => (c && !("hidden" in c) ? c.people : null));
        const [teams, levels] = [counts(aggregate.byTeam), counts(aggregate.byLevel)];
        const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
        for (const [side, other] of [
          [teams, levels],
          [levels, teams],
        ] as const) {
          if (other.some((v) => v === null)) continue;
          const leftOver = sum(other) - sum(side);
          expect(leftOver === 0 || leftOver >= k, `${id}: ${leftOver} people left over`).toBe(true);
        }
      }
      // A verdict filter would make a second table to subtract from the first.
      const { status } = await get(cpo, "/api/team/heatmap?scope=all&verdict=ready");
      expect(status).toBe(400);
    });

    it("drills into a team page by page, and only into the viewer's own people", async () => {
      // A product manager's team: the deepest teams are the largest.
      const team = (await readiness(cpo, "sort=level&order=asc&limit=1")).people[0]?.person.team ?? "";
      const first = await heatmap(cpo, `scope=all&team=${encodeURIComponent(team)}&limit=5&sort=score`);
      expect(first.mode).toBe("people");
      expect(first.rows).toHaveLength(5);
      expect(first.rows.every((row) => row.person.team === team)).toBe(true);
      const second = await heatmap(
        cpo,
        `scope=all&team=${encodeURIComponent(team)}&limit=5&cursor=${first.nextCursor}`,
      );
      const ids = [...first.rows, ...second.rows].map((row) => row.person.id);
      expect(new Set(ids).size).toBe(ids.length);
      // A director drilling into a team of the organisation sees only the people below them, if any.
      const below = await server.services.people.reportsBelow(director.id);
      const theirs = new Set(below.map((r) => r.person.id));
      const drilled = await heatmap(director, `scope=all&team=${encodeURIComponent(team)}&limit=200`);
      expect(drilled.rows.every((row) => theirs.has(row.person.id))).toBe(true);
      expect(drilled.total).toBeLessThanOrEqual(theirs.size);
      expect((await heatmap(cpo, "scope=all&team=No%20such%20team")).rows).toEqual([]);
    });

    it("keeps a full page of the people heatmap under the response cap", async () => {
      const team = (await readiness(cpo, "sort=level&order=asc&limit=1")).people[0]?.person.team ?? "";
      const client = createApiClient({
        baseUrl: server.url,
        headers: () => ({ authorization: `Bearer ${cpo.token}` }),
      });
      const page = await client.call(endpoints.readiness.teamHeatmap, {
        query: { scope: "all", team, limit: LIMITS.teamPageSize.max },
      });
      expect(page.rows.length).toBeGreaterThan(0);
      const { bytes } = await get(
        cpo,
        `/api/team/heatmap?scope=all&team=${encodeURIComponent(team)}&limit=${LIMITS.teamPageSize.max}`,
      );
      expect(bytes).toBeLessThanOrEqual(LIMITS.responseBytes);
    });
  });
}
