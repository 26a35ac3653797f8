import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  daysFromNow,
  type AssessmentOrg,
} from "../support/assessment-fixture.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;

const PEER_COMMENT = "Pia's own words about Mia, never hers to export";
const DANAS_PRIVATE_NOTE = "Dana's private thought about Mia";
const MIAS_PRIVATE_NOTE = "Mia's private reminder for the next 1:1";
const MANAGER_COMMENT = "Dana's manager rating comment";

/** Every file of an archive, by name. */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) files.set(name, (await zip.file(name)?.async("string")) ?? "");
  return files;
}

const everything = (files: Map<string, string>) => [...files.values()].join("\n");
const rowsOf = (files: Map<string, string>, name: string) =>
  JSON.parse(files.get(`${name}.json`) ?? "null") as Record<string, unknown>[];

for (const leg of legs) {
  describeOnDriver(leg.driver, "a person's data export", () => {
    let server: TestServer;
    let org: AssessmentOrg;
    let oneOnOneId: string;
    let peerAssessmentId: string;
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      server = await startTestServer({ databaseUrl });
      org = await buildAssessmentOrg(server);
      const mia = org.people.mia.id;
      const [competency] = await applicableCompetencies(org.as("mia"), "pm");
      if (!competency) throw new Error("the built-in ladder has no competency at PM");
      const rate = async (
        rater: "mia" | "dana" | "pia",
        relation: "self" | "manager" | "peer",
        evidence: string,
        feedbackRequestId?: string,
      ) => {
        const draft = await org.as(rater)(endpoints.assessments.start, {
          body: { subjectId: mia, relation, ...(feedbackRequestId ? { feedbackRequestId } : {}) },
        });
        await org.as(rater)(endpoints.assessments.saveRatings, {
          params: { assessmentId: draft.id },
          body: { ratings: [{ competencyId: competency, score: 3, evidence }] },
        });
        await org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
        return draft.id;
      };
      await rate("mia", "self", "Mia on herself");
      await rate("dana", "manager", MANAGER_COMMENT);
      const request = await org.as("mia")(endpoints.feedback.create, {
        params: { id: mia },
        body: { relation: "peer", raterIds: [org.people.pia.id], dueAt: daysFromNow(7) },
      });
      peerAssessmentId = await rate("pia", "peer", PEER_COMMENT, request.id);
      await org.as("mia")(endpoints.evidence.create, {
        params: { id: mia },
        body: { date: "2026-03-02", title: "Shipped the onboarding revamp", body: "Cut drop-off by a third" },
      });
      const meeting = await org.as("dana")(endpoints.oneOnOnes.create, {
        body: { withPersonId: mia, scheduledAt: "2026-04-01T09:30:00.000Z" },
      });
      oneOnOneId = meeting.id;
      await org.as("dana")(endpoints.oneOnOnes.savePrivateNotes, {
        params: { id: oneOnOneId },
        body: { body: DANAS_PRIVATE_NOTE },
      });
      await org.as("mia")(endpoints.oneOnOnes.savePrivateNotes, {
        params: { id: oneOnOneId },
        body: { body: MIAS_PRIVATE_NOTE },
      });
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it("gives the person their own data as JSON and CSV, with their private notes and the manager's rating", async () => {
      const file = await org.sessions.mia.client.download(endpoints.dataRights.exportMine);
      expect(file.fileName).toMatch(/^ascent-data-.*\.zip$/);
      const files = await unzip(file.bytes);
      for (const name of [
        "profile",
        "level-history",
        "evidence",
        "assessments-given",
        "goals",
        "one-on-ones",
        "access-log",
      ]) {
        expect(files.has(`${name}.json`), name).toBe(true);
        expect(files.has(`${name}.csv`), name).toBe(true);
      }
      expect(rowsOf(files, "profile")).toEqual([expect.objectContaining({ email: "mia@assess.example.com" })]);
      expect(rowsOf(files, "assessments-given").map((a) => a.relation)).toEqual(["self"]);
      expect(rowsOf(files, "assessments-received-from-manager")).toHaveLength(1);
      expect(files.get("ratings.json")).toContain(MANAGER_COMMENT);
      expect(rowsOf(files, "evidence").map((e) => e.title)).toEqual(["Shipped the onboarding revamp"]);
      expect(files.get("evidence.csv")).toContain("Shipped the onboarding revamp");
      expect(rowsOf(files, "one-on-one-private-notes").map((n) => n.body)).toEqual([MIAS_PRIVATE_NOTE]);
      expect(rowsOf(files, "one-on-ones").map((m) => m.id)).toEqual([oneOnOneId]);
      expect(JSON.parse(files.get("readiness.json") ?? "null")).toMatchObject({ personId: org.people.mia.id });
    });

    it("never holds an individual peer answer about the person, nor the other side's private notes", async () => {
      const files = await unzip((await org.sessions.mia.client.download(endpoints.dataRights.exportMine)).bytes);
      const all = everything(files);
      expect(all).not.toContain(PEER_COMMENT);
      expect(all).not.toContain(peerAssessmentId);
      expect(all).not.toContain(DANAS_PRIVATE_NOTE);
      // The peer's own export holds the answer she gave, and not Mia's notes.
      const pias = everything(
        await unzip((await org.sessions.pia.client.download(endpoints.dataRights.exportMine)).bytes),
      );
      expect(pias).toContain(PEER_COMMENT);
      expect(pias).not.toContain(MIAS_PRIVATE_NOTE);
    });

    it("lets an admin make the export on request, without private notes, and logs it in the person's access log", async () => {
      const before = await org.as("mia")(endpoints.audit.myAccessLog, { query: { limit: 50 } });
      const file = await org.sessions.admin.client.download(endpoints.dataRights.exportPerson, {
        params: { id: org.people.mia.id },
      });
      const files = await unzip(file.bytes);
      expect(rowsOf(files, "profile")).toEqual([expect.objectContaining({ id: org.people.mia.id })]);
      expect(files.has("one-on-one-private-notes.json")).toBe(false);
      expect(everything(files)).not.toContain(MIAS_PRIVATE_NOTE);
      expect(files.get("README.txt")).toContain("Private 1:1 notes are left out");
      const after = await org.as("mia")(endpoints.audit.myAccessLog, { query: { limit: 50 } });
      expect(after.entries.length).toBe(before.entries.length + 1);
      expect(after.entries[0]).toMatchObject({ action: "data.export", targetType: "person" });
      expect(after.entries[0]?.reader?.id).not.toBe(org.people.mia.id);
    });

    it("refuses anyone else, and unknown people, with a clear status", async () => {
      const bySomeoneElse = await apiError(
        org.sessions.pia.client.download(endpoints.dataRights.exportPerson, { params: { id: org.people.mia.id } }),
      );
      expect(bySomeoneElse.status).toBe(403);
      const unknown = await apiError(
        org.sessions.admin.client.download(endpoints.dataRights.exportPerson, {
          params: { id: "00000000-0000-4000-8000-000000000000" },
        }),
      );
      expect(unknown.status).toBe(404);
      const anonymous = await fetch(`${server.url}/api/me/data-export`);
      expect(anonymous.status).toBe(401);
    });
  });
}
