import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { Person } from "../people/person.ts";
import type { PersonReadiness } from "../readiness/readiness-service.ts";
import { PersonalDataExportService } from "./personal-data-export.ts";

const mia = { id: "p-mia", name: "Mia", email: "mia@example.com" } as Person;
const asMia: Viewer = { personId: "p-mia", name: "Mia", isAdmin: false, via: "session" };
const asAdmin: Viewer = { personId: "p-ada", name: "Ada", isAdmin: true, via: "session" };
const asPia: Viewer = { personId: "p-pia", name: "Pia", isAdmin: false, via: "session" };

function setup() {
  const events: NewAuditEvent[] = [];
  const asked: { personId: string; includePrivateNotes: boolean }[] = [];
  const at = new Date("2026-05-04T10:00:00.000Z");
  const service = new PersonalDataExportService({
    people: { findById: async (id) => (id === mia.id ? mia : null) },
    source: {
      collect: async (personId, options) => {
        asked.push({ personId, ...options });
        return new Map([["profile", [{ id: personId }]]]);
      },
    },
    readiness: {
      forPerson: async (personId) => ({ personId }) as PersonReadiness,
      framework: async () => ({ document: {} as Framework, version: 1 }),
    },
    audit: { record: async (event) => void events.push(event) },
    now: () => at,
  });
  return { service, events, asked, at };
}

describe("PersonalDataExportService", () => {
  it("gives a person their own data with their private notes, stamped with the injected clock", async () => {
    const { service, events, asked, at } = setup();
    const data = await service.export(asMia, mia.id);
    expect(data).toMatchObject({ exportedAt: at, madeByAdmin: false, omissions: [] });
    expect(asked).toEqual([{ personId: mia.id, includePrivateNotes: true }]);
    expect(events).toEqual([expect.objectContaining({ kind: "write", action: "data.export", subjectId: mia.id })]);
  });

  it("leaves private notes out of an admin's export and logs it as a read of the person's things", async () => {
    const { service, events, asked } = setup();
    const data = await service.export(asAdmin, mia.id);
    expect(data.madeByAdmin).toBe(true);
    expect(data.omissions).toHaveLength(1);
    expect(asked).toEqual([{ personId: mia.id, includePrivateNotes: false }]);
    expect(events).toEqual([
      expect.objectContaining({ kind: "read", actorId: asAdmin.personId, action: "data.export", subjectId: mia.id }),
    ]);
  });

  it("leaves private notes out while they are sealed after an admin-made reset", async () => {
    const { service, asked } = setup();
    const data = await service.export({ ...asMia, privateSealedAt: new Date("2026-05-01") }, mia.id);
    expect(data.omissions[0]).toMatch(/sealed/);
    expect(asked[0]?.includePrivateNotes).toBe(false);
  });

  it("refuses anyone else before reading anything, and names an unknown person", async () => {
    const { service, events, asked } = setup();
    await expect(service.export(asPia, mia.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.export(asAdmin, "p-nobody")).rejects.toBeInstanceOf(AppError);
    await expect(service.export(asAdmin, "p-nobody")).rejects.toMatchObject({ code: "not_found" });
    expect(asked).toEqual([]);
    expect(events).toEqual([]);
  });
});
