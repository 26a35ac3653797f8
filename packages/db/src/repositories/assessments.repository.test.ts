import { expect, it } from "vitest";
import {
  Access,
  AssessmentService,
  FeedbackRequestService,
  FrameworkCatalog,
  ReadinessService,
  type Person,
  type Viewer,
} from "@ascent/core";
import { buildFramework } from "@ascent/core/testing";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleAssessmentRepository, DrizzleFeedbackRequestRepository } from "./assessments.repository.ts";
import { DrizzleEvidenceRepository } from "./evidence.repository.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleReadinessSnapshotRepository, DrizzleSettingsRepository } from "./readiness.repository.ts";
import { DrizzleAuditRepository } from "./audit.repository.ts";
import { DrizzleAccountRepository } from "./accounts.repository.ts";

const viewerOf = (person: Person): Viewer => ({
  personId: person.id,
  name: person.name,
  isAdmin: false,
  via: "session",
});
const adminViewer: Viewer = {
  personId: "00000000-0000-4000-8000-00000000ad01",
  name: "Admin",
  isAdmin: true,
  via: "session",
};

describeEachDriver("assessments, feedback requests and readiness with real repositories", (db) => {
  let clock = new Date("2026-03-01T09:00:00Z");
  const tick = (minutes = 1) => (clock = new Date(clock.getTime() + minutes * 60_000));

  const setup = async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const frameworkRepository = new DrizzleFrameworkRepository(db().db);
    const frameworks = new FrameworkCatalog(frameworkRepository);
    // The services look up the built-in ladder by its slug.
    await frameworks.ensureBuiltin(buildFramework({ slug: "product-management" }));
    const assessments = new DrizzleAssessmentRepository(db().db);
    const requests = new DrizzleFeedbackRequestRepository(db().db);
    const now = () => clock;
    const evidence = new DrizzleEvidenceRepository(db().db);
    const audit = new DrizzleAuditRepository(db().db);
    // How the viewer stands towards a person, from the reporting chain as the server works it out.
    const access = new Access(async (viewer, personId) => {
      const person = await people.findById(personId);
      if (!person) return null;
      const managers = (await people.chainAbove(person.id)).map((manager) => manager.id);
      return {
        isSelf: person.id === viewer.personId,
        isDirectManager: managers[0] === viewer.personId,
        isInManagementChain: managers.includes(viewer.personId),
        hasOpenFeedbackRequest: false,
      };
    });
    const readiness = new ReadinessService({
      people,
      assessments,
      evidence,
      frameworks,
      settings: new DrizzleSettingsRepository(db().db),
      snapshots: new DrizzleReadinessSnapshotRepository(db().db),
      audit,
      access,
      requests,
      now,
    });
    const onReadinessInputsChanged = (id: string) => readiness.refreshSnapshots([id]);
    const accounts = new DrizzleAccountRepository(db().db);
    const isAdmin = async (id: string) => (await accounts.find(id))?.isAdmin ?? false;
    return {
      people,
      accounts,
      evidence,
      audit,
      readiness,
      assessmentService: new AssessmentService({
        people,
        assessments,
        requests,
        frameworks,
        isAdmin,
        onReadinessInputsChanged,
        access,
        now,
      }),
      requestService: new FeedbackRequestService({
        people,
        requests,
        isAdmin,
        onReadinessInputsChanged,
        anonymityThreshold: async () => (await readiness.settings()).k,
        now,
      }),
    };
  };

  it("runs self, manager and peer assessments into readiness without exposing one peer's answer", async () => {
    const { people, readiness, assessmentService, requestService } = await setup();
    const boss = await people.create({ name: "Boss", email: "boss@x.test", levelId: "director" });
    const pm = await people.create({ name: "Pam", email: "pam@x.test", levelId: "pm", managerId: boss.id });
    const peers = await Promise.all(
      ["p1", "p2", "p3"].map((n) => people.create({ name: n, email: `${n}@x.test`, levelId: "pm" })),
    );

    const self = await assessmentService.startOrResume(viewerOf(pm), { subjectId: pm.id, relation: "self" });
    await assessmentService.saveDraft(viewerOf(pm), self.id, [
      { competencyId: "strategy", score: 4, evidence: "<b>led</b> the plan", confidence: null, evidenceIds: [] },
    ]);
    tick();
    await assessmentService.submit(viewerOf(pm), self.id);
    await expect(assessmentService.submit(viewerOf(pm), self.id)).rejects.toMatchObject({ code: "already_submitted" });

    await expect(
      assessmentService.startOrResume(viewerOf(peers[0]!), { subjectId: pm.id, relation: "manager" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const managerView = await assessmentService.startOrResume(viewerOf(boss), {
      subjectId: pm.id,
      relation: "manager",
    });
    await expect(
      assessmentService.saveDraft(viewerOf(boss), managerView.id, [
        { competencyId: "strategy", score: 9, evidence: "", confidence: null, evidenceIds: [] },
      ]),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await assessmentService.saveDraft(viewerOf(boss), managerView.id, [
      { competencyId: "strategy", score: 3, evidence: "", confidence: null, evidenceIds: [] },
    ]);
    tick();
    await assessmentService.submit(viewerOf(boss), managerView.id);

    const request = await requestService.create(viewerOf(pm), {
      subjectId: pm.id,
      relation: "peer",
      raterIds: peers.map((p) => p.id),
      dueAt: new Date(clock.getTime() + 7 * 86_400_000),
      message: "",
    });
    await expect(
      assessmentService.startOrResume(viewerOf(pm), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: request.id,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const before = await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: true });
    for (const [i, peer] of peers.entries()) {
      const answer = await assessmentService.startOrResume(viewerOf(peer), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: request.id,
      });
      await assessmentService.saveDraft(viewerOf(peer), answer.id, [
        { competencyId: "strategy", score: [5, 5, 2][i] ?? 1, evidence: "", confidence: null, evidenceIds: [] },
      ]);
      tick();
      await assessmentService.submit(viewerOf(peer), answer.id);
      // Nothing about peers changes before the request closes.
      const during = await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: true });
      expect(during.competencies).toEqual(before.competencies);
    }

    await expect(assessmentService.getOwn(viewerOf(pm), self.id)).resolves.toMatchObject({ id: self.id });
    const peerAnswerId = (await assessmentService.listOwn(viewerOf(peers[0]!)))[0]?.id as string;
    await expect(assessmentService.getOwn(viewerOf(pm), peerAnswerId)).rejects.toMatchObject({ code: "not_found" });
    await expect(assessmentService.getOwn(viewerOf(boss), peerAnswerId)).rejects.toMatchObject({ code: "not_found" });
    expect((await assessmentService.listAttributedAbout(viewerOf(pm), pm.id)).map((a) => a.relation).sort()).toEqual([
      "manager",
      "self",
    ]);

    tick();
    await requestService.close(viewerOf(pm), request.id);
    const after = await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: true });
    const strategy = after.competencies.find((c) => c.competencyId === "strategy");
    expect(strategy?.groups.peer).toEqual({ mean: 4, count: 3 });
    expect(strategy?.groups.self).toEqual({ mean: 4, count: 1 });
    // (3·3 + 2·4 + 1·4) / 6
    expect(strategy?.observed).toBeCloseTo(21 / 6, 10);

    const history = await readiness.history(viewerOf(pm), pm.id);
    expect(history.points).toHaveLength(3);
  });

  it("lets the person and the managers above read readiness, logging a manager's read of shared evidence", async () => {
    const { people, evidence, audit, readiness } = await setup();
    const boss = await people.create({ name: "Boss", email: "reader-boss@x.test", levelId: "director" });
    const pm = await people.create({ name: "Pam", email: "reader-pam@x.test", levelId: "pm", managerId: boss.id });
    const outsider = await people.create({ name: "Out", email: "reader-out@x.test", levelId: "pm" });
    const shared = await evidence.create({
      personId: pm.id,
      date: "2026-02-01",
      title: "Shipped",
      body: "",
      competencyIds: ["strategy"],
      links: [],
      isSharedWithManager: true,
    });

    await readiness.readFor(viewerOf(pm), pm.id);
    expect(await audit.list({ kind: "read", subjectId: pm.id })).toEqual([]);
    await readiness.readFor(viewerOf(boss), pm.id);
    const reads = await audit.list({ kind: "read", subjectId: pm.id });
    expect(reads.map((r) => [r.actorId, r.action, r.details])).toEqual([
      [boss.id, "evidence.read", { evidenceIds: [shared.id], via: "readiness" }],
    ]);
    await expect(readiness.readFor(viewerOf(outsider), pm.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(readiness.readFor(viewerOf(boss), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await audit.list({ kind: "read", subjectId: pm.id })).toHaveLength(1);

    // An admin outside the chain reads the numbers: no evidence, no comments, and the read is logged.
    const asAdmin = await readiness.readFor({ ...viewerOf(outsider), isAdmin: true }, pm.id);
    expect(asAdmin.competencies.flatMap((c) => c.evidence)).toEqual([]);
    expect(asAdmin.competencies.every((c) => c.comments.peer === null || "hidden" in c.comments.peer)).toBe(true);
    const adminReads = await audit.list({ kind: "read", subjectId: pm.id, actorId: outsider.id });
    expect(adminReads.map((r) => [r.action, r.targetType])).toEqual([["readiness.read", "readiness"]]);
  });

  it("keeps a snapshot only until an open request about the person falls due", async () => {
    const { people, readiness, requestService } = await setup();
    const lead = await people.create({ name: "Lead", email: "lead@due.test", levelId: "director" });
    const pm = await people.create({ name: "Dee", email: "dee@due.test", levelId: "pm", managerId: lead.id });
    const peer = await people.create({ name: "Pat", email: "pat@due.test", levelId: "pm" });
    const dueAt = new Date(clock.getTime() + 3 * 86_400_000);
    await readiness.refreshSnapshots([pm.id]);
    const snapshots = new DrizzleReadinessSnapshotRepository(db().db);
    expect((await snapshots.list([pm.id]))[0]?.validUntil).toBeNull();
    await requestService.create(viewerOf(lead), {
      subjectId: pm.id,
      relation: "peer",
      raterIds: [peer.id],
      dueAt,
      message: "",
    });
    await readiness.refreshSnapshots([pm.id]);
    expect((await snapshots.list([pm.id]))[0]?.validUntil?.getTime()).toBe(dueAt.getTime());
  });

  it("hides a peer group below k and rejects rating yourself or others outside the rules", async () => {
    const { people, readiness, assessmentService, requestService } = await setup();
    const lead = await people.create({ name: "Lead", email: "lead@y.test", levelId: "director" });
    const pm = await people.create({ name: "Quinn", email: "quinn@y.test", levelId: "pm", managerId: lead.id });
    const [a, b] = await Promise.all(
      ["a", "b"].map((n) => people.create({ name: n, email: `${n}@y.test`, levelId: "pm" })),
    );
    const request = await requestService.create(viewerOf(lead), {
      subjectId: pm.id,
      relation: "peer",
      raterIds: [a!.id, b!.id],
      dueAt: new Date(clock.getTime() + 86_400_000),
      message: "",
    });
    for (const peer of [a!, b!]) {
      const answer = await assessmentService.startOrResume(viewerOf(peer), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: request.id,
      });
      await assessmentService.saveDraft(viewerOf(peer), answer.id, [
        { competencyId: "leadership", score: 5, evidence: "", confidence: null, evidenceIds: [] },
      ]);
      await assessmentService.submit(viewerOf(peer), answer.id);
    }
    await requestService.close(viewerOf(lead), request.id);
    const result = await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: false });
    const leadership = result.competencies.find((c) => c.competencyId === "leadership");
    expect(leadership?.groups.peer).toEqual({ hidden: true, reason: "fewer than 3 peer raters" });
    expect(leadership?.status).toBe("unknown");
    expect(JSON.stringify(result)).not.toMatch(/"mean":5/);
  });

  it("keeps the k of each release, and stops counting a rater who joins the reporting line", async () => {
    const { people, readiness, assessmentService, requestService } = await setup();
    const lead = await people.create({ name: "Lead", email: "lead@k.test", levelId: "director" });
    const pm = await people.create({ name: "Kim", email: "kim@k.test", levelId: "pm", managerId: lead.id });
    const [a, b, c] = await Promise.all(
      ["a", "b", "c"].map((n) => people.create({ name: n, email: `${n}@k.test`, levelId: "pm" })),
    );
    const ask = async (raters: Person[], score: number, comment = "") => {
      const request = await requestService.create(viewerOf(lead), {
        subjectId: pm.id,
        relation: "peer",
        raterIds: raters.map((r) => r.id),
        dueAt: new Date(clock.getTime() + 86_400_000),
        message: "",
      });
      for (const rater of raters) {
        const answer = await assessmentService.startOrResume(viewerOf(rater), {
          subjectId: pm.id,
          relation: "peer",
          feedbackRequestId: request.id,
        });
        await assessmentService.saveDraft(viewerOf(rater), answer.id, [
          { competencyId: "strategy", score, evidence: comment, confidence: null, evidenceIds: [] },
        ]);
        await assessmentService.submit(viewerOf(rater), answer.id);
      }
      return request;
    };
    const peerGroup = async () =>
      (await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: false })).competencies.find(
        (competency) => competency.competencyId === "strategy",
      );

    // Closed by hand under k = 3, and one more that simply falls due under k = 3.
    await requestService.close(viewerOf(lead), (await ask([a!, b!], 5)).id);
    tick();
    await ask([a!, b!], 4);
    tick(2 * 24 * 60);
    await readiness.updateSettings(adminViewer, { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 2 });
    expect((await peerGroup())?.groups.peer).toMatchObject({ hidden: true });

    // Released under k = 2, it shows at k = 2, with its comments.
    tick();
    await requestService.close(viewerOf(lead), (await ask([a!, b!], 3, "steady <i>hand</i>")).id);
    expect((await peerGroup())?.groups.peer).toEqual({ mean: 3, count: 2 });
    expect((await peerGroup())?.comments.peer).toEqual({ texts: ["steady <i>hand</i>", "steady <i>hand</i>"] });

    // Three peers at k = 3; then one of them becomes Kim's manager and no longer counts.
    await readiness.updateSettings(adminViewer, { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 3 });
    tick();
    await requestService.close(viewerOf(lead), (await ask([a!, b!, c!], 2)).id);
    expect((await peerGroup())?.groups.peer).toEqual({ mean: 2, count: 3 });
    await people.update(pm.id, { managerId: c!.id });
    expect((await peerGroup())?.groups.peer).toMatchObject({ hidden: true });
  });

  it("refuses the subject's manager, chain and direct reports as peers, naming the conflict", async () => {
    const { people, requestService, assessmentService } = await setup();
    const vp = await people.create({ name: "Vera", email: "vera@c.test", levelId: "vp" });
    const lead = await people.create({ name: "Lou", email: "lou@c.test", levelId: "director", managerId: vp.id });
    const pm = await people.create({ name: "Max", email: "max@c.test", levelId: "director", managerId: lead.id });
    const report = await people.create({ name: "Rae", email: "rae@c.test", levelId: "pm", managerId: pm.id });
    const peer = await people.create({ name: "Pia", email: "pia@c.test", levelId: "pm" });
    const ask = (raterIds: string[]) =>
      requestService.create(viewerOf(lead), {
        subjectId: pm.id,
        relation: "peer",
        raterIds,
        dueAt: new Date(clock.getTime() + 86_400_000),
        message: "",
      });
    await expect(ask([peer.id, lead.id])).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("Lou is Max's manager"),
    });
    await expect(ask([vp.id])).rejects.toThrow(/Vera is above Max in the reporting line/);
    await expect(ask([report.id])).rejects.toThrow(/Rae reports to Max/);
    // Asked as a peer, then moved under Max: the answer is refused.
    const request = await ask([peer.id]);
    await people.update(peer.id, { managerId: pm.id });
    await expect(
      assessmentService.startOrResume(viewerOf(peer), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: request.id,
      }),
    ).rejects.toThrow(/You cannot answer as a peer of Max: you report to Max/);
  });

  it("never counts a peer answer from someone who is an admin now, and refuses admins as raters", async () => {
    const { people, accounts, readiness, assessmentService, requestService } = await setup();
    const lead = await people.create({ name: "Lee", email: "lee@adm.test", levelId: "director" });
    const pm = await people.create({ name: "Ana", email: "ana@adm.test", levelId: "pm", managerId: lead.id });
    const [a, b, c, root] = await Promise.all(
      ["a", "b", "c", "Root"].map((n) => people.create({ name: n, email: `${n}@adm.test`, levelId: "pm" })),
    );
    await accounts.upsert({ personId: root!.id, isAdmin: true });
    const ask = (raterIds: string[]) =>
      requestService.create(viewerOf(lead), {
        subjectId: pm.id,
        relation: "peer",
        raterIds,
        dueAt: new Date(clock.getTime() + 86_400_000),
        message: "",
      });
    await expect(ask([a!.id, root!.id])).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("Root is an admin and can read Ana's results"),
    });

    const request = await ask([a!.id, b!.id, c!.id]);
    for (const [rater, score] of [
      [a!, 2],
      [b!, 3],
      [c!, 4],
    ] as const) {
      const answer = await assessmentService.startOrResume(viewerOf(rater), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: request.id,
      });
      await assessmentService.saveDraft(viewerOf(rater), answer.id, [
        { competencyId: "strategy", score, evidence: "", confidence: null, evidenceIds: [] },
      ]);
      await assessmentService.submit(viewerOf(rater), answer.id);
    }
    await requestService.close(viewerOf(lead), request.id);
    const peerGroup = async () =>
      (await readiness.forPerson(pm.id, { targetLevelId: "pm", canSeePrivateEvidence: false })).competencies.find(
        (competency) => competency.competencyId === "strategy",
      )?.groups.peer;
    expect(await peerGroup()).toEqual({ mean: 3, count: 3 });

    // c becomes an admin: their answer stops counting, and two answers are under k = 3.
    await accounts.setAdmin(c!.id, true);
    expect(await peerGroup()).toMatchObject({ hidden: true });
    await accounts.setAdmin(c!.id, false);
    expect(await peerGroup()).toEqual({ mean: 3, count: 3 });

    // Asked as a peer, then made an admin before answering: the answer is refused.
    tick();
    const later = await ask([a!.id]);
    await accounts.setAdmin(a!.id, true);
    await expect(
      assessmentService.startOrResume(viewerOf(a!), {
        subjectId: pm.id,
        relation: "peer",
        feedbackRequestId: later.id,
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("you are an admin") });
  });
});
