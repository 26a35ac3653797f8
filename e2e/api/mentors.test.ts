import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildSignedInOrg, rejectionOf, type SignedInOrg } from "../support/growth-org.ts";

/**
 *     vic (VP) ─┬─ dana (Director) ── mia (PM: the person with a gap)
 *               └─ dora (Director, another area)
 *     hana (Head), shy (Director), sam (Senior PM), weak (VP): elsewhere; plus the first admin.
 *
 * Everyone rates themself in Data analysis; with only a self assessment, that is their observed value.
 * The ladder expects 3 in Data analysis at Director, Senior Director and Head, and 4 at VP.
 */
const SPEC = {
  vic: { name: "Vic Vee", title: "VP of Product", levelId: "vp", manager: null, team: "Leadership" },
  dana: { name: "Dana Director", title: "Director of Product", levelId: "director", manager: "vic", team: "Core" },
  mia: { name: "Mia Member", title: "Product Manager", levelId: "pm", manager: "dana", team: "Core" },
  dora: { name: "Dora Growth", title: "Director, Growth", levelId: "director", manager: "vic", team: "Growth" },
  hana: { name: "Hana Head", title: "Head of Product", levelId: "head", manager: null, team: "Platform" },
  shy: { name: "Shy Private", title: "Product Director", levelId: "director", manager: null, team: "Payments" },
  sam: { name: "Sam Senior", title: "Senior PM", levelId: "senior-pm", manager: null, team: "Payments" },
  weak: { name: "Walt Weak", title: "VP Product", levelId: "vp", manager: null, team: "Payments" },
} as const;

type Key = keyof typeof SPEC;

const SELF_SCORES: Record<Exclude<Key, "mia">, number> = {
  vic: 5,
  dana: 4,
  dora: 3,
  hana: 5,
  shy: 5,
  sam: 5,
  weak: 3,
};

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("mentor matching over HTTP", () => {
  let server: TestServer;
  let org: SignedInOrg<Key>;

  const suggest = (
    caller: Key | "admin",
    query: { competency: string; target?: string; outsideChain?: "true" | "false" },
  ) => org.as(caller)(endpoints.mentors.suggest, { params: { id: org.people.mia.id }, query });
  const names = (result: { mentors: { name: string }[] }) => result.mentors.map((m) => m.name);

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildSignedInOrg(server, SPEC, "mentors.example.com");
    for (const [key, score] of Object.entries(SELF_SCORES) as [Key, number][]) {
      const call = org.as(key);
      const draft = await call(endpoints.assessments.start, {
        body: { subjectId: org.people[key].id, relation: "self" },
      });
      await call(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: [{ competencyId: "data-analysis", score }] },
      });
      await call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
    }
  });
  afterAll(async () => server?.stop());

  it("suggests people at or above the target who meet their own level's bar, best margin first, with reasons", async () => {
    const result = await suggest("mia", { competency: "data-analysis", target: "director" });
    expect(result.competency).toEqual({ id: "data-analysis", name: "Data analysis" });
    expect(result.target).toEqual({ id: "director", name: "Director of Product" });
    // By how far they clear the higher of their own bar and the Director's, then by nearness to Director:
    // Shy and Hana by 2 (Shy is a Director), Dana and Vic by 1 (Dana is), Dora by 0.
    expect(names(result)).toEqual(["Shy Private", "Hana Head", "Dana Director", "Vic Vee", "Dora Growth"]);
    expect(names(result)).not.toContain("Sam Senior");
    expect(names(result)).not.toContain("Walt Weak");
    expect(result.mentors[1]).toEqual({
      id: org.people.hana.id,
      name: "Hana Head",
      title: "Head of Product",
      level: { id: "head", name: "Head of Product" },
      team: "Platform",
      reason: "Meets the Head of Product expectation in Data analysis, above the Director of Product target",
    });
    expect(result.mentors.find((m) => m.name === "Dora Growth")?.reason).toBe(
      "Meets the Director of Product expectation in Data analysis",
    );
  });

  it("leaves out the management chain when asked", async () => {
    const result = await suggest("mia", { competency: "data-analysis", target: "director", outsideChain: "true" });
    expect(result.outsideChain).toBe(true);
    expect(names(result)).toEqual(["Shy Private", "Hana Head", "Dora Growth"]);
  });

  it("leaves out people who opted out, until they opt back in", async () => {
    expect(await org.as("shy")(endpoints.mentors.getMyAvailability, {})).toEqual({ isAvailable: true });
    expect(await org.as("shy")(endpoints.mentors.setMyAvailability, { body: { isAvailable: false } })).toEqual({
      isAvailable: false,
    });
    expect(await org.as("shy")(endpoints.mentors.getMyAvailability, {})).toEqual({ isAvailable: false });
    const without = await suggest("dana", { competency: "data-analysis", target: "director" });
    expect(names(without)).not.toContain("Shy Private");
    expect(names(without)).toContain("Hana Head");
    await org.as("shy")(endpoints.mentors.setMyAvailability, { body: { isAvailable: true } });
    expect(names(await suggest("mia", { competency: "data-analysis", target: "director" }))).toContain("Shy Private");
    await org.as("shy")(endpoints.mentors.setMyAvailability, { body: { isAvailable: false } });
  });

  it("never answers with a number: no score, observed value or margin of anyone", async () => {
    for (const outsideChain of ["true", "false"] as const) {
      const response = await org.sessions.mia.fetch(
        `/api/people/${org.people.mia.id}/mentors?competency=data-analysis&target=director&outsideChain=${outsideChain}`,
      );
      expect(response.status).toBe(200);
      const body: unknown = await response.json();
      expect(numbersIn(body)).toEqual([]);
      for (const mentor of (body as { mentors: { reason: string }[] }).mentors) expect(mentor.reason).not.toMatch(/\d/);
      expect(JSON.stringify(body)).not.toMatch(/score|observed|margin/i);
    }
  });

  it("defaults the target to the person's next level", async () => {
    const result = await suggest("mia", { competency: "data-analysis" });
    expect(result.target.id).toBe("senior-pm");
    // Senior PM is now within reach, so Sam qualifies too.
    expect(names(result)).toContain("Sam Senior");
  });

  it("is for the person and the managers above them only, and refuses unknown competencies or levels", async () => {
    expect(names(await suggest("vic", { competency: "data-analysis", target: "director" }))).toContain("Hana Head");
    for (const caller of ["hana", "dora", "admin"] as const) {
      expect(await rejectionOf(suggest(caller, { competency: "data-analysis" }))).toMatchObject({
        status: 403,
        code: "forbidden",
      });
    }
    expect(await rejectionOf(suggest("mia", { competency: "juggling" }))).toMatchObject({ status: 400 });
    expect(await rejectionOf(suggest("mia", { competency: "data-analysis", target: "astronaut" }))).toMatchObject({
      status: 400,
    });
  });
});
