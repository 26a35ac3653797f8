import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TFramework, type TPersonReadiness } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  buildAssessmentOrg,
  daysFromNow,
  STAFF_PASSWORD,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";

/**
 * Admins can read anyone's readiness numbers, so an admin is never a peer rater and never counts toward
 * k (DESIGN §4): otherwise an admin could join a peer request, answer, read the aggregate and subtract.
 * There is no HTTP call that grants admin: the operator does it on the server, as here.
 *
 *     vic (VP) ── dana (Director) ─┬─ mia, pia, pete, paz, pol (PMs)
 *     oscar (Senior PM, elsewhere)
 */
describe("admins are never peer raters, over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let competencyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    const ladder: TFramework = (
      await org.as("mia")(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: "latest" },
      })
    ).document;
    competencyId = ladder.competencies.find((c) => (ladder.expectations.pm?.[c.id]?.weight ?? 0) > 0)!.id;
    await org.as("admin")(endpoints.readiness.updateSettings, {
      body: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 3 },
    });
  });
  afterAll(async () => server?.stop());

  const idOf = (key: StaffKey) => org.people[key].id;
  const setAdmin = (key: StaffKey, isAdmin: boolean) =>
    server.services.accounts.setPasswordDirectly(idOf(key), STAFF_PASSWORD, isAdmin);
  const readinessOf = (caller: CallerKey, subject: StaffKey): Promise<TPersonReadiness> =>
    org.as(caller)(endpoints.readiness.forPerson, { params: { id: idOf(subject) }, query: {} });
  const peerOf = async (caller: CallerKey, subject: StaffKey) =>
    (await readinessOf(caller, subject)).competencies.find((c) => c.competencyId === competencyId)!;
  const askPeers = (asker: CallerKey, subject: StaffKey, raters: StaffKey[]) =>
    org.as(asker)(endpoints.feedback.create, {
      params: { id: idOf(subject) },
      body: { relation: "peer", raterIds: raters.map(idOf), dueAt: daysFromNow(7) },
    });
  const answer = async (rater: StaffKey, subject: StaffKey, feedbackRequestId: string, score: number) => {
    const draft = await org.as(rater)(endpoints.assessments.start, {
      body: { subjectId: idOf(subject), relation: "peer", feedbackRequestId },
    });
    await org.as(rater)(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: { ratings: [{ competencyId, score, evidence: `${rater} says ${score}` }] },
    });
    return org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  };

  it("refuses to name an admin as a peer, naming the conflict, and refuses the answer of one made admin since", async () => {
    await setAdmin("oscar", true);
    try {
      const error = await apiError(askPeers("dana", "mia", ["pia", "oscar"]));
      expect(error).toMatchObject({ status: 400, code: "validation_failed" });
      expect(error.message).toContain("Oscar Outsider is an admin and can read Mia Member's results");
      await setAdmin("oscar", false);
      const request = await askPeers("dana", "mia", ["oscar"]);
      await setAdmin("oscar", true);
      const refused = await apiError(
        org.as("oscar")(endpoints.assessments.start, {
          body: { subjectId: idOf("mia"), relation: "peer", feedbackRequestId: request.id },
        }),
      );
      expect(refused).toMatchObject({ status: 403 });
      expect(refused.message).toContain(
        "You cannot answer peer feedback about Mia Member: you are an admin and can read their results",
      );
    } finally {
      await setAdmin("oscar", false);
    }
  });

  it("stops counting a peer made admin after answering, at once, so their own read never includes it", async () => {
    const request = await askPeers("dana", "pol", ["pia", "pete", "paz"]);
    await answer("pia", "pol", request.id, 2);
    await answer("pete", "pol", request.id, 3);
    await answer("paz", "pol", request.id, 4);
    await org.as("dana")(endpoints.feedback.close, { params: { requestId: request.id } });
    // Read once so the server keeps it: the grant below must drop what it keeps.
    expect((await peerOf("dana", "pol")).groups.peer).toEqual({ mean: 3, count: 3 });

    await setAdmin("paz", true);
    try {
      expect((await peerOf("dana", "pol")).groups.peer).toMatchObject({ hidden: true });
      const asAdmin = await peerOf("paz", "pol");
      expect(asAdmin.groups.peer).toMatchObject({ hidden: true });
      expect(JSON.stringify(asAdmin)).not.toContain("paz says 4");
    } finally {
      await setAdmin("paz", false);
    }
    expect((await peerOf("dana", "pol")).groups.peer).toEqual({ mean: 3, count: 3 });
  });

  it("shows an admin outside the chain the numbers without evidence or comments, in the person's access log", async () => {
    await org.as("pol")(endpoints.evidence.create, {
      params: { id: idOf("pol") },
      body: {
        date: "2026-01-05",
        title: "Shipped the pricing page",
        competencyIds: [competencyId],
        isSharedWithManager: true,
      },
    });
    const asManager = await peerOf("dana", "pol");
    expect(asManager.evidence.map((e) => e.title)).toContain("Shipped the pricing page");
    expect(asManager.comments.peer).toMatchObject({ texts: expect.arrayContaining(["paz says 4"]) });

    const asAdmin = await readinessOf("admin", "pol");
    const competency = asAdmin.competencies.find((c) => c.competencyId === competencyId)!;
    expect(competency.groups.peer).toEqual({ mean: 3, count: 3 });
    expect(asAdmin.competencies.flatMap((c) => c.evidence)).toEqual([]);
    expect(competency.comments.peer).toMatchObject({ hidden: true });
    expect(JSON.stringify(asAdmin)).not.toContain("says");

    const log = await org.as("pol")(endpoints.audit.myAccessLog, { query: {} });
    const adminId = (await org.as("admin")(endpoints.auth.session, {})).person.id;
    expect(log.entries.find((e) => e.reader?.id === adminId)).toMatchObject({
      action: "readiness.read",
      targetType: "readiness",
      targetId: idOf("pol"),
    });
  });
});
