import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";
import { createTestClock } from "../support/test-clock.ts";

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("a person's level history over HTTP", () => {
  const clock = createTestClock();
  let server: TestServer;
  let org: PersonaOrg;
  const client = (persona: keyof PersonaOrg["personas"]) => {
    const session = org.personas[persona].session;
    if (!session) throw new Error(`${persona} is not signed in`);
    return session.client;
  };

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  it("records an admin's level change with its reason, author and the server's date", async () => {
    const { member } = org.people;
    clock.advance(3_600_000);
    const changedAt = clock.now();
    await org.admin.client.call(endpoints.people.update, {
      params: { id: member.id },
      body: { levelId: "senior-pm", levelChangeReason: "Title corrected after the HRIS sync" },
    });
    const { entries } = await client("member").call(endpoints.people.levelHistory, { params: { id: member.id } });
    expect(entries.map((entry) => [entry.from?.id ?? null, entry.to?.id ?? null, entry.source])).toEqual([
      [null, "pm", "admin-edit"],
      ["pm", "senior-pm", "admin-edit"],
    ]);
    const last = entries.at(-1);
    expect(last?.reason).toBe("Title corrected after the HRIS sync");
    expect(last?.changedBy?.id).toBeDefined();
    expect(Math.abs(Date.parse(last?.effectiveAt ?? "") - changedAt.getTime())).toBeLessThan(60_000);
    expect(last?.to?.name).toBe("Senior Product Manager");
    const inbox = await client("member").call(endpoints.notifications.list, {});
    expect(inbox.notifications.map((n) => n.subject)).toContain("Your level on the ladder was changed");
  });

  it("lets the person's managers read it, and refuses a peer, an unrelated manager and an unknown id", async () => {
    const { member } = org.people;
    const read = await client("skipManager").call(endpoints.people.levelHistory, { params: { id: member.id } });
    expect(read.entries.length).toBeGreaterThan(0);
    for (const persona of ["peer", "unrelatedManager", "otherMember"] as const) {
      const error = await refusal(client(persona).call(endpoints.people.levelHistory, { params: { id: member.id } }));
      expect(error.status, persona).toBe(403);
    }
    const unknown = await refusal(
      org.admin.client.call(endpoints.people.levelHistory, { params: { id: "00000000-0000-4000-8000-000000000000" } }),
    );
    expect(unknown.status).toBe(404);
  });

  it("refuses HTML in the reason with a 400 and leaves the level as it was", async () => {
    const { peer } = org.people;
    const error = await refusal(
      org.admin.client.call(endpoints.people.update, {
        params: { id: peer.id },
        body: { levelId: "director", levelChangeReason: "<img src=x onerror=alert(1)>" },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/levelChangeReason/);
    const person = await org.admin.client.call(endpoints.people.get, { params: { id: peer.id } });
    expect(person.level?.id).toBe("pm");
    const { entries } = await org.admin.client.call(endpoints.people.levelHistory, { params: { id: peer.id } });
    expect(entries.map((entry) => entry.to?.id)).toEqual(["pm"]);
  });
});
