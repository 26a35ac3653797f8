import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type TFramework, type TOneOnOne } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildSignedInOrg, rejectionOf, type SignedInOrg } from "../support/growth-org.ts";

/**
 *     vic (VP) ─┬─ dana (Director) ── mia (PM)
 *               └─ pat (PM, straight under the VP: not an adjacent pair)
 *     oscar (Senior PM, elsewhere); plus the first admin.
 */
const SPEC = {
  vic: { name: "Vic Vee", title: "VP of Product", levelId: "vp", manager: null, team: "Leadership" },
  dana: { name: "Dana Director", title: "Director of Product", levelId: "director", manager: "vic", team: "Product" },
  mia: { name: "Mia Member", title: "Product Manager", levelId: "pm", manager: "dana", team: "Product" },
  pat: { name: "Pat Skip", title: "Product Manager", levelId: "pm", manager: "vic", team: "Product" },
  oscar: { name: "Oscar Other", title: "Senior Product Manager", levelId: "senior-pm", manager: null, team: "Ops" },
} as const;

type Key = keyof typeof SPEC;

/** UTF-8 octets, as a calendar application counts them. */
const octets = (line: string) => Buffer.byteLength(line, "utf8");

describe("1:1s over HTTP", () => {
  let server: TestServer;
  let org: SignedInOrg<Key>;
  let ladder: TFramework;
  const at = (day: number) => new Date(Date.UTC(2026, 3, day, 9, 30)).toISOString();

  const create = (caller: Key | "admin", withKey: Key, day: number) =>
    org.as(caller)(endpoints.oneOnOnes.create, {
      body: { withPersonId: org.people[withKey].id, scheduledAt: at(day) },
    });

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildSignedInOrg(server, SPEC, "one-on-ones.example.com");
    ladder = (
      await org.as("admin")(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: "latest" },
      })
    ).document;
  });
  afterAll(async () => server?.stop());

  it("builds a PM ↔ Director agenda from the seven aspects of that pair, in order, with prompts", async () => {
    const created = await create("dana", "mia", 1);
    const playbook = ladder.playbooks.find((p) => p.lowerLevelId === "pm" && p.upperLevelId === "director");
    if (!playbook) throw new Error("the built-in ladder has no PM ↔ Director playbook");
    expect(created.lead).toEqual({ id: org.people.dana.id, name: "Dana Director" });
    expect(created.report).toEqual({ id: org.people.mia.id, name: "Mia Member" });
    expect(created.viewerSide).toBe("lead");
    expect(created.agenda.playbook).toMatchObject({ id: playbook.id, isNearestPair: false });
    expect(created.agenda.aspects).toHaveLength(7);
    expect(created.agenda.aspects).toEqual(
      playbook.aspects.map((aspect) => ({
        id: aspect.id,
        name: aspect.name,
        leadBrings: aspect.upperBrings,
        reportBrings: aspect.lowerBrings,
        prompts: aspect.prompts,
      })),
    );
    for (const aspect of created.agenda.aspects) expect(aspect.prompts.length).toBeGreaterThan(0);
    expect(created.agenda.aspects.map((a) => a.name)).toContain("Stakeholder management");
    // The report sees the same 1:1 from the other side.
    const seen = await org.as("mia")(endpoints.oneOnOnes.get, { params: { id: created.id } });
    expect(seen.viewerSide).toBe("report");
    expect(seen.agenda).toEqual(created.agenda);
  });

  it("uses the nearest pair for a PM reporting straight to a VP, whoever asks", async () => {
    const created = await create("pat", "vic", 1);
    expect(created.lead.id).toBe(org.people.vic.id);
    expect(created.agenda.playbook).toMatchObject({
      id: "director-vp",
      lowerLevelId: "director",
      upperLevelId: "vp",
      isNearestPair: true,
    });
    const directorVp = ladder.playbooks.find((p) => p.id === "director-vp");
    expect(created.agenda.aspects.map((a) => a.id)).toEqual(directorVp?.aspects.map((a) => a.id));
  });

  it("allows 1:1s only between a manager and a direct report (403 otherwise)", async () => {
    expect(await rejectionOf(create("vic", "mia", 2))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await rejectionOf(create("oscar", "mia", 2))).toMatchObject({ status: 403 });
    expect(await rejectionOf(create("admin", "mia", 2))).toMatchObject({ status: 403 });
    expect(await rejectionOf(create("mia", "mia", 2))).toMatchObject({ status: 403 });
  });

  it("carries the previous 1:1's open action items over to the next one", async () => {
    const first = await create("dana", "mia", 10);
    const updated = await org.as("mia")(endpoints.oneOnOnes.update, {
      params: { id: first.id },
      body: {
        actionItems: [
          { text: "Draft the Q3 roadmap", ownerId: org.people.mia.id },
          { text: "Book the team offsite", ownerId: org.people.dana.id, isDone: true },
        ],
      },
    });
    expect(updated.actionItems.map((i) => [i.text, i.isDone])).toEqual([
      ["Draft the Q3 roadmap", false],
      ["Book the team offsite", true],
    ]);
    const second = await create("mia", "dana", 24);
    expect(second.agenda.carriedOver).toEqual([updated.actionItems[0]]);
    expect(second.actionItems).toEqual([updated.actionItems[0]]);
    const badOwner = await rejectionOf(
      org.as("dana")(endpoints.oneOnOnes.update, {
        params: { id: second.id },
        body: { actionItems: [{ text: "Someone else's job", ownerId: org.people.oscar.id }] },
      }),
    );
    expect(badOwner).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("shows shared notes to the two participants only: not to a manager above, another person or an admin", async () => {
    const created = await create("dana", "mia", 3);
    const notes = "Mia wants to lead the pricing work";
    await org.as("dana")(endpoints.oneOnOnes.update, { params: { id: created.id }, body: { sharedNotes: notes } });
    expect((await org.as("mia")(endpoints.oneOnOnes.get, { params: { id: created.id } })).sharedNotes).toBe(notes);
    for (const outsider of ["vic", "oscar", "admin"] as const) {
      const error = await rejectionOf(org.as(outsider)(endpoints.oneOnOnes.get, { params: { id: created.id } }));
      expect(error).toMatchObject({ status: 404, code: "not_found" });
      expect(JSON.stringify(error)).not.toContain("pricing");
      const edit = await rejectionOf(
        org.as(outsider)(endpoints.oneOnOnes.update, { params: { id: created.id }, body: { sharedNotes: "x" } }),
      );
      expect(edit.status).toBe(404);
      const listed = await org.as(outsider)(endpoints.oneOnOnes.list, {});
      expect(listed.oneOnOnes.map((o) => o.id)).not.toContain(created.id);
    }
    const listed = await org.as("mia")(endpoints.oneOnOnes.list, { query: { with: org.people.dana.id } });
    expect(listed.oneOnOnes.map((o) => o.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain("pricing");
    // Mia's read of the notes they share is in Dana's access log.
    const log = await org.as("dana")(endpoints.audit.myAccessLog, {});
    expect(log.entries).toContainEqual(
      expect.objectContaining({ reader: { id: org.people.mia.id, name: "Mia Member" }, targetId: created.id }),
    );
  });

  it("keeps private notes to their author: the other participant reads only their own, an admin gets 404", async () => {
    const created = await create("dana", "mia", 4);
    // Before writing anything, a participant reads an empty note rather than a 404.
    const unwritten = await org.as("dana")(endpoints.oneOnOnes.getPrivateNotes, { params: { id: created.id } });
    expect(unwritten).toEqual({ oneOnOneId: created.id, body: "", updatedAt: null });
    const secret = "Considering Mia for the platform team";
    const saved = await org.as("dana")(endpoints.oneOnOnes.savePrivateNotes, {
      params: { id: created.id },
      body: { body: secret },
    });
    expect(saved.body).toBe(secret);
    expect((await org.as("dana")(endpoints.oneOnOnes.getPrivateNotes, { params: { id: created.id } })).body).toBe(
      secret,
    );
    const miasBeforeWriting = await org.sessions.mia.fetch(`/api/one-on-ones/${created.id}/private-notes`);
    expect(miasBeforeWriting.status).toBe(200);
    expect(await miasBeforeWriting.json()).toEqual({ oneOnOneId: created.id, body: "", updatedAt: null });
    for (const outsider of ["admin", "vic"] as const) {
      const response = await org.sessions[outsider].fetch(`/api/one-on-ones/${created.id}/private-notes`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("platform team");
    }
    const adminWrite = await rejectionOf(
      org.as("admin")(endpoints.oneOnOnes.savePrivateNotes, { params: { id: created.id }, body: { body: "x" } }),
    );
    expect(adminWrite.status).toBe(404);
    // Mia's own notes are hers; neither side's notes show in the 1:1 itself.
    await org.as("mia")(endpoints.oneOnOnes.savePrivateNotes, {
      params: { id: created.id },
      body: { body: "Ask about the promotion timeline" },
    });
    const miaNotes = await org.as("mia")(endpoints.oneOnOnes.getPrivateNotes, { params: { id: created.id } });
    expect(miaNotes.body).toBe("Ask about the promotion timeline");
    const danaNotes = await org.as("dana")(endpoints.oneOnOnes.getPrivateNotes, { params: { id: created.id } });
    expect(danaNotes.body).toBe(secret);
    const shared = await org.as("mia")(endpoints.oneOnOnes.get, { params: { id: created.id } });
    expect(JSON.stringify(shared)).not.toContain("platform team");
  });

  it("exports an ICS file a calendar can import: VCALENDAR, RRULE, CRLF, folded lines of at most 75 octets", async () => {
    const created = await create("dana", "mia", 6);
    const response = await org.sessions.mia.fetch(`/api/one-on-ones/${created.id}/calendar.ics?repeat=biweekly`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.ics"$/);
    const ics = await response.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n").slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    const unfolded = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(unfolded).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2");
    expect(unfolded).toContain(`DTSTART:${created.scheduledAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`);
    expect(unfolded).toContain(`UID:${created.id}@ascent`);
    expect(unfolded.some((line) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(line))).toBe(true);
    expect(unfolded).toContain("SUMMARY:1:1: Dana Director and Mia Member");
    const description = unfolded.find((line) => line.startsWith("DESCRIPTION:")) ?? "";
    for (const aspect of created.agenda.aspects) expect(description).toContain(aspect.name);

    const monthly = await org.sessions.dana.fetch(`/api/one-on-ones/${created.id}/calendar.ics?repeat=monthly`);
    expect(await monthly.text()).toContain("\r\nRRULE:FREQ=MONTHLY\r\n");
    const outsider = await org.sessions.admin.fetch(`/api/one-on-ones/${created.id}/calendar.ics`);
    expect(outsider.status).toBe(404);
    const badRepeat = await org.sessions.mia.fetch(`/api/one-on-ones/${created.id}/calendar.ics?repeat=daily`);
    expect(badRepeat.status).toBe(400);
  });

  describe("collaboration health check", () => {
    let oneOnOne: TOneOnOne;
    const rate = (values: number[]) =>
      Object.fromEntries(oneOnOne.agenda.aspects.map((aspect, i) => [aspect.id, values[i] ?? 3]));

    beforeAll(async () => {
      oneOnOne = await create("dana", "mia", 8);
    });

    it("wants all seven aspects of the playbook, each rated 1 to 5, from a participant", async () => {
      const check = (caller: Key | "admin", ratings: Record<string, number>) =>
        rejectionOf(
          org.as(caller)(endpoints.oneOnOnes.recordHealthCheck, { params: { id: oneOnOne.id }, body: { ratings } }),
        );
      expect(await check("mia", { ...rate([]), "made-up-aspect": 3 })).toMatchObject({
        status: 400,
        code: "validation_failed",
      });
      const [firstAspect] = oneOnOne.agenda.aspects;
      const missingOne = rate([]);
      delete missingOne[firstAspect?.id ?? ""];
      expect(await check("mia", missingOne)).toMatchObject({ status: 400 });
      expect(await check("mia", rate([6]))).toMatchObject({ status: 400 });
      expect(await check("admin", rate([]))).toMatchObject({ status: 404 });
    });

    it("shows both sides side by side over time and highlights the largest difference", async () => {
      const record = (caller: Key, values: number[], target = oneOnOne) =>
        org.as(caller)(endpoints.oneOnOnes.recordHealthCheck, {
          params: { id: target.id },
          body: { ratings: Object.fromEntries(target.agenda.aspects.map((a, i) => [a.id, values[i] ?? 3])) },
        });
      const saved = await record("dana", [4, 4, 4, 4, 4, 4, 4]);
      expect(saved.raterId).toBe(org.people.dana.id);
      await record("mia", [4, 4, 1, 3, 4, 4, 4]);
      const later = await create("dana", "mia", 22);
      await record("dana", [4, 4, 4, 4, 2, 4, 4], later);
      await record("mia", [4, 4, 2, 4, 4, 4, 4], later);

      const health = await org.as("mia")(endpoints.oneOnOnes.health, { query: { with: org.people.dana.id } });
      expect(health.with).toEqual({ id: org.people.dana.id, name: "Dana Director" });
      expect(health.sessions.map((s) => s.oneOnOneId)).toEqual([oneOnOne.id, later.id]);
      const third = oneOnOne.agenda.aspects[2]?.id;
      const fifth = oneOnOne.agenda.aspects[4]?.id;
      expect(health.sessions[0]?.aspects[2]).toMatchObject({ aspectId: third, lead: 4, report: 1, difference: 3 });
      expect(health.sessions[0]?.largestDifference).toEqual([third]);
      expect(health.sessions[1]?.largestDifference.sort()).toEqual([third, fifth].sort());
      // Over time the third aspect differs by 3 then 2, more than any other.
      expect(health.aspects.find((a) => a.aspectId === third)).toMatchObject({
        meanDifference: 2.5,
        latestDifference: 2,
        comparedSessions: 2,
      });
      expect(health.highlighted).toEqual([third]);
      // The lead sees the same comparison; someone with no 1:1s with Dana sees nothing.
      const fromDana = await org.as("dana")(endpoints.oneOnOnes.health, { query: { with: org.people.mia.id } });
      expect(fromDana.highlighted).toEqual([third]);
      const none = await org.as("oscar")(endpoints.oneOnOnes.health, { query: { with: org.people.dana.id } });
      expect(none.sessions).toEqual([]);
    });
  });
});
