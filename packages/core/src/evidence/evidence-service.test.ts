import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Person } from "../people/person.ts";
import type { Evidence, EvidencePatch, EvidenceRepository, NewEvidence } from "./evidence.ts";
import { EvidenceService, type EvidenceInput } from "./evidence-service.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";

class InMemoryEvidenceRepository implements EvidenceRepository {
  readonly rows = new Map<string, Evidence>();
  private nextId = 1;

  async create(input: NewEvidence) {
    const now = new Date();
    const entry: Evidence = { ...input, id: `e${this.nextId++}`, createdAt: now, updatedAt: now };
    this.rows.set(entry.id, entry);
    return entry;
  }

  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }

  async listForPerson(personId: string, options: { sharedOnly?: boolean } = {}) {
    return [...this.rows.values()].filter(
      (e) => e.personId === personId && (!options.sharedOnly || e.isSharedWithManager),
    );
  }

  async listForPeople(personIds: string[], options: { sharedOnly?: boolean } = {}) {
    return (await Promise.all(personIds.map((id) => this.listForPerson(id, options)))).flat();
  }

  async update(id: string, patch: EvidencePatch) {
    const entry = this.rows.get(id);
    if (!entry) throw new Error(`evidence ${id} not found`);
    const updated = { ...entry, ...patch, updatedAt: new Date() };
    this.rows.set(id, updated);
    return updated;
  }

  async delete(id: string) {
    this.rows.delete(id);
  }
}

