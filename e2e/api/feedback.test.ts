import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, LIMITS, type TFeedbackRequest } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  daysFromNow,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Every number anywhere in a parsed JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("feedback requests over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let pmCompetencies: string[];

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    pmCompetencies = await applicableCompetencies(org.as("mia"), "pm");
  });
  afterAll(async () => server?.stop());

  const requestsAbout = async (caller: CallerKey, person: StaffKey = "mia") =>
    (await org.as(caller)(endpoints.feedback.listAbout, { params: { id: org.people[person].id } })).requests;

  /** A peer answers a request: starts the draft through it, rates, submits. Returns the assessment id. */
  async function answer(peer: StaffKey, requestId: string, scores: number[]): Promise<string> {
    const draft = await org.as(peer)(endpoints.assessments.start, {
      body: { subjectId: org.people.mia.id, relation: "peer", feedbackRequestId: requestId },
    });
    await org.as(peer)(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: {
        ratings: scores.map((score, i) => ({
          competencyId: pmCompetencies[i] ?? "",
          score,
          evidence: `Seen by ${peer}`,
        })),
      },
    });
    return (await org.as(peer)(endpoints.assessments.submit, { params: { assessmentId: draft.id } })).id;
  }

  describe("asking and answering", () => {
    let request: TFeedbackRequest;

    it("lets the person ask named peers, with a due date, and shows whom by name", async () => {
      request = await org.as("mia")(endpoints.feedback.create, {
        params: { id: org.people.mia.id },
        body: {
          relation: "peer",
          raterIds: [org.people.pete.id, org.people.pia.id, org.people.paz.id],
          dueAt: daysFromNow(7),
          message: "How did the launch go from where you sat?",
        },
      });
      expect(request).toMatchObject({
        subject: { id: org.people.mia.id, name: "Mia Member" },
        relation: "peer",
        status: "open",
        closedAt: null,
        requestedBy: { id: org.people.mia.id, name: "Mia Member" },
        invited: [{ name: "Paz Peer" }, { name: "Pete Peer" }, { name: "Pia Peer" }],
        answeredCount: 0,
      });
    });

    it("shows requests about a person to them and the managers above them only", async () => {
      for (const caller of ["mia", "dana", "vic"] as const) {
        expect(
          (await requestsAbout(caller)).map((r) => r.id),
          caller,
        ).toEqual([request.id]);
      }
      for (const caller of ["admin", "pia", "oscar"] as const) {
        const error = await apiError(requestsAbout(caller));
        expect(error, caller).toMatchObject({ status: 403, code: "forbidden" });
      }
    });

    it("lets a manager above the person ask too, for upward feedback only from the person's reports", async () => {
      const byManager = await org.as("vic")(endpoints.feedback.create, {
        params: { id: org.people.dana.id },
        body: { relation: "upward", raterIds: [org.people.pol.id], dueAt: daysFromNow(3) },
      });
      expect(byManager).toMatchObject({ requestedBy: { name: "Vic Vee" }, relation: "upward", message: "" });
      const error = await apiError(
        org.as("dana")(endpoints.feedback.create, {
          params: { id: org.people.mia.id },
          body: { relation: "upward", raterIds: [org.people.pia.id], dueAt: daysFromNow(3) },
        }),
      );
      expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    });

    it("refuses bad requests with a clear 4xx and creates nothing", async () => {
      const before = await requestsAbout("mia");
      const cases: { caller: CallerKey; body: unknown; status: number; code: string }[] = [
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [org.people.mia.id], dueAt: daysFromNow(2) },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [UNKNOWN_ID], dueAt: daysFromNow(2) },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [org.people.pia.id], dueAt: daysFromNow(-1) },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [], dueAt: daysFromNow(2) },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: {
            relation: "peer",
            raterIds: Array.from({ length: LIMITS.feedbackRaters + 1 }, () => org.people.pia.id),
            dueAt: daysFromNow(2),
          },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "self", raterIds: [org.people.pia.id], dueAt: daysFromNow(2) },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [org.people.pia.id], dueAt: "next week" },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [org.people.pia.id], dueAt: daysFromNow(2), cc: "all" },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "mia",
          body: { relation: "peer", raterIds: [org.people.pia.id], dueAt: daysFromNow(2), message: "<b>hi</b>" },
          status: 400,
          code: "validation_failed",
        },
        {
          caller: "pia",
          body: { relation: "peer", raterIds: [org.people.pete.id], dueAt: daysFromNow(2) },
          status: 403,
          code: "forbidden",
        },
        {
          caller: "admin",
          body: { relation: "peer", raterIds: [org.people.pete.id], dueAt: daysFromNow(2) },
          status: 403,
          code: "forbidden",
        },
      ];
      for (const { caller, body, status, code } of cases) {
        const response = await org.raw(caller, "POST", `/api/people/${org.people.mia.id}/feedback-requests`, body);
        expect(response.status, `${caller} ${JSON.stringify(body)}`).toBe(status);
        expect(((await response.json()) as { error: string }).error).toBe(code);
      }
      const unknownPerson = await org.raw("mia", "POST", `/api/people/${UNKNOWN_ID}/feedback-requests`, {
        relation: "peer",
        raterIds: [org.people.pia.id],
        dueAt: daysFromNow(2),
      });
      expect(unknownPerson.status).toBe(404);
      expect(await requestsAbout("mia")).toEqual(before);
    });

    it("shows the colleagues asked their open requests, with the person's name and level", async () => {
      const { requests } = await org.as("pia")(endpoints.feedback.listMine, {});
      expect(requests).toEqual([
        {
          id: request.id,
          subject: { id: org.people.mia.id, name: "Mia Member", level: { id: "pm", name: "Product Manager" } },
          relation: "peer",
          message: "How did the launch go from where you sat?",
          dueAt: request.dueAt,
          requestedBy: { id: org.people.mia.id, name: "Mia Member" },
        },
      ]);
      expect((await org.as("oscar")(endpoints.feedback.listMine, {})).requests).toEqual([]);
      expect((await org.as("mia")(endpoints.feedback.listMine, {})).requests).toEqual([]);
    });

    it("lets only the colleagues named answer, and only as the relation asked", async () => {
      const start = (caller: CallerKey, relation: "peer" | "upward", feedbackRequestId?: string) =>
        org.as(caller)(endpoints.assessments.start, {
          body: { subjectId: org.people.mia.id, relation, ...(feedbackRequestId ? { feedbackRequestId } : {}) },
        });
      expect(await apiError(start("oscar", "peer", request.id))).toMatchObject({ status: 404, code: "not_found" });
      expect(await apiError(start("pol", "peer", request.id))).toMatchObject({ status: 404, code: "not_found" });
      expect(await apiError(start("pia", "peer", UNKNOWN_ID))).toMatchObject({ status: 404, code: "not_found" });
      expect(await apiError(start("pia", "peer"))).toMatchObject({ status: 403, code: "forbidden" });
      expect(await apiError(start("pia", "upward", request.id))).toMatchObject({
        status: 400,
        code: "validation_failed",
      });
      for (const caller of ["oscar", "pol", "pia"] as const) {
        expect((await org.as(caller)(endpoints.assessments.listMine, {})).assessments, caller).toEqual([]);
      }
    });

    it("counts answers without saying whose, and lets a peer read their own answer but not answer twice", async () => {
      const piaAnswer = await answer("pia", request.id, [2, 3]);
      const [after] = await requestsAbout("mia");
      expect(after).toMatchObject({ answeredCount: 1, status: "open" });
      expect(after?.invited).toEqual(request.invited);

      const own = await org.as("pia")(endpoints.assessments.get, { params: { assessmentId: piaAnswer } });
      expect(own).toMatchObject({ relation: "peer", status: "submitted", feedbackRequestId: request.id });
      expect(own.ratings.map((r) => r.score)).toEqual(expect.arrayContaining([2, 3]));
      expect((await org.as("pia")(endpoints.feedback.listMine, {})).requests).toEqual([]);

      const again = await apiError(
        org.as("pia")(endpoints.assessments.start, {
          body: { subjectId: org.people.mia.id, relation: "peer", feedbackRequestId: request.id },
        }),
      );
      expect(again).toMatchObject({ status: 409, code: "already_submitted" });
      for (const caller of ["mia", "dana", "admin"] as const) {
        const error = await apiError(
          org.as(caller)(endpoints.assessments.get, { params: { assessmentId: piaAnswer } }),
        );
        expect(error, caller).toMatchObject({ status: 404 });
      }
    });

    it("closes by hand for the person or a manager above them only, once", async () => {
      const pending = await org.as("pete")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "peer", feedbackRequestId: request.id },
      });
      await org.as("pete")(endpoints.assessments.saveRatings, {
        params: { assessmentId: pending.id },
        body: { ratings: [{ competencyId: pmCompetencies[0] ?? "", score: 3, evidence: "" }] },
      });
      for (const caller of ["oscar", "pia", "admin"] as const) {
        const error = await apiError(org.as(caller)(endpoints.feedback.close, { params: { requestId: request.id } }));
        expect(error, caller).toMatchObject({ status: 404, code: "not_found" });
      }
      expect((await requestsAbout("mia"))[0]?.status).toBe("open");

      const closed = await org.as("dana")(endpoints.feedback.close, { params: { requestId: request.id } });
      expect(closed).toMatchObject({ id: request.id, status: "closed", answeredCount: 1 });
      expect(closed.closedAt).not.toBeNull();
      const twice = await apiError(org.as("mia")(endpoints.feedback.close, { params: { requestId: request.id } }));
      expect(twice).toMatchObject({ status: 409, code: "conflict" });
      expect(
        await apiError(org.as("mia")(endpoints.feedback.close, { params: { requestId: UNKNOWN_ID } })),
      ).toMatchObject({ status: 404 });

      // A closed request takes no more answers.
      const late = await apiError(
        org.as("pete")(endpoints.assessments.submit, { params: { assessmentId: pending.id } }),
      );
      expect(late).toMatchObject({ status: 409, code: "conflict" });
      expect((await requestsAbout("mia"))[0]?.answeredCount).toBe(1);
      expect((await org.as("paz")(endpoints.feedback.listMine, {})).requests).toEqual([]);
    });
  });

  describe("privacy: no response ties a peer to a score", () => {
    /** Scores no self or manager rating uses, so that finding one in a response would find a peer's answer. */
    const PEER_SCORES: Record<string, number[]> = {
      pia: [1.125, 2.375],
      pete: [4.625, 1.875],
      pol: [3.125, 4.375],
    };
    const peerKeys = ["pia", "pete", "pol"] as const;
    const peerAssessmentIds: string[] = [];
    let requestId: string;

    beforeAll(async () => {
      // Self and manager assessments, evidence and a second feedback request, so every endpoint has data.
      const self = await org.as("mia")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "self" },
      });
      await org.as("mia")(endpoints.assessments.saveRatings, {
        params: { assessmentId: self.id },
        body: { ratings: [{ competencyId: pmCompetencies[0] ?? "", score: 3, evidence: "Ran the launch" }] },
      });
      await org.as("mia")(endpoints.assessments.submit, { params: { assessmentId: self.id } });
      const manager = await org.as("dana")(endpoints.assessments.start, {
        body: { subjectId: org.people.mia.id, relation: "manager" },
      });
      await org.as("dana")(endpoints.assessments.saveRatings, {
        params: { assessmentId: manager.id },
        body: { ratings: [{ competencyId: pmCompetencies[0] ?? "", score: 4, evidence: "Strong launch" }] },
      });
      await org.as("dana")(endpoints.assessments.submit, { params: { assessmentId: manager.id } });
      await org.as("mia")(endpoints.evidence.create, {
        params: { id: org.people.mia.id },
        body: { date: "2025-05-01", title: "Launch retro", isSharedWithManager: true },
      });

      const request = await org.as("dana")(endpoints.feedback.create, {
        params: { id: org.people.mia.id },
        body: { relation: "peer", raterIds: peerKeys.map((k) => org.people[k].id), dueAt: daysFromNow(14) },
      });
      requestId = request.id;
      for (const peer of peerKeys) peerAssessmentIds.push(await answer(peer, requestId, PEER_SCORES[peer] ?? []));
      await org.as("mia")(endpoints.feedback.close, { params: { requestId } });
    });

    it("lets each peer read their own answer, scores included", async () => {
      for (const [i, peer] of peerKeys.entries()) {
        const own = await org.as(peer)(endpoints.assessments.get, {
          params: { assessmentId: peerAssessmentIds[i] ?? "" },
        });
        expect(own.ratings.map((r) => r.score).sort()).toEqual([...(PEER_SCORES[peer] ?? [])].sort());
      }
    });

    it("never shows the subject, the managers or an admin a peer's answer, score, id or email", async () => {
      const mia = org.people.mia.id;
      /** Views about Mia: none may name a peer, let alone next to a score. */
      const aboutMia = [
        `/api/people/${mia}/assessments`,
        `/api/people/${mia}/feedback-requests`,
        `/api/people/${mia}/evidence`,
        `/api/people/${mia}/readiness`,
        `/api/people/${mia}/readiness/history`,
        `/api/people/${mia}/readiness/side-by-side`,
        `/api/me/assessments`,
        `/api/me/feedback-requests`,
        `/api/me/access-log`,
        ...peerAssessmentIds.map((id) => `/api/assessments/${id}`),
      ];
      /**
       * Views that list the peers as people in their own right (the admin's write log, a manager's team):
       * searched for peer answers and scores only.
       */
      const aboutEveryone = [
        `/api/audit?limit=500`,
        `/api/team/heatmap?scope=all`,
        `/api/team/readiness`,
        `/api/org/readiness`,
        `/api/org/heatmap`,
      ];
      const peerIdentities = peerKeys.flatMap((k) => [org.people[k].id, org.people[k].email]);
      const peerScores = new Set(Object.values(PEER_SCORES).flat());
      const leaks: string[] = [];
      const answered = new Map<string, number>();
      for (const caller of ["mia", "dana", "vic", "admin"] as const) {
        for (const path of [...aboutMia, ...aboutEveryone]) {
          const response = await org.raw(caller, "GET", path);
          const body = await response.text();
          answered.set(`${caller} ${path}`, response.status);
          if (path.startsWith("/api/assessments/") && response.status !== 404) {
            leaks.push(`${caller} GET ${path} answered ${response.status}, not 404`);
          }
          const secrets = aboutMia.includes(path) ? [...peerAssessmentIds, ...peerIdentities] : peerAssessmentIds;
          // A 404 may name the id it was asked for: the caller sent it.
          for (const secret of secrets.filter((s) => !path.includes(s))) {
            if (body.includes(secret)) leaks.push(`${caller} GET ${path} shows ${secret}`);
          }
          for (const number of numbersIn(JSON.parse(body))) {
            if (peerScores.has(number)) leaks.push(`${caller} GET ${path} shows the peer score ${number}`);
          }
        }
      }
      expect(leaks).toEqual([]);

      // The sweep read real data: the person and the managers above saw the assessments, requests,
      // evidence and readiness; admins saw none of the private content, only the readiness numbers
      // (no evidence, no comments; searched above like the rest) and the org-wide aggregates.
      for (const caller of ["mia", "dana", "vic"]) {
        for (const path of aboutMia.slice(0, 6))
          expect(answered.get(`${caller} ${path}`), `${caller} ${path}`).toBe(200);
      }
      const adminReads = aboutMia.filter((path) => path.includes("/readiness"));
      for (const path of aboutMia.slice(0, 6)) {
        expect(answered.get(`admin ${path}`), `admin ${path}`).toBe(adminReads.includes(path) ? 200 : 403);
      }
      expect(answered.get("admin /api/org/readiness")).toBe(200);

      // Peers show in readiness only as one aggregate over the three answers.
      const readiness = await org.as("mia")(endpoints.readiness.forPerson, { params: { id: mia } });
      const groups = readiness.competencies.map((c) => ({ competencyId: c.competencyId, peer: c.groups.peer }));
      for (const [index, competencyId] of pmCompetencies.slice(0, 2).entries()) {
        const scores = peerKeys.map((k) => PEER_SCORES[k]?.[index] ?? 0);
        const peer = groups.find((g) => g.competencyId === competencyId)?.peer;
        expect(peer, competencyId).toMatchObject({ count: 3 });
        expect(peer && "mean" in peer ? peer.mean : null).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 3, 5);
      }
    });

    it("shows the subject who was asked and how many answered, not who did", async () => {
      const request = (await requestsAbout("mia")).find((r) => r.id === requestId);
      expect(request).toMatchObject({
        status: "closed",
        invited: [{ name: "Pete Peer" }, { name: "Pia Peer" }, { name: "Pol Peer" }],
        answeredCount: 3,
      });
      expect(Object.keys(request?.invited[0] ?? {})).toEqual(["name"]);
    });
  });
});
