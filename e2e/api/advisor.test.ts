import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, type TAdvancement, type TOrgProfile } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg, type StaffPersona } from "../support/org-fixture.ts";

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** The built-in ladder's paths, per stage and business model (whom product reports to changes reasons only). */
const DOCUMENTED: Record<TOrgProfile["stage"], Record<TOrgProfile["businessModel"], string[]>> = {
  large: {
    B2B: ["follow-your-boss-up", "startup-vp-title", "power-role-b2b"],
    B2C: ["follow-your-boss-up", "startup-vp-title", "power-role-b2c"],
  },
  medium: {
    B2B: [
      "follow-your-boss-up",
      "lateral-customer-support",
      "lateral-sales-engineering",
      "lateral-new-business-unit",
      "startup-vp-title",
      "power-role-b2b",
    ],
    B2C: [
      "follow-your-boss-up",
      "lateral-customer-support",
      "lateral-sales-engineering",
      "lateral-new-business-unit",
      "startup-vp-title",
      "power-role-b2c",
    ],
  },
  startup: {
    B2B: ["startup-vp-title", "power-role-b2b"],
    B2C: ["startup-vp-title", "power-role-b2c"],
  },
};

describe("the advancement advisor over HTTP", () => {
  let server: TestServer;
  let org: PersonaOrg;
  const client = (persona: StaffPersona) => {
    const session = org.personas[persona].session;
    if (!session) throw new Error(`${persona} is not signed in`);
    return session.client;
  };
  const advancementOf = (viewer: StaffPersona, subject: StaffPersona): Promise<TAdvancement> =>
    client(viewer).call(endpoints.advisor.getAdvancement, { params: { id: org.people[subject].id } });
  const setProfile = (profile: TOrgProfile) =>
    org.admin.client.call(endpoints.advisor.setOrgProfile, { body: profile });

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  describe("the organisation profile", () => {
    it("is empty at first, and a Director is asked for it", async () => {
      expect(await client("member").call(endpoints.advisor.getOrgProfile, {})).toEqual({ profile: null });
      const advice = await advancementOf("directManager", "directManager");
      expect(advice.status).toBe("no-profile");
      expect(advice.level).toEqual({ id: "director", name: "Director of Product" });
    });

    it("round-trips: an admin sets it and everyone signed in reads it", async () => {
      const profile: TOrgProfile = {
        stage: "medium",
        pmCount: 6,
        productReportsTo: "Engineering",
        businessModel: "B2B",
      };
      expect(await setProfile(profile)).toEqual({ profile });
      expect(await client("member").call(endpoints.advisor.getOrgProfile, {})).toEqual({ profile });
      const changed = { ...profile, stage: "large" as const, pmCount: 40 };
      await setProfile(changed);
      expect(await client("otherMember").call(endpoints.advisor.getOrgProfile, {})).toEqual({ profile: changed });
    });

    it("answers 400 naming the bad field", async () => {
      const valid = { stage: "large", pmCount: 10, productReportsTo: "CPO", businessModel: "B2C" };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...valid, stage: "huge" }, "body.stage"],
        [{ ...valid, pmCount: -3 }, "body.pmCount"],
        [{ ...valid, pmCount: 2.5 }, "body.pmCount"],
        [{ ...valid, productReportsTo: "Sales" }, "body.productReportsTo"],
        [{ ...valid, businessModel: "B2G" }, "body.businessModel"],
        [{ stage: "large", productReportsTo: "CPO", businessModel: "B2C" }, "body.pmCount"],
      ];
      for (const [body, path] of cases) {
        const response = await org.admin.fetch("/api/org/profile", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(400);
        const error = (await response.json()) as { error: string; details: { path: string }[] };
        expect(error.error).toBe("validation_failed");
        expect(error.details.map((d) => d.path)).toContain(path);
      }
      const extra = await apiError(setProfile({ ...valid, colour: "blue" } as unknown as TOrgProfile));
      expect(extra.status).toBe(400);
    });

    it("lets only an admin change it", async () => {
      const profile: TOrgProfile = { stage: "startup", pmCount: 2, productReportsTo: "CEO", businessModel: "B2C" };
      const error = await apiError(client("skipManager").call(endpoints.advisor.setOrgProfile, { body: profile }));
      expect(error.status).toBe(403);
      expect(await client("member").call(endpoints.advisor.getOrgProfile, {})).not.toEqual({ profile });
    });
  });

  describe("the paths", () => {
    const combinations = (["large", "medium", "startup"] as const).flatMap((stage) =>
      (["B2B", "B2C"] as const).flatMap((businessModel) =>
        (["CEO", "Engineering", "Marketing", "CPO"] as const).map((productReportsTo) => ({
          stage,
          businessModel,
          productReportsTo,
        })),
      ),
    );

    it("gives a Director the documented paths of every organisation shape on the built-in ladder", async () => {
      expect(combinations).toHaveLength(24);
      for (const shape of combinations) {
        await setProfile({ ...shape, pmCount: 12 });
        const advice = await advancementOf("directManager", "directManager");
        if (advice.status !== "advised") throw new Error(`expected paths for ${JSON.stringify(shape)}`);
        expect(advice.paths.map((p) => p.id)).toEqual(DOCUMENTED[shape.stage][shape.businessModel]);
        expect(advice.shape.id).toBe(shape.stage);
        // The chart's PM count wins over the profile's; nobody above the VP, so the profile's reporting line stays.
        const chartCount = advice.chart?.pmCount ?? -1;
        expect(chartCount).toBeGreaterThan(0);
        expect(advice.profile).toEqual({ ...shape, pmCount: chartCount });
        expect(advice.disagreements).toEqual([{ field: "pmCount", profile: 12, chart: chartCount }]);
        expect(advice.nextSteps.map((step) => step.level?.id)).toEqual(["senior-director", "head", "vp"]);
        for (const path of advice.paths) expect(path.reason).toMatch(/\w{3,}/);
        expect(advice.vpRole.traits.length).toBeGreaterThan(0);
      }
    });

    it("says why moving up is limited in a medium company, in terms of its reporting line", async () => {
      await setProfile({ stage: "medium", pmCount: 5, productReportsTo: "Marketing", businessModel: "B2C" });
      const advice = await advancementOf("directManager", "directManager");
      if (advice.status !== "advised") throw new Error("expected paths for a Director");
      const up = advice.paths.find((p) => p.kind === "up");
      expect(up).toMatchObject({ outlook: "limited", setting: "here" });
      expect(up?.reason).toContain("the head of Marketing");
      expect(up?.reason).toContain(`${advice.chart?.pmCount} product managers`);
      expect(advice.paths.find((p) => p.kind === "startup-trade")?.setting).toBe("elsewhere");
      expect(advice.paths.find((p) => p.kind === "power-role")?.reason).toContain("already reports to Marketing");
    });

    it("tells a VP about the step to CPO and beyond, and no longer how to get a VP title", async () => {
      await setProfile({ stage: "large", pmCount: 3, productReportsTo: "CEO", businessModel: "B2B" });
      const advice = await advancementOf("skipManager", "skipManager");
      if (advice.status !== "advised") throw new Error("expected advice for a VP");
      expect(advice.paths).toEqual([]);
      expect(advice.nextSteps.map((step) => step.level?.id ?? null)).toEqual(["cpo", null]);
      expect(advice.nextSteps[1]?.description).toMatch(/CMO or CEO/);
      expect(advice.notes.map((note) => note.id)).toEqual(["neutral-ground", "rare-and-cohesive"]);
      for (const note of advice.notes) expect(note.citation).toMatch(/Mironov/);
      const director = await advancementOf("directManager", "directManager");
      if (director.status !== "advised") throw new Error("expected advice for a Director");
      expect(director.notes.map((note) => note.id)).toEqual([
        "already-doing-the-work",
        "mentor-outside-product",
        "neutral-ground",
        "rare-and-cohesive",
      ]);
    });

    it("tells a PM the advisor is for Director and above, and points to their next level", async () => {
      const advice = await advancementOf("member", "member");
      expect(advice).toMatchObject({
        status: "below-director",
        level: { id: "pm" },
        directorLevel: { id: "director", name: "Director of Product" },
        nextLevel: { id: "senior-pm", name: "Senior Product Manager" },
      });
      if (advice.status !== "below-director") return;
      expect(advice.explanation).toContain("Director of Product and above");
      expect(advice).not.toHaveProperty("paths");
    });

    it("is readable by the person and the managers above them only", async () => {
      expect((await advancementOf("directManager", "member")).status).toBe("below-director");
      expect((await advancementOf("skipManager", "directManager")).status).toBe("advised");
      for (const viewer of ["peer", "otherMember", "unrelatedManager"] as const) {
        const error = await apiError(advancementOf(viewer, "member"));
        expect(error.status).toBe(403);
      }
      const byAdmin = await apiError(
        org.admin.client.call(endpoints.advisor.getAdvancement, { params: { id: org.people.member.id } }),
      );
      expect(byAdmin.status).toBe(403);
    });
  });

  describe("the VP-fit self-check", () => {
    it("shows the VP role profile and its statements to anyone signed in", async () => {
      const profile = await client("member").call(endpoints.advisor.getVpProfile, {});
      expect(profile.summary).toMatch(/\w/);
      expect(profile.traits.length).toBeGreaterThanOrEqual(5);
      expect(profile.reflections.length).toBeGreaterThanOrEqual(profile.traits.length);
      const traitIds = new Set(profile.traits.map((t) => t.id));
      for (const reflection of profile.reflections) expect(traitIds.has(reflection.traitId)).toBe(true);
      expect(profile.scale).toEqual({ min: 1, max: 5 });
      const anonymous = await org.personas.anonymous.request("/api/advisor/vp-profile");
      expect(anonymous.status).toBe(401);
    });

    it("scores a check into strengths and watch-outs, and keeps it for its owner only", async () => {
      const role = await client("directManager").call(endpoints.advisor.getVpProfile, {});
      const [strong, weak] = role.traits.filter((t) => role.reflections.some((r) => r.traitId === t.id));
      if (!strong || !weak) throw new Error("the built-in role needs two traits with statements");
      const answers = Object.fromEntries(
        role.reflections.map((r) => [r.id, r.traitId === strong.id ? 5 : r.traitId === weak.id ? 1 : 3]),
      );

      const check = await client("directManager").call(endpoints.advisor.submitVpFit, { body: { answers } });
      expect(check.strengths).toEqual([strong.id]);
      expect(check.watchOuts).toEqual([weak.id]);
      expect(check.answers).toEqual(answers);
      expect(check.traits.find((t) => t.traitId === strong.id)).toMatchObject({ mean: 5, band: "strength" });

      const own = await client("directManager").call(endpoints.advisor.listMyVpFit, {});
      expect(own.checks.map((c) => c.id)).toEqual([check.id]);

      // The manager, another member and an admin each read only their own (none): there is no other route.
      for (const reader of [client("skipManager"), client("member"), org.admin.client]) {
        expect((await reader.call(endpoints.advisor.listMyVpFit, {})).checks).toEqual([]);
      }
      for (const path of [
        `/api/people/${org.people.directManager.id}/vp-fit`,
        `/api/me/vp-fit/${check.id}`,
        `/api/vp-fit/${check.id}`,
      ]) {
        const response = await org.admin.fetch(path);
        expect(response.status).toBe(404);
        expect(((await response.json()) as { error: string }).error).toBe("route_not_found");
      }
    });

    it("returns the newest check first", async () => {
      const role = await client("member").call(endpoints.advisor.getVpProfile, {});
      const answersOf = (value: number) => Object.fromEntries(role.reflections.map((r) => [r.id, value]));
      const low = await client("member").call(endpoints.advisor.submitVpFit, { body: { answers: answersOf(2) } });
      const high = await client("member").call(endpoints.advisor.submitVpFit, { body: { answers: answersOf(4) } });
      const { checks } = await client("member").call(endpoints.advisor.listMyVpFit, {});
      expect(checks.map((c) => c.id)).toEqual([high.id, low.id]);
      expect(high.strengths).toHaveLength(role.traits.length);
      expect(low.watchOuts).toHaveLength(role.traits.length);
    });

    it("needs every statement answered 1–5, and no unknown ones (400)", async () => {
      const role = await client("peer").call(endpoints.advisor.getVpProfile, {});
      const full = Object.fromEntries(role.reflections.map((r) => [r.id, 3]));
      const [first, ...rest] = role.reflections;
      if (!first) throw new Error("no statements");
      const cases: [Record<string, number>, string][] = [
        [Object.fromEntries(rest.map((r) => [r.id, 3])), `answers.${first.id}`],
        [{ ...full, "not-a-statement": 3 }, "answers.not-a-statement"],
        [{ ...full, [first.id]: 6 }, `answers.${first.id}`],
        [{ ...full, [first.id]: 0 }, `answers.${first.id}`],
      ];
      for (const [answers, path] of cases) {
        const error = await apiError(client("peer").call(endpoints.advisor.submitVpFit, { body: { answers } }));
        expect(error.status).toBe(400);
        expect(error.details?.map((d) => d.path).join(" ")).toContain(path);
      }
      expect((await client("peer").call(endpoints.advisor.listMyVpFit, {})).checks).toEqual([]);
    });
  });
});