function buildPerson(overrides: Partial<Person> & Pick<Person, "id">): Person {
  const now = new Date();
  return {
    name: overrides.id,
    email: `${overrides.id}@example.com`,
    title: "",
    levelId: null,
    managerId: null,
    team: "",
    status: "active",
    isDemo: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const viewerOf = (personId: string, isAdmin = false): Viewer => ({ personId, name: personId, isAdmin, via: "session" });

// skip ← manager ← owner; outsider and admin stand elsewhere.
const people = [
  buildPerson({ id: "skip" }),
  buildPerson({ id: "manager", managerId: "skip" }),
  buildPerson({ id: "owner", managerId: "manager", levelId: "pm" }),
  buildPerson({ id: "outsider" }),
  buildPerson({ id: "admin" }),
];

const entry = (overrides: Partial<EvidenceInput> = {}): EvidenceInput => ({
  date: "2025-03-14",
  title: "Shipped onboarding",
  body: "Cut drop-off by a third.",
  competencyIds: ["strategy"],
  links: [],
  isSharedWithManager: false,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("EvidenceService", () => {
  let repository: InMemoryEvidenceRepository;
  let service: EvidenceService;
  let audit: InMemoryAuditLog;
  const owner = viewerOf("owner");

  beforeEach(() => {
    repository = new InMemoryEvidenceRepository();
    audit = new InMemoryAuditLog();
    service = new EvidenceService({
      evidence: repository,
      audit,
      people: {
        findById: async (id) => people.find((p) => p.id === id) ?? null,
        chainAbove: async (id) => {
          const chain: Person[] = [];
          for (let p = people.find((x) => x.id === id); p?.managerId;) {
            p = people.find((x) => x.id === p?.managerId);
            if (p) chain.push(p);
          }
          return chain;
        },
      },
      activeFramework: async () => ({ document: buildFramework(), version: 2 }),
    });
  });

  it("lets the owner write and read all their entries", async () => {
    const kept = await service.create(owner, "owner", entry());
    await service.create(owner, "owner", entry({ title: "Shared one", isSharedWithManager: true }));
    const view = await service.list(owner, "owner");
    expect(view.scope).toBe("all");
    expect(view.entries.map((e) => e.title).sort()).toEqual(["Shared one", "Shipped onboarding"]);
    const updated = await service.update(owner, kept.id, { title: "Shipped onboarding v2" });
    expect(updated.title).toBe("Shipped onboarding v2");
    await service.delete(owner, kept.id);
    expect(repository.rows.has(kept.id)).toBe(false);
  });

  it("shows the managers above only the shared entries, and nobody else anything, admins included", async () => {
    await service.create(owner, "owner", entry({ title: "Private" }));
    await service.create(owner, "owner", entry({ title: "Shared", isSharedWithManager: true }));
    for (const manager of ["manager", "skip"]) {
      const view = await service.list(viewerOf(manager), "owner");
      expect(view).toMatchObject({ scope: "shared" });
      expect(view.entries.map((e) => e.title)).toEqual(["Shared"]);
    }
    for (const other of [viewerOf("outsider"), viewerOf("admin", true)]) {
      expect(await rejection(service.list(other, "owner"))).toMatchObject({ code: "forbidden" });
    }
    expect(await rejection(service.list(owner, "nobody"))).toMatchObject({ code: "not_found" });
  });

  it("logs a manager's read of the owner's evidence for the owner, and not the owner's own reads", async () => {
    const shared = await service.create(owner, "owner", entry({ title: "Shared", isSharedWithManager: true }));
    await service.list(owner, "owner");
    await service.list(viewerOf("manager"), "owner");
    expect(audit.events.map((e) => [e.kind, e.action, e.actorId, e.subjectId, e.details])).toEqual([
      ["read", "evidence.read", "manager", "owner", { evidenceIds: [shared.id] }],
    ]);
  });

  it("keeps writes to the owner: others cannot create, and their edits and deletes find nothing", async () => {
    const kept = await service.create(owner, "owner", entry({ isSharedWithManager: true }));
    expect(await rejection(service.create(viewerOf("manager"), "owner", entry()))).toMatchObject({
      code: "forbidden",
    });
    for (const other of [viewerOf("manager"), viewerOf("admin", true)]) {
      expect(await rejection(service.update(other, kept.id, { title: "Taken over" }))).toMatchObject({
        code: "not_found",
      });
      expect(await rejection(service.delete(other, kept.id))).toMatchObject({ code: "not_found" });
    }
    expect(repository.rows.get(kept.id)?.title).toBe("Shipped onboarding");
  });

  it("refuses unknown competencies and impossible dates, writing nothing", async () => {
    const error = await rejection(
      service.create(
        owner,
        "owner",
        entry({
          competencyIds: ["strategy", "juggling"],
          date: "2025-02-30",
        }),
      ),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details?.map((d) => d.path).sort()).toEqual(["body.competencyIds[1]", "body.date"]);
    expect(repository.rows.size).toBe(0);
    const kept = await service.create(owner, "owner", entry({}));
    expect(await rejection(service.update(owner, kept.id, { title: "   " }))).toMatchObject({
      code: "validation_failed",
    });
  });

  it("stores HTML in the body verbatim, as text", async () => {
    const body = '<script>alert("x")</script><b>bold</b>';
    const created = await service.create(owner, "owner", entry({ body }));
    expect((await service.list(owner, "owner")).entries.find((e) => e.id === created.id)?.body).toBe(body);
  });

  it("lets a rating link only the subject's evidence that the rater can see", async () => {
    const hidden = await service.create(owner, "owner", entry());
    const shared = await service.create(owner, "owner", entry({ isSharedWithManager: true }));
    await expect(service.assertLinkable(owner, "owner", [hidden.id, shared.id])).resolves.toBeUndefined();
    await expect(service.assertLinkable(viewerOf("manager"), "owner", [shared.id])).resolves.toBeUndefined();
    expect(await rejection(service.assertLinkable(viewerOf("manager"), "owner", [hidden.id]))).toMatchObject({
      code: "validation_failed",
    });
    expect(await rejection(service.assertLinkable(viewerOf("outsider"), "owner", [shared.id]))).toMatchObject({
      code: "validation_failed",
    });
  });

  it("suggests tags at the viewer's level from the framework in force", async () => {
    const result = await service.suggestTags(owner, { title: "Brought people along", body: "" });
    expect(result).toMatchObject({ levelId: "pm", frameworkVersion: 2 });
    expect(result.suggestions.map((s) => s.competencyId)).toEqual(["leadership"]);
    expect(result.suggestions[0]?.matchedWords.sort()).toEqual(["along", "people"]);
    const noLevel = await service.suggestTags(viewerOf("outsider"), { title: "Says it clearly", body: "" });
    expect(noLevel.levelId).toBeNull();
    expect(noLevel.suggestions.map((s) => s.competencyId)).toEqual(["communication"]);
  });
});
