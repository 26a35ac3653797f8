import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TFramework, type TPersonReadiness } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  buildAssessmentOrg,
  daysFromNow,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";

/**
 * The rule of DESIGN §4 and the privacy rules of §5 over HTTP: who may rate as what, stretch
 * competencies, corroboration, releases that keep their k, and released comments.
 *
 *     vic (VP) ── dana (Director) ─┬─ mia, pia, pete, paz, pol (PMs)
 *     oscar (Senior PM, elsewhere)
 */
describe("readiness you can trust, over HTTP", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let ladder: TFramework;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    ladder = (
      await org.as("mia")(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: "latest" },
      })
    ).document;
  });
  afterAll(async () => server?.stop());

  const idOf = (key: StaffKey) => org.people[key].id;
  const expectedAt = (levelId: string, competencyId: string) =>
    ladder.expectations[levelId]?.[competencyId] ?? { expected: 0, weight: 0 };
  const appliesAt = (levelId: string) => ladder.competencies.filter((c) => expectedAt(levelId, c.id).weight > 0);

  const readinessOf = (caller: CallerKey, subject: StaffKey, target?: string): Promise<TPersonReadiness> =>
    org.as(caller)(endpoints.readiness.forPerson, {
      params: { id: idOf(subject) },
      query: target === undefined ? {} : { target },
    });

  /** Starts an assessment, saves these scores and comments, submits it; returns the submitted assessment. */
  async function rate(
    rater: StaffKey,
    subject: StaffKey,
    relation: "self" | "manager" | "peer",
    ratings: { competencyId: string; score: number; evidence?: string }[],
    feedbackRequestId?: string,
  ) {
    const draft = await org.as(rater)(endpoints.assessments.start, {
      body: { subjectId: idOf(subject), relation, ...(feedbackRequestId ? { feedbackRequestId } : {}) },
    });
    await org.as(rater)(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: { ratings: ratings.map((r) => ({ ...r, evidence: r.evidence ?? "" })) },
    });
    return org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  }

  const askPeers = (asker: CallerKey, subject: StaffKey, raters: StaffKey[]) =>
    org.as(asker)(endpoints.feedback.create, {
      params: { id: idOf(subject) },
      body: { relation: "peer", raterIds: raters.map(idOf), dueAt: daysFromNow(7) },
    });

  const setK = (k: number) =>
    org.as("admin")(endpoints.readiness.updateSettings, {
      body: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k },
    });

  describe("who rates as what", () => {
    it("refuses the subject's manager, anyone above her and a direct report as peers, naming the conflict", async () => {
      const before = await org.as("dana")(endpoints.feedback.listAbout, { params: { id: idOf("mia") } });
      const cases: { asker: CallerKey; subject: StaffKey; raters: StaffKey[]; conflict: string }[] = [
        { asker: "dana", subject: "mia", raters: ["pia", "dana"], conflict: "Dana Director is Mia Member's manager" },
        {
          asker: "mia",
          subject: "mia",
          raters: ["vic"],
          conflict: "Vic Vee is above Mia Member in the reporting line",
        },
        { asker: "vic", subject: "dana", raters: ["pol"], conflict: "Pol Peer reports to Dana Director" },
        { asker: "mia", subject: "mia", raters: ["mia"], conflict: "about themselves" },
      ];
      for (const { asker, subject, raters, conflict } of cases) {
        const error = await apiError(askPeers(asker, subject, raters));
        expect(error, conflict).toMatchObject({ status: 400, code: "validation_failed" });
        expect(error.message, conflict).toContain(conflict);
      }
      expect(await org.as("dana")(endpoints.feedback.listAbout, { params: { id: idOf("mia") } })).toEqual(before);
    });

    it("does not let a manager rate her report as a peer, even one asked before she became the manager", async () => {
      const request = await askPeers("mia", "mia", ["pia", "pete"]);
      const asPeer = (caller: StaffKey, subject: StaffKey, feedbackRequestId: string) =>
        org.as(caller)(endpoints.assessments.start, {
          body: { subjectId: idOf(subject), relation: "peer", feedbackRequestId },
        });
      // Not named, as no request can name her: the request does not exist for her.
      expect(await apiError(asPeer("dana", "mia", request.id))).toMatchObject({ status: 404 });
      // Pia, asked as a peer, becomes Mia's manager before answering: refused, naming why.
      await org.as("admin")(endpoints.people.update, { params: { id: idOf("mia") }, body: { managerId: idOf("pia") } });
      try {
        expect(await apiError(asPeer("pia", "mia", request.id))).toMatchObject({
          status: 403,
          message: "You cannot answer as a peer of Mia Member: you are Mia Member's manager and rate as manager",
        });
      } finally {
        await org.as("admin")(endpoints.people.update, {
          params: { id: idOf("mia") },
          body: { managerId: idOf("dana") },
        });
      }
      // Pete, moved under Mia, now reports to her: refused too.
      await org.as("admin")(endpoints.people.update, {
        params: { id: idOf("pete") },
        body: { managerId: idOf("mia") },
      });
      try {
        expect(await apiError(asPeer("pete", "mia", request.id))).toMatchObject({
          status: 403,
          message:
            "You cannot answer as a peer of Mia Member: you report to Mia Member and give upward feedback instead",
        });
      } finally {
        await org.as("admin")(endpoints.people.update, {
          params: { id: idOf("pete") },
          body: { managerId: idOf("dana") },
        });
      }
      for (const caller of ["dana", "pia", "pete"] as const) {
        expect((await org.as(caller)(endpoints.assessments.listMine, {})).assessments, caller).toEqual([]);
      }
    });
  });

  describe("stretch ratings and corroboration: Mia, a PM, towards Senior PM", () => {
    const seniorPm = () => appliesAt("senior-pm");

    it("covers strategic partnerships in a PM's assessment, though it applies only from Senior PM", () => {
      expect(expectedAt("pm", "strategic-partnerships").weight).toBe(0);
      expect(expectedAt("senior-pm", "strategic-partnerships").weight).toBeGreaterThan(0);
    });

    it("gives a PM who rates herself 5 on everything almost, with every competency blocking", async () => {
      await rate(
        "mia",
        "mia",
        "self",
        seniorPm().map((c) => ({ competencyId: c.id, score: 5 })),
      );
      const readiness = await readinessOf("mia", "mia");
      expect(readiness.targetLevel.id).toBe("senior-pm");
      expect(readiness.score).toBe(1);
      expect(readiness.competencies.every((c) => c.status === "meets" && c.flags.includes("unverified"))).toBe(true);
      expect(readiness.competencies.some((c) => c.competencyId === "strategic-partnerships")).toBe(true);
      expect(readiness.verdict).toBe("almost");
      expect([...readiness.blockers].sort()).toEqual(
        seniorPm()
          .map((c) => c.id)
          .sort(),
      );
    });

    it("reaches ready for Senior PM once her manager rates every competency, strategic partnerships included", async () => {
      await rate(
        "dana",
        "mia",
        "manager",
        seniorPm().map((c) => ({ competencyId: c.id, score: expectedAt("senior-pm", c.id).expected })),
      );
      const readiness = await readinessOf("dana", "mia");
      const partnerships = readiness.competencies.find((c) => c.competencyId === "strategic-partnerships");
      // Manager at the expectation (×3) and self at 5 (×1): above it, corroborated.
      const expected = expectedAt("senior-pm", "strategic-partnerships").expected;
      expect(partnerships).toMatchObject({ isCorroborated: true, status: "meets" });
      expect(partnerships?.flags).not.toContain("unverified");
      expect(partnerships?.observed).toBeCloseTo((3 * expected + 5) / 4, 12);
      expect(readiness.verdict).toBe("ready");
      expect(readiness.blockers).toEqual([]);
    });
  });

  describe("released comments", () => {
    const [first, second] = ["strategic-thinking", "leadership"];
    /** Written in the order pia, paz, pol: neither competency's comments are in alphabetical order then. */
    const COMMENTS: Record<string, [string, string]> = {
      pia: ["Bravo: <script>alert('x')</script> clear roadmaps", "Zulu: grows the people around them"],
      paz: ["Alpha: <img src=x onerror=alert(1)> calm in incidents", "Yankee: sets a direction"],
      pol: ["Charlie: a strong partner to sales", "X-ray: asks for help early"],
    };
    const writers = ["pia", "paz", "pol"] as const;
    const submittedAt: string[] = [];
    const answerIds: string[] = [];
    let requestId = "";

    beforeAll(async () => {
      const request = await askPeers("dana", "pete", [...writers]);
      requestId = request.id;
      for (const writer of writers) {
        const done = await rate(
          writer,
          "pete",
          "peer",
          [first, second].map((competencyId, i) => ({
            competencyId: competencyId ?? "",
            score: 4,
            evidence: COMMENTS[writer]?.[i] ?? "",
          })),
          requestId,
        );
        submittedAt.push(done.submittedAt ?? "");
        answerIds.push(done.id);
      }
    });

    it("shows nothing while the request is open", async () => {
      const readiness = await readinessOf("pete", "pete");
      const competency = readiness.competencies.find((c) => c.competencyId === first);
      expect(competency?.comments).toEqual({ peer: null, upward: null });
      expect(JSON.stringify(readiness)).not.toContain("Bravo");
    });

    it("shows the subject and the managers the comments once released, as text, in no order of submission", async () => {
      await org.as("dana")(endpoints.feedback.close, { params: { requestId } });
      const views = await Promise.all((["pete", "dana", "vic"] as const).map((caller) => readinessOf(caller, "pete")));
      for (const view of views) {
        const byId = new Map(view.competencies.map((c) => [c.competencyId, c]));
        expect(byId.get(first ?? "")?.comments.peer).toEqual({
          texts: [
            "Alpha: <img src=x onerror=alert(1)> calm in incidents",
            "Bravo: <script>alert('x')</script> clear roadmaps",
            "Charlie: a strong partner to sales",
          ],
        });
        // Submitted Zulu, Yankee, X-ray: shown in the order of their text.
        expect(byId.get(second ?? "")?.comments.peer).toEqual({
          texts: ["X-ray: asks for help early", "Yankee: sets a direction", "Zulu: grows the people around them"],
        });
      }
      // The same for everyone who may read them; a peer reads nothing, an admin the numbers without comments.
      expect(views[1]?.competencies.map((c) => c.comments)).toEqual(views[0]?.competencies.map((c) => c.comments));
      for (const caller of ["pia", "oscar"] as const) {
        expect(await apiError(readinessOf(caller, "pete")), caller).toMatchObject({ status: 403 });
      }
      const asAdmin = await readinessOf("admin", "pete");
      expect(asAdmin.competencies.map((c) => c.groups)).toEqual(views[0]?.competencies.map((c) => c.groups));
      expect(asAdmin.competencies.flatMap((c) => [c.comments.peer, c.comments.upward])).not.toContainEqual(
        expect.objectContaining({ texts: expect.anything() }),
      );
      expect(JSON.stringify(asAdmin)).not.toContain("asks for help early");
    });

    it("ties no comment to a rater, a time or an order in any response about the person", async () => {
      const pete = idOf("pete");
      const paths = [
        `/api/people/${pete}/readiness`,
        `/api/people/${pete}/readiness?target=director`,
        `/api/people/${pete}/readiness/history`,
        `/api/people/${pete}/readiness/side-by-side`,
        `/api/people/${pete}/assessments`,
        `/api/people/${pete}/feedback-requests`,
        `/api/team/readiness`,
        `/api/team/heatmap?scope=all`,
      ];
      // Who was asked is listed by name on the request, and a manager's team lists her reports: the
      // writers' identities are searched for where the comments are, their answers' ids and times everywhere.
      const identities = writers.flatMap((w) => [idOf(w), org.people[w].email, org.people[w].name]);
      const answers = [...answerIds, ...submittedAt];
      const leaks: string[] = [];
      let commentsSeen = 0;
      for (const caller of ["pete", "dana", "vic"] as const) {
        for (const path of paths) {
          const response = await org.raw(caller, "GET", path);
          expect(response.status, `${caller} ${path}`).toBe(200);
          const body = await response.text();
          const isAboutPete = path.includes("/readiness") || path.includes("/assessments");
          const secrets = isAboutPete && path.startsWith("/api/people/") ? [...identities, ...answers] : answers;
          for (const secret of secrets) if (body.includes(secret)) leaks.push(`${caller} ${path} shows ${secret}`);
          if (body.includes("Bravo")) {
            commentsSeen += 1;
            if (!path.includes("/readiness") || path.includes("/history") || path.includes("side-by-side")) {
              leaks.push(`${caller} ${path} shows a comment outside readiness`);
            }
          }
        }
      }
      expect(leaks).toEqual([]);
      // pete, dana and vic each read them in the two readiness answers.
      expect(commentsSeen).toBe(6);
      // Each comment group carries its texts and nothing else.
      const readiness = await readinessOf("dana", "pete");
      for (const competency of readiness.competencies) {
        for (const group of [competency.comments.peer, competency.comments.upward]) {
          if (group && "texts" in group) expect(Object.keys(group)).toEqual(["texts"]);
        }
      }
    });

    it("never shows the comments of a later release below k, and says why when none qualifies", async () => {
      const later = await askPeers("dana", "pete", ["mia", "paz"]);
      for (const writer of ["mia", "paz"] as const) {
        await rate(
          writer,
          "pete",
          "peer",
          [{ competencyId: first ?? "", score: 1, evidence: "Delta: only two of us" }],
          later.id,
        );
      }
      await org.as("dana")(endpoints.feedback.close, { params: { requestId: later.id } });
      const readiness = await readinessOf("pete", "pete");
      expect(JSON.stringify(readiness)).not.toContain("Delta");
      // The earlier release of three still stands, alone.
      const competency = readiness.competencies.find((c) => c.competencyId === first);
      expect(competency?.groups.peer).toEqual({ mean: 4, count: 3 });
      expect(competency?.comments.peer).toMatchObject({
        texts: expect.arrayContaining([expect.stringMatching(/^Alpha/)]),
      });

      // Two peers about Paz, released under k = 3: no aggregate, no comment, and the reason.
      const two = await askPeers("dana", "paz", ["pia", "pete"]);
      for (const writer of ["pia", "pete"] as const) {
        await rate(writer, "paz", "peer", [{ competencyId: first ?? "", score: 3, evidence: "Echo: hidden" }], two.id);
      }
      await org.as("dana")(endpoints.feedback.close, { params: { requestId: two.id } });
      const paz = (await readinessOf("paz", "paz")).competencies.find((c) => c.competencyId === first);
      expect(paz?.comments.peer).toEqual({
        hidden: true,
        reason: "fewer than 3 peer raters: comments show only with the aggregate",
      });
      expect(JSON.stringify(paz)).not.toContain("Echo");
    });
  });

  describe("a release keeps its k", () => {
    it("does not reveal a release made under k = 3 when k is lowered to 2; raising k hides one made under 2", async () => {
      // Paz's release of two (above) was made under k = 3.
      await setK(2);
      const lowered = (await readinessOf("dana", "paz")).competencies.find(
        (c) => c.competencyId === "strategic-thinking",
      );
      expect(lowered?.groups.peer).toEqual({
        hidden: true,
        reason: "fewer than 3 peer raters, the k in force when the answers were released",
      });
      expect(JSON.stringify(lowered)).not.toContain("Echo");

      // A release of two made under k = 2 counts ...
      const underTwo = await askPeers("dana", "paz", ["pol", "mia"]);
      for (const writer of ["pol", "mia"] as const) {
        await rate(
          writer,
          "paz",
          "peer",
          [{ competencyId: "strategic-thinking", score: 2, evidence: "Foxtrot" }],
          underTwo.id,
        );
      }
      await org.as("dana")(endpoints.feedback.close, { params: { requestId: underTwo.id } });
      const shown = (await readinessOf("paz", "paz")).competencies.find((c) => c.competencyId === "strategic-thinking");
      expect(shown?.groups.peer).toEqual({ mean: 2, count: 2 });
      expect(shown?.comments.peer).toEqual({ texts: ["Foxtrot", "Foxtrot"] });

      // ... until k goes back up.
      await setK(3);
      const raised = (await readinessOf("paz", "paz")).competencies.find(
        (c) => c.competencyId === "strategic-thinking",
      );
      expect(raised?.groups.peer).toMatchObject({ hidden: true });
      expect(JSON.stringify(raised)).not.toContain("Foxtrot");
    });

    it("stops counting a peer who later joins the person's reporting line", async () => {
      const before = (await readinessOf("pete", "pete")).competencies.find((c) => c.competencyId === "leadership");
      expect(before?.groups.peer).toEqual({ mean: 4, count: 3 });
      // Pol, who answered about Pete, becomes Pete's manager: Pol can now read Pete's results.
      await org.as("admin")(endpoints.people.update, {
        params: { id: idOf("pete") },
        body: { managerId: idOf("pol") },
      });
      try {
        const after = (await readinessOf("pete", "pete")).competencies.find((c) => c.competencyId === "leadership");
        expect(after?.groups.peer).toMatchObject({ hidden: true });
        expect(after?.comments.peer).toMatchObject({ hidden: true });
      } finally {
        await org.as("admin")(endpoints.people.update, {
          params: { id: idOf("pete") },
          body: { managerId: idOf("dana") },
        });
      }
    });

    it("stops counting a peer who joins the chain through a change higher up, though the person's row is unchanged", async () => {
      const leadership = async () =>
        (await readinessOf("pete", "pete")).competencies.find((c) => c.competencyId === "leadership");
      expect((await leadership())?.groups.peer).toEqual({ mean: 4, count: 3 });
      const update = (key: StaffKey, managerId: string | null) =>
        org.as("admin")(endpoints.people.update, { params: { id: idOf(key) }, body: { managerId } });
      // Pol leaves Dana's team, then Vic (above Dana, above Pete) comes to report to Pol.
      await update("pol", null);
      await update("vic", idOf("pol"));
      try {
        expect((await leadership())?.groups.peer).toMatchObject({ hidden: true });
      } finally {
        await update("vic", null);
        await update("pol", idOf("dana"));
      }
      expect((await leadership())?.groups.peer).toEqual({ mean: 4, count: 3 });
    });
  });
});
