import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiError, createApiClient, endpoints, type TDemoStatus } from "@ascent/contract";
import { buildServices } from "@ascent/server";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { describeOnDriver } from "@ascent/db/testing";

const legs = [
  { driver: "pglite", databaseUrl: undefined },
  { driver: "postgres", databaseUrl: "scratch" },
] as const;

async function demoStatus(server: TestServer): Promise<TDemoStatus> {
  return createApiClient({ baseUrl: server.url }).call(endpoints.demo.status);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

for (const leg of legs) {
  describeOnDriver(leg.driver, "demo organisation over HTTP", () => {
    let demo: TestServer;
    let empty: TestServer;
    let admin: HttpSession;
    let dropScratch: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.databaseUrl) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      [demo, empty] = await Promise.all([startTestServer({ databaseUrl, demo: true }), startTestServer()]);
      admin = await signInAsFirstAdmin(demo);
    });

    afterAll(async () => {
      await Promise.all([demo?.stop(), empty?.stop()]);
      await dropScratch?.();
    });

    it("loads the demo organisation on the first start and lists its logins publicly", async () => {
      expect(demo.demoLogins?.logins.length).toBe(5);
      const status = await demoStatus(demo);
      expect(status.isLoaded).toBe(true);
      expect(status.peopleCount).toBeGreaterThanOrEqual(55);
      expect(status.password).toBe(demo.demoLogins?.password);
      expect(status.logins.map((login) => login.email).sort()).toEqual(
        demo.demoLogins?.logins.map((login) => login.email).sort(),
      );
      for (const login of status.logins) expect(login.email).toMatch(/@demo\.ascent\.example$/);
    });

    it("stores the people as demo data in one reporting tree across every level", async () => {
      const services = buildServices(demo.database);
      const { people } = await services.people.list({ limit: 500 });
      const demoPeople = people.filter((person) => person.isDemo);
      expect(demoPeople.length).toBe((await demoStatus(demo)).peopleCount);
      expect(new Set(demoPeople.map((person) => person.levelId))).toEqual(
        new Set(["pm", "senior-pm", "principal-pm", "director", "senior-director", "head", "vp", "cpo", null]),
      );
      const roots = demoPeople.filter((person) => person.managerId === null);
      expect(roots.map((person) => person.levelId)).toEqual(["cpo"]);
      const ids = new Set(demoPeople.map((person) => person.id));
      for (const person of demoPeople) if (person.managerId) expect(ids.has(person.managerId)).toBe(true);
      const [cpo] = roots;
      if (!cpo) throw new Error("no CPO");
      expect((await services.people.reportsBelow(cpo.id)).length).toBe(demoPeople.length - 1);
      const events = await services.audit.list({ kind: "write" });
      expect(events.find((event) => event.action === "demo.seed")).toMatchObject({ actorId: null });
    });

    it("carries a released review round: verdicts of every kind, peer aggregates, a filled bench and profile", async () => {
      const { logins, password } = await demoStatus(demo);
      if (!password) throw new Error("no demo password listed");
      const loginOf = (prefix: string) => {
        const login = logins.find((l) => l.persona.startsWith(prefix));
        if (!login) throw new Error(`no ${prefix} login`);
        return new HttpSession(demo.url).login(login.email, password);
      };
      const vp = await loginOf("VP");
      const team = await vp.client.call(endpoints.readiness.teamReadiness, { query: { scope: "all" } });
      const verdicts = new Set(team.people.map((person) => person.verdict));
      expect(verdicts).toEqual(new Set(["ready", "almost", "not-yet"]));

      const pm = await loginOf("PM");
      const own = await pm.client.call(endpoints.readiness.forPerson, { params: { id: pm.info?.person.id as string } });
      const peer = own.competencies.flatMap((c) => (c.groups.peer && "mean" in c.groups.peer ? [c.groups.peer] : []));
      expect(peer.length).toBeGreaterThan(10);
      for (const group of peer) expect(group.count).toBeGreaterThanOrEqual(3);
      expect(own.competencies.filter((c) => c.evidence.length > 0).length).toBeGreaterThan(0);
      const mentors = await pm.client.call(endpoints.mentors.suggest, {
        params: { id: pm.info?.person.id as string },
        query: { competency: own.blockers[0] ?? "data-analysis" },
      });
      expect(mentors.mentors.length).toBeGreaterThan(0);

      const insights = await vp.client.call(endpoints.insights.getTeamInsights);
      expect(insights.bench.roles.some((role) => role.candidates !== null && role.candidates > 0)).toBe(true);
      expect(await vp.client.call(endpoints.advisor.getOrgProfile)).toMatchObject({
        profile: { stage: "large", businessModel: "B2C", productReportsTo: "CPO" },
      });
    });

    it("lets every demo person sign in with the shared password: the personas and everyone else", async () => {
      const { logins, others, password, peopleCount } = await demoStatus(demo);
      if (!password) throw new Error("no demo password listed");
      expect(logins.length + others.length).toBe(peopleCount);
      expect(new Set([...logins, ...others].map((person) => person.email)).size).toBe(peopleCount);
      for (const login of [...logins, ...others]) {
        const session = await new HttpSession(demo.url).login(login.email, password);
        expect(session.info?.person.email).toBe(login.email);
        expect(session.info?.isAdmin).toBe(false);
      }
    });

    it("does not let anyone but an admin remove the demo", async () => {
      const { logins, password } = await demoStatus(demo);
      const [memberLogin] = logins;
      if (!memberLogin || !password) throw new Error("no demo login listed");
      const member = await new HttpSession(demo.url).login(memberLogin.email, password);
      expect(await failure(member.client.call(endpoints.demo.remove))).toMatchObject({
        status: 403,
        code: "forbidden",
      });
      const anonymous = createApiClient({ baseUrl: demo.url });
      expect((await failure(anonymous.call(endpoints.demo.remove))).status).toBe(401);
      expect((await demoStatus(demo)).isLoaded).toBe(true);
    });

    it("removes the demo for an admin: its logins stop working and nothing is listed any more", async () => {
      const { logins, password, peopleCount } = await demoStatus(demo);
      const [login] = logins;
      if (!login || !password) throw new Error("no demo login listed");
      const signedIn = await new HttpSession(demo.url).login(login.email, password);

      expect(await admin.client.call(endpoints.demo.remove)).toEqual({ removed: peopleCount });

      expect(await demoStatus(demo)).toEqual({ isLoaded: false, logins: [], others: [] });
      const loginAgain = await failure(
        new HttpSession(demo.url).client.call(endpoints.auth.login, {
          body: { email: login.email, password },
        }),
      );
      expect(loginAgain.status).toBe(401);
      expect((await signedIn.fetch("/api/auth/session")).status).toBe(401);
      expect((await admin.fetch("/api/auth/session")).status).toBe(200);
      const events = await buildServices(demo.database).audit.list({ kind: "write" });
      expect(events.find((event) => event.action === "demo.remove")).toMatchObject({
        actorId: admin.info?.person.id,
        details: { removed: peopleCount },
      });
      expect(await admin.client.call(endpoints.demo.remove)).toEqual({ removed: 0 });
      expect(await admin.client.call(endpoints.advisor.getOrgProfile)).toEqual({ profile: null });
      const left = await buildServices(demo.database).people.list({ limit: 500 });
      expect(left.people.filter((person) => person.isDemo)).toEqual([]);
    });

    it("leaves a server started with the demo off without demo data", async () => {
      expect(empty.demoLogins).toBeNull();
      expect(empty.firstAdminLink).not.toBeNull();
      expect(await demoStatus(empty)).toEqual({ isLoaded: false, logins: [], others: [] });
      expect(await buildServices(empty.database).people.countAll()).toBe(1);
    });

    it("loads the demo for an admin who asks, once, in the admin's name", async () => {
      const emptyAdmin = await signInAsFirstAdmin(empty);
      const loaded = await emptyAdmin.client.call(endpoints.demo.load);
      expect(loaded).toMatchObject({ created: true, password: expect.any(String) });
      expect(loaded.peopleCount).toBeGreaterThanOrEqual(55);
      expect((await demoStatus(empty)).peopleCount).toBe(loaded.peopleCount);
      expect(await emptyAdmin.client.call(endpoints.demo.load)).toMatchObject({ created: false });
      const events = await buildServices(empty.database).audit.list({ kind: "write" });
      expect(events.filter((event) => event.action === "demo.seed")).toEqual([
        expect.objectContaining({ actorId: emptyAdmin.info?.person.id }),
      ]);
    });
  });
}
