import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, type TOrgNode } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const names = (nodes: TOrgNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.reports)]);

describe("people and the org chart over HTTP", () => {
  let server: TestServer;
  let org: PersonaOrg;
  const client = (persona: keyof PersonaOrg["personas"]) => {
    const session = org.personas[persona].session;
    if (!session) throw new Error(`${persona} is not signed in`);
    return session.client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  describe("who sees whom", () => {
    it("lets a manager read someone in their chain but not an unrelated member (403)", async () => {
      const { member, otherMember } = org.people;
      const read = await client("skipManager").call(endpoints.people.get, { params: { id: member.id } });
      expect(read).toMatchObject({
        name: "Mia Member",
        level: { id: "pm", name: "Product Manager" },
        manager: { id: org.people.directManager.id, name: "Dana Direct" },
        team: "Product",
        status: "active",
        directReportCount: 0,
      });
      const error = await apiError(
        client("directManager").call(endpoints.people.get, { params: { id: otherMember.id } }),
      );
      expect(error).toMatchObject({ status: 403, code: "forbidden" });
    });

    it("lists for a manager exactly themselves and their reporting chain", async () => {
      const { people, total, scope } = await client("directManager").call(endpoints.people.list, {});
      expect(scope).toBe("reportingChain");
      expect(people.map((p) => p.name)).toEqual(["Dana Direct", "Mia Member", "Pia Peer"]);
      expect(total).toBe(3);
      const skip = await client("skipManager").call(endpoints.people.list, {});
      expect(skip.people.map((p) => p.name)).toEqual(["Dana Direct", "Mia Member", "Pia Peer", "Sam Skip"]);
      expect(skip.people.map((p) => p.name)).not.toContain("Oscar Other");
    });

    it("does not let a member list anyone else", async () => {
      const { people } = await client("member").call(endpoints.people.list, {});
      expect(people.map((p) => p.name)).toEqual(["Mia Member"]);
      const searched = await client("member").call(endpoints.people.list, { query: { search: "Pia" } });
      expect(searched.total).toBe(0);
      const error = await apiError(client("member").call(endpoints.people.get, { params: { id: org.people.peer.id } }));
      expect(error.status).toBe(403);
    });

    it("lets a member find any active colleague in the directory, by name, title and team only", async () => {
      const { people } = await client("member").call(endpoints.people.directory, { query: { search: "Oscar" } });
      expect(people).toEqual([
        {
          id: org.people.otherMember.id,
          name: "Oscar Other",
          title: "Senior Product Manager",
          team: expect.any(String),
        },
      ]);
      const short = await org.personas.member.request("/api/people/directory?search=O");
      expect(short.status).toBe(400);
    });

    it("shows a member their managers by name and title only", async () => {
      const { chain } = await client("member").call(endpoints.people.chain, { params: { id: org.people.member.id } });
      expect(chain).toEqual([
        { id: org.people.directManager.id, name: "Dana Direct", title: "Director of Product" },
        { id: org.people.skipManager.id, name: "Sam Skip", title: "VP of Product" },
      ]);
    });

    it("lets an admin list everyone, with filters and paging", async () => {
      const all = await org.admin.client.call(endpoints.people.list, {});
      expect(all.scope).toBe("everyone");
      expect(all.people.map((p) => p.name)).toEqual(
        expect.arrayContaining(["Administrator", "Oscar Other", "Mia Member", "Uri Unrelated"]),
      );
      const directors = await org.admin.client.call(endpoints.people.list, { query: { levelId: "director" } });
      expect(directors.people.map((p) => p.name)).toEqual(["Dana Direct", "Uri Unrelated"]);
      const page = await org.admin.client.call(endpoints.people.list, { query: { limit: 2, offset: 1 } });
      expect(page.people).toHaveLength(2);
      expect(page.total).toBe(all.total);
      expect(page.people[0]?.id).toBe(all.people[1]?.id);
    });

    it("lists direct and indirect reports with their depth", async () => {
      const skip = org.people.skipManager.id;
      const direct = await client("skipManager").call(endpoints.people.reports, {
        params: { id: skip },
        query: { depth: "direct" },
      });
      expect(direct.reports.map((r) => [r.name, r.depth])).toEqual([["Dana Direct", 1]]);
      const all = await client("skipManager").call(endpoints.people.reports, { params: { id: skip } });
      expect(all.reports.map((r) => [r.name, r.depth])).toEqual([
        ["Dana Direct", 1],
        ["Mia Member", 2],
        ["Pia Peer", 2],
      ]);
    });
  });

  describe("org chart", () => {
    it("gives a manager their own subtree and refuses a root outside it", async () => {
      const { roots } = await client("directManager").call(endpoints.people.orgChart, {});
      expect(roots.map((r) => r.name)).toEqual(["Dana Direct"]);
      expect(roots[0]?.reports.map((r) => r.name)).toEqual(["Mia Member", "Pia Peer"]);
      expect(roots[0]?.directReportCount).toBe(2);
      const error = await apiError(
        client("directManager").call(endpoints.people.orgChart, { query: { root: org.people.otherMember.id } }),
      );
      expect(error).toMatchObject({ status: 403, code: "forbidden" });
    });

    it("gives an admin the whole organisation, or a tree from any root cut at a depth", async () => {
      const { roots } = await org.admin.client.call(endpoints.people.orgChart, {});
      expect(roots.map((r) => r.name)).toEqual(expect.arrayContaining(["Sam Skip", "Uri Unrelated", "Administrator"]));
      expect(names(roots)).toEqual(expect.arrayContaining(["Mia Member", "Oscar Other"]));
      const cut = await org.admin.client.call(endpoints.people.orgChart, {
        query: { root: org.people.skipManager.id, depth: 2 },
      });
      expect(cut.roots.map((r) => r.name)).toEqual(["Sam Skip"]);
      expect(cut.roots[0]?.reports[0]).toMatchObject({ name: "Dana Direct", directReportCount: 2, reports: [] });
    });
  });

  describe("changes and bad input", () => {
    it("rejects a manager change that would make a loop, naming both people", async () => {
      const { directManager, member } = org.people;
      const error = await apiError(
        org.admin.client.call(endpoints.people.update, {
          params: { id: directManager.id },
          body: { managerId: member.id },
        }),
      );
      expect(error).toMatchObject({ status: 409, code: "conflict" });
      expect(error.message).toContain("Mia Member");
      expect(error.message).toContain("Dana Direct");
      const self = await apiError(
        org.admin.client.call(endpoints.people.update, { params: { id: member.id }, body: { managerId: member.id } }),
      );
      expect(self).toMatchObject({ status: 409, message: "Mia Member cannot be their own manager" });
      const unchanged = await org.admin.client.call(endpoints.people.get, { params: { id: directManager.id } });
      expect(unchanged.manager?.id).toBe(org.people.skipManager.id);
    });

    it("answers 404 for an unknown id and 400 for one that is not a uuid", async () => {
      const unknown = await apiError(
        org.admin.client.call(endpoints.people.get, { params: { id: "00000000-0000-4000-8000-000000000000" } }),
      );
      expect(unknown).toMatchObject({ status: 404, code: "not_found" });
      const response = await org.admin.fetch("/api/people/not-a-uuid");
      expect(response.status).toBe(400);
    });

    it("refuses HTML in a name, an unknown field and an unknown level with 400 naming the field", async () => {
      const html = await apiError(
        org.admin.client.call(endpoints.people.create, {
          body: { name: "<b>Bold</b> Name", email: "bold@example.com" },
        }),
      );
      expect(html).toMatchObject({ status: 400, code: "validation_failed" });
      expect(html.details?.[0]?.path).toBe("body.name");

      const unknownField = await org.admin.fetch("/api/people", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Extra", email: "extra@example.com", salary: 100 }),
      });
      expect(unknownField.status).toBe(400);
      expect((await unknownField.json()).error).toBe("validation_failed");

      const level = await apiError(
        org.admin.client.call(endpoints.people.update, {
          params: { id: org.people.member.id },
          body: { levelId: "grand-wizard" },
        }),
      );
      expect(level).toMatchObject({ status: 400, code: "validation_failed" });
      expect(level.details?.[0]?.path).toBe("body.levelId");
    });

    it("refuses a duplicate email with 409 naming the field", async () => {
      const error = await apiError(
        org.admin.client.call(endpoints.people.create, { body: { name: "Twin", email: "MEMBER@example.com" } }),
      );
      expect(error).toMatchObject({ status: 409, code: "conflict" });
      expect(error.details?.[0]?.path).toBe("body.email");
    });

    it("updates a person and keeps the others' view in step", async () => {
      const moved = await org.admin.client.call(endpoints.people.update, {
        params: { id: org.people.peer.id },
        body: { team: "Growth", title: "Senior Product Manager", levelId: "senior-pm" },
      });
      expect(moved).toMatchObject({ team: "Growth", level: { id: "senior-pm", name: "Senior Product Manager" } });
      const seen = await client("directManager").call(endpoints.people.get, { params: { id: org.people.peer.id } });
      expect(seen.team).toBe("Growth");
    });

    it("deactivates someone with reports, keeps the reports' link and warns; their sessions end", async () => {
      const lead = await org.addPerson("Lee Lead");
      const report = await org.addPerson("Rae Report", lead.id);
      const { person, warnings } = await org.admin.client.call(endpoints.people.deactivate, {
        params: { id: lead.id },
      });
      expect(person.status).toBe("inactive");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("Rae Report");
      const stillReporting = await org.admin.client.call(endpoints.people.get, { params: { id: report.id } });
      expect(stillReporting.manager).toEqual({ id: lead.id, name: "Lee Lead" });

      const dana = org.personas.directManager;
      await org.admin.client.call(endpoints.people.deactivate, { params: { id: org.people.directManager.id } });
      const response = await dana.request("/api/auth/session");
      expect(response.status).toBe(401);
      await org.admin.client.call(endpoints.people.update, {
        params: { id: org.people.directManager.id },
        body: { status: "active" },
      });
      expect((await dana.request("/api/auth/session")).status).toBe(401);
      await dana.signIn();
      expect((await dana.request("/api/auth/session")).status).toBe(200);
    });

    it("does not let an admin deactivate themself", async () => {
      const adminId = org.admin.info?.person.id ?? "";
      const error = await apiError(org.admin.client.call(endpoints.people.deactivate, { params: { id: adminId } }));
      expect(error).toMatchObject({ status: 409, code: "conflict" });
    });
  });
});
