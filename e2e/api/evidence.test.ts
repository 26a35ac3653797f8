import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, LIMITS, type TEvidence } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  type AssessmentOrg,
  type CallerKey,
} from "../support/assessment-fixture.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("the evidence log over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let privateEntry: TEvidence;
  let sharedEntry: TEvidence;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
  });
  afterAll(async () => server?.stop());

  const list = (caller: CallerKey) => org.as(caller)(endpoints.evidence.list, { params: { id: org.people.mia.id } });
  const miaTitles = async () => (await list("mia")).evidence.map((e) => e.title).sort();

  describe("the owner's log", () => {
    it("logs dated achievements with tags and links, and keeps HTML in the body as text", async () => {
      const body = '<script>alert("pwned")</script><p>Cut onboarding drop-off by a third</p>';
      privateEntry = await org.as("mia")(endpoints.evidence.create, {
        params: { id: org.people.mia.id },
        body: {
          date: "2025-03-14",
          title: "Shipped the new onboarding",
          body,
          competencyIds: ["customer-focus", "data-analysis", "customer-focus"],
          links: ["https://example.com/launch-notes"],
        },
      });
      expect(privateEntry).toMatchObject({
        personId: org.people.mia.id,
        date: "2025-03-14",
        title: "Shipped the new onboarding",
        body,
        competencyIds: ["customer-focus", "data-analysis"],
        links: ["https://example.com/launch-notes"],
        isSharedWithManager: false,
      });
      sharedEntry = await org.as("mia")(endpoints.evidence.create, {
        params: { id: org.people.mia.id },
        body: { date: "2025-04-02", title: "Ran the pricing review", isSharedWithManager: true },
      });
      expect(sharedEntry).toMatchObject({ body: "", competencyIds: [], links: [] });

      const response = await org.raw("mia", "GET", `/api/people/${org.people.mia.id}/evidence`);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const read = (await response.json()) as { evidence: TEvidence[]; scope: string };
      expect(read.scope).toBe("all");
      // Newest first.
      expect(read.evidence.map((e) => e.id)).toEqual([sharedEntry.id, privateEntry.id]);
      expect(read.evidence[1]?.body).toBe(body);
    });

    it("lets the owner edit and delete their entries", async () => {
      const extra = await org.as("mia")(endpoints.evidence.create, {
        params: { id: org.people.mia.id },
        body: { date: "2025-01-10", title: "Draft entry" },
      });
      const edited = await org.as("mia")(endpoints.evidence.update, {
        params: { evidenceId: extra.id },
        body: { title: "Wrote the discovery guide", competencyIds: ["vision-innovation"] },
      });
      expect(edited).toMatchObject({ title: "Wrote the discovery guide", competencyIds: ["vision-innovation"] });
      expect(edited.date).toBe("2025-01-10");
      await org.as("mia")(endpoints.evidence.delete, { params: { evidenceId: extra.id } });
      expect(await miaTitles()).toEqual(["Ran the pricing review", "Shipped the new onboarding"]);
    });
  });

  describe("who sees it", () => {
    it("shows the managers above only what was shared with the manager, and logs each read for the owner", async () => {
      for (const caller of ["dana", "vic"] as const) {
        const view = await list(caller);
        expect(view.scope, caller).toBe("shared");
        expect(
          view.evidence.map((e) => e.id),
          caller,
        ).toEqual([sharedEntry.id]);
      }
      await list("mia");
      const { entries } = await org.as("mia")(endpoints.audit.myAccessLog, {});
      const reads = entries.filter((e) => e.action === "evidence.read");
      expect(reads.map((e) => e.reader?.name).sort()).toEqual(["Dana Director", "Vic Vee"]);
      expect(reads.every((e) => e.targetType === "evidence")).toBe(true);
    });

    it("shows admins, peers and outsiders nothing (403), and answers 404 for an unknown person", async () => {
      for (const caller of ["admin", "pia", "oscar"] as const) {
        expect(await apiError(list(caller)), caller).toMatchObject({ status: 403, code: "forbidden" });
      }
      expect(await apiError(org.as("mia")(endpoints.evidence.list, { params: { id: UNKNOWN_ID } }))).toMatchObject({
        status: 404,
      });
    });

    it("keeps writing to the owner: others cannot add (403), and their edits and deletes find nothing (404)", async () => {
      for (const caller of ["dana", "admin", "pia"] as const) {
        const add = await apiError(
          org.as(caller)(endpoints.evidence.create, {
            params: { id: org.people.mia.id },
            body: { date: "2025-05-05", title: "Planted" },
          }),
        );
        expect(add, caller).toMatchObject({ status: 403, code: "forbidden" });
        const edit = await apiError(
          org.as(caller)(endpoints.evidence.update, {
            params: { evidenceId: sharedEntry.id },
            body: { title: "Rewritten" },
          }),
        );
        expect(edit, caller).toMatchObject({ status: 404, code: "not_found" });
        const remove = await apiError(
          org.as(caller)(endpoints.evidence.delete, { params: { evidenceId: sharedEntry.id } }),
        );
        expect(remove, caller).toMatchObject({ status: 404, code: "not_found" });
      }
      expect(await miaTitles()).toEqual(["Ran the pricing review", "Shipped the new onboarding"]);
    });
  });

  describe("bad input: a clear 4xx, and the log does not change", () => {
    it("refuses text over the limit, unknown competencies, unsafe links, bad dates, HTML titles and unknown fields", async () => {
      const before = await list("mia");
      const valid = { date: "2025-06-01", title: "Valid title" };
      const bodies: unknown[] = [
        { ...valid, body: "x".repeat(LIMITS.evidenceText + 1) },
        { ...valid, competencyIds: ["juggling"] },
        { ...valid, links: ["javascript:alert(1)"] },
        { ...valid, links: ["not a url"] },
        { ...valid, date: "2025-02-30" },
        { ...valid, date: "yesterday" },
        { ...valid, title: "<b>Big</b> win" },
        { ...valid, title: "   " },
        { ...valid, isSharedWithManager: "yes" },
        { ...valid, mood: "great" },
        { title: "No date" },
      ];
      for (const body of bodies) {
        const response = await org.raw("mia", "POST", `/api/people/${org.people.mia.id}/evidence`, body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBe("validation_failed");
      }
      for (const body of [{}, { body: "x".repeat(LIMITS.evidenceText + 1) }, { competencyIds: ["juggling"] }]) {
        const response = await org.raw("mia", "PATCH", `/api/evidence/${sharedEntry.id}`, body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      }
      expect(await list("mia")).toEqual(before);
      const unknown = await apiError(
        org.as("mia")(endpoints.evidence.update, { params: { evidenceId: UNKNOWN_ID }, body: { title: "X" } }),
      );
      expect(unknown).toMatchObject({ status: 404, code: "not_found" });
    });

    it("takes a body of exactly the limit", async () => {
      const exact = await org.as("mia")(endpoints.evidence.update, {
        params: { evidenceId: privateEntry.id },
        body: { body: "y".repeat(LIMITS.evidenceText) },
      });
      expect(exact.body).toHaveLength(LIMITS.evidenceText);
      privateEntry = await org.as("mia")(endpoints.evidence.update, {
        params: { evidenceId: privateEntry.id },
        body: { body: privateEntry.body },
      });
    });
  });

  describe("suggested tags", () => {
    it("suggests competencies from the text at the viewer's level, and saves nothing", async () => {
      const before = await list("mia");
      const result = await org.as("mia")(endpoints.evidence.suggestTags, {
        body: {
          title: "Customer interviews before the redesign",
          body: "Interviewed twelve customers, mapped their jobs to be done, and shared the personas with design.",
        },
      });
      expect(result.levelId).toBe("pm");
      expect(result.frameworkVersion).toBe(1);
      expect(result.suggestions.length).toBeGreaterThan(0);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      expect(result.suggestions[0]).toMatchObject({ competencyId: "customer-focus", name: "Customer focus" });
      expect(result.suggestions[0]?.matchedWords).toEqual(expect.arrayContaining(["customers", "personas"]));
      const scores = result.suggestions.map((s) => s.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(await list("mia")).toEqual(before);
    });

    it("matches data work to data analysis, and returns nothing for text without telling words", async () => {
      const data = await org.as("dana")(endpoints.evidence.suggestTags, {
        body: { title: "Built the activation funnel dashboard", body: "Cohorts and A/B tests in SQL." },
      });
      expect(data.levelId).toBe("director");
      expect(data.suggestions[0]?.competencyId).toBe("data-analysis");
      const empty = await org.as("admin")(endpoints.evidence.suggestTags, { body: { title: "the and of", body: "" } });
      expect(empty).toMatchObject({ levelId: null, suggestions: [] });
    });

    it("saves only the tags the person confirms", async () => {
      const entry = await org.as("mia")(endpoints.evidence.create, {
        params: { id: org.people.mia.id },
        body: { date: "2025-06-10", title: "Customer interviews", competencyIds: ["communication"] },
      });
      expect(entry.competencyIds).toEqual(["communication"]);
    });
  });

  describe("linking evidence from ratings", () => {
    it("lets a rating link the subject's evidence the rater can see, and nothing else", async () => {
      const [competency] = await applicableCompetencies(org.as("mia"), "pm");
      const self = await org.as("mia")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "self" },
      });
      const linked = await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: self.id },
        body: {
          ratings: [{ competencyId: competency ?? "", score: 3, evidence: "", evidenceIds: [privateEntry.id] }],
        },
      });
      expect(linked.ratings[0]?.evidenceIds).toEqual([privateEntry.id]);

      const manager = await org.as("dana")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "manager" },
      });
      const rate = (evidenceIds: string[]) =>
        org.as("dana")(endpoints.assessments.saveRatings, {
          params: { assessmentId: manager.id },
          body: { ratings: [{ competencyId: competency ?? "", score: 3, evidence: "", evidenceIds }] },
        });
      expect((await rate([sharedEntry.id])).ratings[0]?.evidenceIds).toEqual([sharedEntry.id]);
      for (const ids of [[privateEntry.id], [UNKNOWN_ID]]) {
        expect(await apiError(rate(ids))).toMatchObject({ status: 400, code: "validation_failed" });
      }
      const read = await org.as("dana")(endpoints.assessments.get, { params: { assessmentId: manager.id } });
      expect(read.ratings[0]?.evidenceIds).toEqual([sharedEntry.id]);
    });
  });
});
