import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, LIMITS, type TAssessment } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  type AssessmentOrg,
} from "../support/assessment-fixture.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("assessments over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let pmCompetencies: string[];

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    pmCompetencies = await applicableCompetencies(org.as("mia"), "pm");
  });
  afterAll(async () => server?.stop());

  const startSelf = () =>
    org.as("mia")(endpoints.assessments.start, { body: { subjectId: org.people.mia.id, relation: "self" } });
  const startManager = () =>
    org.as("dana")(endpoints.assessments.start, { body: { subjectId: org.people.mia.id, relation: "manager" } });
  const scores = (values: number[]) =>
    values.map((score, i) => ({ competencyId: pmCompetencies[i] ?? "", score, evidence: `Example ${i}` }));

  describe("a self-assessment from draft to correction", () => {
    let original: TAssessment;

    it("starts a draft on the latest framework version, and resumes the same draft", async () => {
      original = await startSelf();
      expect(original).toMatchObject({
        subject: { id: org.people.mia.id, name: "Mia Member" },
        rater: { id: org.people.mia.id, name: "Mia Member" },
        relation: "self",
        status: "draft",
        frameworkVersion: 1,
        levelId: "pm",
        ratings: [],
        submittedAt: null,
        migratedFrom: null,
      });
      expect((await startSelf()).id).toBe(original.id);
    });

    it("autosaves: each save replaces the draft's ratings", async () => {
      await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: original.id },
        body: { ratings: scores([3, 2, 4]) },
      });
      const saved = await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: original.id },
        body: {
          ratings: [
            { competencyId: pmCompetencies[0] ?? "", score: 4, evidence: "Led the Q3 roadmap", confidence: 4 },
            { competencyId: pmCompetencies[1] ?? "", score: null, evidence: "" },
          ],
        },
      });
      expect(saved.ratings).toEqual(
        expect.arrayContaining([
          { competencyId: pmCompetencies[0], score: 4, evidence: "Led the Q3 roadmap", confidence: 4, evidenceIds: [] },
          { competencyId: pmCompetencies[1], score: null, evidence: "", confidence: null, evidenceIds: [] },
        ]),
      );
      expect(saved.ratings).toHaveLength(2);
      const read = await org.as("mia")(endpoints.assessments.get, { params: { assessmentId: original.id } });
      expect(read.ratings).toEqual(saved.ratings);
    });

    it("stores HTML or script in evidence text verbatim, returned as a JSON string", async () => {
      const evidence = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
      const response = await org.raw("mia", "PUT", `/api/assessments/${original.id}/ratings`, {
        ratings: [{ competencyId: pmCompetencies[0], score: 4, evidence }],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as TAssessment;
      expect(body.ratings[0]?.evidence).toBe(evidence);
    });

    it("submits once; a second submit is 409 already_submitted and changes nothing", async () => {
      await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: original.id },
        body: { ratings: scores([3, 3, 2]) },
      });
      const submitted = await org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: original.id } });
      expect(submitted.status).toBe("submitted");
      expect(submitted.submittedAt).not.toBeNull();
      original = submitted;

      const again = await apiError(
        org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: original.id } }),
      );
      expect(again).toMatchObject({ status: 409, code: "already_submitted" });
      const edit = await apiError(
        org.as("mia")(endpoints.assessments.saveRatings, {
          params: { assessmentId: original.id },
          body: { ratings: scores([5, 5, 5]) },
        }),
      );
      expect(edit).toMatchObject({ status: 409, code: "already_submitted" });
      const read = await org.as("mia")(endpoints.assessments.get, { params: { assessmentId: original.id } });
      expect(read).toEqual(submitted);
    });

    it("corrects by a new draft that supersedes the original once submitted", async () => {
      const correction = await org.as("mia")(endpoints.assessments.correct, {
        params: { assessmentId: original.id },
      });
      expect(correction).toMatchObject({ status: "draft", supersedesId: original.id, relation: "self" });
      expect(correction.id).not.toBe(original.id);
      expect(correction.ratings.map((r) => r.score)).toEqual(original.ratings.map((r) => r.score));
      expect(
        await apiError(org.as("mia")(endpoints.assessments.correct, { params: { assessmentId: original.id } })),
      ).toMatchObject({ status: 409, code: "conflict" });

      await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: correction.id },
        body: { ratings: scores([4, 3, 2]) },
      });
      await org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: correction.id } });
      const { assessments } = await org.as("mia")(endpoints.assessments.listAbout, {
        params: { id: org.people.mia.id },
      });
      expect(assessments.map((a) => [a.id, a.isSuperseded])).toEqual([
        [original.id, true],
        [correction.id, false],
      ]);
    });
  });

  describe("manager assessments", () => {
    it("lets the direct manager assess a report, and lists it with the manager's name", async () => {
      const draft = await startManager();
      expect(draft).toMatchObject({ relation: "manager", rater: { name: "Dana Director" }, levelId: "pm" });
      await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: scores([4, 4, 3, 3]) },
      });
      await org.as("dana")(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
      const { assessments } = await org.as("dana")(endpoints.assessments.listMine, {});
      expect(assessments).toEqual([
        expect.objectContaining({
          id: draft.id,
          status: "submitted",
          subject: { id: org.people.mia.id, name: "Mia Member" },
        }),
      ]);
    });

    it("refuses a manager assessment from a skip-level manager or about someone outside the direct reports (403)", async () => {
      for (const [caller, subjectId] of [
        ["vic", org.people.mia.id],
        ["dana", org.people.oscar.id],
        ["pia", org.people.mia.id],
        ["admin", org.people.mia.id],
      ] as const) {
        const error = await apiError(
          org.as(caller)(endpoints.assessments.start, { body: { subjectId, relation: "manager" } }),
        );
        expect(error, `${caller}`).toMatchObject({ status: 403, code: "forbidden" });
      }
      for (const caller of ["vic", "pia", "admin"] as const) {
        expect((await org.as(caller)(endpoints.assessments.listMine, {})).assessments).toEqual([]);
      }
    });

    it("refuses a self-assessment about someone else, and rating yourself as a peer or report (403)", async () => {
      const cases = [
        { caller: "dana", body: { subjectId: org.people.mia.id, relation: "self" } },
        { caller: "mia", body: { subjectId: org.people.mia.id, relation: "peer" } },
        { caller: "mia", body: { subjectId: org.people.mia.id, relation: "peer", feedbackRequestId: UNKNOWN_ID } },
        { caller: "mia", body: { subjectId: org.people.mia.id, relation: "upward" } },
        { caller: "pia", body: { subjectId: org.people.mia.id, relation: "peer" } },
      ] as const;
      for (const { caller, body } of cases) {
        const error = await apiError(org.as(caller)(endpoints.assessments.start, { body }));
        expect(error, JSON.stringify(body)).toMatchObject({ status: 403, code: "forbidden" });
      }
      const mine = await org.as("mia")(endpoints.assessments.listMine, {});
      expect(mine.assessments.map((a) => a.relation)).toEqual(["self", "self"]);
    });
  });

  describe("who reads which assessments", () => {
    it("shows submitted self and manager assessments to the person and the managers above them", async () => {
      for (const caller of ["mia", "dana", "vic"] as const) {
        const { assessments } = await org.as(caller)(endpoints.assessments.listAbout, {
          params: { id: org.people.mia.id },
        });
        expect(assessments.map((a) => a.relation).sort(), caller).toEqual(["manager", "self", "self"]);
        expect(assessments.every((a) => a.status === "submitted")).toBe(true);
      }
    });

    it("keeps them from admins, peers and outsiders (403) and unknown people (404)", async () => {
      for (const caller of ["admin", "pia", "oscar"] as const) {
        const error = await apiError(
          org.as(caller)(endpoints.assessments.listAbout, { params: { id: org.people.mia.id } }),
        );
        expect(error, caller).toMatchObject({ status: 403, code: "forbidden" });
      }
      expect(
        await apiError(org.as("mia")(endpoints.assessments.listAbout, { params: { id: UNKNOWN_ID } })),
      ).toMatchObject({ status: 404, code: "not_found" });
    });

    it("answers 404 to anyone reading an assessment that is not theirs, the manager and admins included", async () => {
      const [own] = (await org.as("mia")(endpoints.assessments.listMine, {})).assessments;
      for (const caller of ["dana", "vic", "admin", "pia"] as const) {
        const error = await apiError(
          org.as(caller)(endpoints.assessments.get, { params: { assessmentId: own?.id ?? "" } }),
        );
        expect(error, caller).toMatchObject({ status: 404, code: "not_found" });
        const writes = await Promise.all([
          apiError(org.as(caller)(endpoints.assessments.submit, { params: { assessmentId: own?.id ?? "" } })),
          apiError(org.as(caller)(endpoints.assessments.correct, { params: { assessmentId: own?.id ?? "" } })),
        ]);
        expect(writes.map((e) => e.status)).toEqual([404, 404]);
      }
      for (const call of [
        org.as("mia")(endpoints.assessments.get, { params: { assessmentId: UNKNOWN_ID } }),
        org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: UNKNOWN_ID } }),
        org.as("mia")(endpoints.assessments.start, { body: { subjectId: UNKNOWN_ID, relation: "self" } }),
      ]) {
        expect(await apiError(call)).toMatchObject({ status: 404, code: "not_found" });
      }
    });

    it("answers 401 to anonymous callers", async () => {
      const response = await fetch(`${server.url}/api/me/assessments`);
      expect(response.status).toBe(401);
    });
  });

  describe("bad input: a clear 4xx, and the draft does not change", () => {
    let draft: TAssessment;

    beforeAll(async () => {
      draft = await org.as("dana")(endpoints.assessments.start, {
        body: { subjectId: org.people.pia.id, relation: "manager" },
      });
      draft = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: scores([3, 2]) },
      });
    });

    const expectUnchanged = async () => {
      const read = await org.as("dana")(endpoints.assessments.get, { params: { assessmentId: draft.id } });
      expect(read.ratings).toEqual(draft.ratings);
      expect(read.status).toBe("draft");
    };

    it("refuses a score outside the framework's scale, naming the field", async () => {
      for (const score of [0, 5.5, -1, 6]) {
        const error = await apiError(
          org.as("dana")(endpoints.assessments.saveRatings, {
            params: { assessmentId: draft.id },
            body: { ratings: [{ competencyId: pmCompetencies[0] ?? "", score, evidence: "" }] },
          }),
        );
        expect(error, String(score)).toMatchObject({ status: 400, code: "validation_failed" });
        expect(error.details).toContainEqual({ path: "ratings[0].score", message: "must be between 1 and 5" });
      }
      await expectUnchanged();
    });

    it("refuses an unknown competency and a duplicate, and takes a stretch competency of the next level", async () => {
      for (const ratings of [
        [{ competencyId: "juggling", score: 3, evidence: "" }],
        [
          { competencyId: pmCompetencies[0] ?? "", score: 3, evidence: "" },
          { competencyId: pmCompetencies[0] ?? "", score: 4, evidence: "" },
        ],
      ]) {
        const error = await apiError(
          org.as("dana")(endpoints.assessments.saveRatings, { params: { assessmentId: draft.id }, body: { ratings } }),
        );
        expect(error).toMatchObject({ status: 400, code: "validation_failed" });
        expect(error.details?.[0]?.path).toMatch(/^ratings\[\d\]\.competencyId$/);
      }
      await expectUnchanged();
      // Strategic partnerships has weight 0 at PM and applies from Senior PM: a PM can be rated on it.
      const stretch = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: [...draft.ratings, { competencyId: "strategic-partnerships", score: 2, evidence: "" }] },
      });
      expect(stretch.ratings.map((r) => r.competencyId)).toContain("strategic-partnerships");
      draft = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: draft.ratings },
      });
      await expectUnchanged();
    });

    it("refuses evidence text over the shared limit, and takes it at exactly the limit", async () => {
      const tooLong = "x".repeat(LIMITS.evidenceText + 1);
      const error = await apiError(
        org.as("dana")(endpoints.assessments.saveRatings, {
          params: { assessmentId: draft.id },
          body: { ratings: [{ competencyId: pmCompetencies[0] ?? "", score: 3, evidence: tooLong }] },
        }),
      );
      expect(error).toMatchObject({ status: 400, code: "validation_failed" });
      await expectUnchanged();
      const exact = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: {
          ratings: [{ competencyId: pmCompetencies[0] ?? "", score: 3, evidence: "y".repeat(LIMITS.evidenceText) }],
        },
      });
      expect(exact.ratings[0]?.evidence).toHaveLength(LIMITS.evidenceText);
      draft = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: draft.ratings },
      });
      await expectUnchanged();
    });

    it("refuses wrong types and unknown fields with 400", async () => {
      const bodies = [
        { ratings: [{ competencyId: pmCompetencies[0], score: "3", evidence: "" }] },
        { ratings: [{ competencyId: pmCompetencies[0], score: 3, evidence: "", colour: "red" }] },
        { ratings: [{ competencyId: pmCompetencies[0], score: 3, evidence: "", confidence: 9 }] },
        { ratings: [{ competencyId: pmCompetencies[0], score: 3, evidence: "", evidenceIds: ["not-a-uuid"] }] },
        { ratings: "all fours" },
        { ratings: [], extra: true },
      ];
      for (const body of bodies) {
        const response = await org.raw("dana", "PUT", `/api/assessments/${draft.id}/ratings`, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBe("validation_failed");
      }
      for (const body of [
        { subjectId: org.people.pia.id, relation: "boss" },
        { subjectId: "mia", relation: "self" },
        { subjectId: org.people.pia.id, relation: "manager", note: "hi" },
      ]) {
        const response = await org.raw("dana", "POST", "/api/assessments", body);
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      expect((await org.raw("dana", "GET", "/api/assessments/not-a-uuid")).status).toBe(400);
      await expectUnchanged();
    });

    it("refuses to submit a draft with no score yet", async () => {
      const empty = await org.as("mia")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "self" },
      });
      const error = await apiError(org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: empty.id } }));
      expect(error).toMatchObject({ status: 400, code: "validation_failed" });
      const read = await org.as("mia")(endpoints.assessments.get, { params: { assessmentId: empty.id } });
      expect(read.status).toBe("draft");
    });
  });

  describe("framework versions", () => {
    it("keeps a draft on the version it was started on and refuses a competency of another version", async () => {
      const oldDraft = await org.as("dana")(endpoints.assessments.start, {
        body: { subjectId: org.people.pete.id, relation: "manager" },
      });
      const [submittedBefore] = (
        await org.as("mia")(endpoints.assessments.listAbout, { params: { id: org.people.mia.id } })
      ).assessments;
      expect(submittedBefore?.frameworkVersion).toBe(1);

      // Version 2 adds a competency at every level.
      const admin = org.as("admin");
      const draft = await admin(endpoints.frameworkAdmin.startDraft, {
        params: { framework: "product-management" },
        body: {},
      });
      const document = structuredClone(draft.document);
      document.competencies.push({
        id: "ai-fluency",
        name: "AI fluency",
        area: "Craft",
        description: "Uses machine learning tools and knows their limits.",
      });
      for (const row of Object.values(document.expectations)) {
        row["ai-fluency"] = { expected: 2, weight: 1, descriptor: "Uses AI tools well.", interpolated: false };
      }
      await admin(endpoints.frameworkAdmin.saveDraft, {
        params: { framework: "product-management" },
        body: { document },
      });
      const published = await admin(endpoints.frameworkAdmin.publish, {
        params: { framework: "product-management" },
        body: {},
      });
      expect(published.version).toBe(2);

      const aiRating = [{ competencyId: "ai-fluency", score: 3, evidence: "" }];
      const error = await apiError(
        org.as("dana")(endpoints.assessments.saveRatings, {
          params: { assessmentId: oldDraft.id },
          body: { ratings: aiRating },
        }),
      );
      expect(error).toMatchObject({ status: 400, code: "validation_failed" });
      expect(error.details?.[0]).toMatchObject({ path: "ratings[0].competencyId" });
      const stillOld = await org.as("dana")(endpoints.assessments.get, { params: { assessmentId: oldDraft.id } });
      expect(stillOld).toMatchObject({ frameworkVersion: 1, ratings: [] });

      const fresh = await org.as("dana")(endpoints.assessments.start, {
        body: { subjectId: org.people.paz.id, relation: "manager" },
      });
      expect(fresh.frameworkVersion).toBe(2);
      const saved = await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: fresh.id },
        body: { ratings: aiRating },
      });
      expect(saved.ratings.map((r) => r.competencyId)).toEqual(["ai-fluency"]);

      // Submitted assessments are carried onto the new version, keeping a record of the original.
      const [submittedAfter] = (
        await org.as("mia")(endpoints.assessments.listAbout, { params: { id: org.people.mia.id } })
      ).assessments;
      expect(submittedAfter).toMatchObject({
        id: submittedBefore?.id,
        frameworkVersion: 2,
        migratedFrom: {
          frameworkVersion: 1,
          levelId: "pm",
          ratings: submittedBefore?.ratings,
          migrations: [{ fromVersion: 1, toVersion: 2 }],
        },
      });
      expect(submittedAfter?.ratings).toEqual(submittedBefore?.ratings);
    });
  });
});
