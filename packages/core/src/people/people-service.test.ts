import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { PeopleService, type LevelRef } from "./people-service.ts";
import {
  normalizeEmail,
  type LevelChange,
  type LevelHistoryEntry,
  type NewPerson,
  type Person,
  type PersonPatch,
} from "./person.ts";
import type { PeopleFilter, PeopleRepository, ReportRecord } from "./ports.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";
import { accessFromReportingChain } from "../access/access.fixtures.ts";

/** An in-memory PeopleRepository with the same contract as the database one. */
class InMemoryPeopleRepository implements PeopleRepository {
  private readonly rows = new Map<string, Person>();
  private readonly history: LevelHistoryEntry[] = [];
  private nextId = 1;

  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }

  async findByEmail(email: string) {
    return [...this.rows.values()].find((p) => p.email === normalizeEmail(email)) ?? null;
  }

  async findByEmails(emails: string[]) {
    const wanted = new Set(emails.map(normalizeEmail));
    return [...this.rows.values()].filter((p) => wanted.has(p.email));
  }

  async list(filter: PeopleFilter = {}) {
    const matches = [...this.rows.values()]
      .filter((p) => !filter.search || `${p.name} ${p.email} ${p.title}`.toLowerCase().includes(filter.search))
      .filter((p) => !filter.team || p.team === filter.team)
      .filter((p) => !filter.levelId || p.levelId === filter.levelId)
      .filter((p) => !filter.status || p.status === filter.status)
      .filter((p) => !filter.ids || filter.ids.includes(p.id))
      .sort((a, b) => a.name.localeCompare(b.name));
    const offset = filter.offset ?? 0;
    return { people: matches.slice(offset, offset + (filter.limit ?? 1000)), total: matches.length };
  }

  async create(input: NewPerson) {
    const now = new Date();
    const person: Person = {
      title: "",
      levelId: null,
      managerId: null,
      team: "",
      status: "active",
      isDemo: false,
      ...input,
      id: `p${this.nextId++}`,
      email: normalizeEmail(input.email),
      createdAt: now,
      updatedAt: now,
    };
    this.rows.set(person.id, person);
    return person;
  }

  async update(id: string, patch: PersonPatch, levelChange?: LevelChange) {
    const person = this.rows.get(id);
    if (!person) throw new Error(`person ${id} not found`);
    const updated = { ...person, ...patch, ...(patch.email ? { email: normalizeEmail(patch.email) } : {}) };
    if (updated.levelId !== person.levelId) {
      if (!levelChange) throw new Error("a change of level must say why (levelChange)");
      this.history.push({
        id: `h${this.history.length + 1}`,
        personId: id,
        fromLevelId: person.levelId,
        toLevelId: updated.levelId,
        effectiveAt: levelChange.effectiveAt,
        source: levelChange.source,
        reason: levelChange.reason,
        changedBy: levelChange.actorId,
        caseId: levelChange.caseId ?? null,
      });
    }
    this.rows.set(id, updated);
    return updated;
  }

  async levelHistory(personId: string) {
    return this.history.filter((entry) => entry.personId === personId);
  }

  async chainAbove(id: string) {
    const chain: Person[] = [];
    for (let at = this.rows.get(id); at?.managerId && chain.length < 100;) {
      at = this.rows.get(at.managerId);
      if (at) chain.push(at);
    }
    return chain;
  }

  async reportsBelow(id: string) {
    const below: ReportRecord[] = [];
    let frontier = [id];
    for (let depth = 1; frontier.length > 0 && depth <= 100; depth++) {
      const next = [...this.rows.values()]
        .filter((p) => p.managerId !== null && frontier.includes(p.managerId))
        .sort((a, b) => a.name.localeCompare(b.name));
      below.push(...next.map((person) => ({ person, depth })));
      frontier = next.map((p) => p.id);
    }
    return below;
  }

  async countAll() {
    return this.rows.size;
  }

  async deleteDemo() {
    return 0;
  }
}

const CLOCK = new Date("2026-03-02T09:00:00Z");

const LEVELS: LevelRef[] = [
  { id: "pm", name: "Product Manager", rank: 1 },
  { id: "director", name: "Director of Product", rank: 3 },
];

const asViewer = (person: Person, isAdmin = false): Viewer => ({
  personId: person.id,
  name: person.name,
  isAdmin,
  via: "session",
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("PeopleService", () => {
  let repo: InMemoryPeopleRepository;
  let service: PeopleService;
  let audit: InMemoryAuditLog;
  let endedSessionsOf: string[];
  let admin: Person, ceo: Person, director: Person, pm: Person, otherPm: Person, outsider: Person;

  let adminViewer: Viewer;

  /** A small org: CEO → Director → PM and Other PM; an outsider with no manager; an admin. */
  beforeEach(async () => {
    repo = new InMemoryPeopleRepository();
    audit = new InMemoryAuditLog();
    endedSessionsOf = [];
    service = new PeopleService({
      people: repo,
      levels: { listLevels: async () => LEVELS },
      audit,
      endSessions: async (personId) => endedSessionsOf.push(personId),
      access: accessFromReportingChain(repo),
      now: () => CLOCK,
    });
    admin = await repo.create({ name: "Ada Admin", email: "admin@example.com" });
    adminViewer = asViewer(admin, true);
    ceo = await repo.create({ name: "Cleo Chief", email: "ceo@example.com" });
    director = await repo.create({ name: "Dina Director", email: "dina@example.com", managerId: ceo.id });
    pm = await repo.create({ name: "Pat Product", email: "pat@example.com", managerId: director.id, levelId: "pm" });
    otherPm = await repo.create({ name: "Olu Other", email: "olu@example.com", managerId: director.id });
    outsider = await repo.create({ name: "Uma Unrelated", email: "uma@example.com" });
  });

  describe("manager changes", () => {
    it("rejects making someone their own manager", async () => {
      const error = await rejection(service.update(pm.id, { managerId: pm.id }, adminViewer));
      expect(error.code).toBe("conflict");
      expect(error.message).toBe("Pat Product cannot be their own manager");
      expect(error.details?.[0]?.path).toBe("body.managerId");
    });

    it("rejects a direct loop (A reports to B, B to A) naming both people", async () => {
      const error = await rejection(service.update(director.id, { managerId: pm.id }, adminViewer));
      expect(error.code).toBe("conflict");
      expect(error.message).toContain("Pat Product cannot become the manager of Dina Director");
      expect(error.message).toContain("Pat Product → Dina Director");
      expect((await repo.findById(director.id))?.managerId).toBe(ceo.id);
    });

    it("rejects a loop through several levels and shows the path", async () => {
      const error = await rejection(service.update(ceo.id, { managerId: pm.id }, adminViewer));
      expect(error.code).toBe("conflict");
      expect(error.message).toContain("Pat Product → Dina Director → Cleo Chief");
    });

    it("accepts a move that keeps the lines a tree, and reports the change", async () => {
      const { person, changes } = await service.update(pm.id, { managerId: outsider.id }, adminViewer);
      expect(person.managerId).toBe(outsider.id);
      expect(changes).toEqual({ managerId: { from: director.id, to: outsider.id } });
      expect((await service.chain(adminViewer, pm.id)).map((p) => p.name)).toEqual(["Uma Unrelated"]);
    });

    it("refuses a manager who does not exist", async () => {
      const error = await rejection(service.update(pm.id, { managerId: "p999" }, adminViewer));
      expect(error.code).toBe("validation_failed");
      expect(error.details?.[0]?.path).toBe("body.managerId");
    });
  });

  describe("create and update", () => {
    it("creates a person and refuses a second one with the same email, whatever its case", async () => {
      const created = await service.create(
        { name: "New Person", email: "new@example.com", levelId: "director" },
        adminViewer,
      );
      expect(created.levelId).toBe("director");
      const error = await rejection(service.create({ name: "Copy", email: " NEW@example.com " }, adminViewer));
      expect(error.code).toBe("conflict");
      expect(error.message).toContain('"new@example.com"');
      expect(error.details?.[0]?.path).toBe("body.email");
    });

    it("refuses a level that is not in the published frameworks", async () => {
      const error = await rejection(
        service.create({ name: "X", email: "x@example.com", levelId: "wizard" }, adminViewer),
      );
      expect(error.code).toBe("validation_failed");
      expect(error.details?.[0]?.path).toBe("body.levelId");
    });

    it("changes only the fields that differ and lists them", async () => {
      const { person, changes } = await service.update(
        pm.id,
        { name: "Pat Product", email: "PAT@example.com", team: "Growth", levelId: null },
        adminViewer,
      );
      expect(changes).toEqual({ team: { from: "", to: "Growth" }, levelId: { from: "pm", to: null } });
      expect(person.team).toBe("Growth");
    });

    it("audits a create and an update with what changed, and an update with no change not at all", async () => {
      const created = await service.create({ name: "New Person", email: "new@example.com" }, adminViewer);
      await service.update(created.id, { team: "Growth" }, adminViewer);
      await service.update(created.id, { team: "Growth" }, adminViewer);
      expect(audit.events.map((e) => [e.action, e.subjectId, e.details?.["changes"] ?? e.details?.["email"]])).toEqual([
        ["person.create", created.id, "new@example.com"],
        ["person.update", created.id, { team: { from: "", to: "Growth" } }],
      ]);
      expect(endedSessionsOf).toEqual([]);
    });

    it("records a level change with its reason, author and date, readable by the person's chain but not a peer", async () => {
      await service.update(pm.id, { levelId: "director" }, adminViewer, { levelChangeReason: "  Corrected title  " });
      await service.update(pm.id, { team: "Growth" }, adminViewer);
      const history = await service.levelHistory(asViewer(director), pm.id);
      expect(history).toEqual([
        expect.objectContaining({
          fromLevelId: "pm",
          toLevelId: "director",
          source: "admin-edit",
          reason: "Corrected title",
          changedBy: admin.id,
          effectiveAt: CLOCK,
        }),
      ]);
      expect(await service.levelHistory(asViewer(pm), pm.id)).toHaveLength(1);
      const refused = await rejection(service.levelHistory(asViewer(otherPm), pm.id));
      expect(refused.code).toBe("forbidden");
    });

    it("refuses taking another person's email", async () => {
      const error = await rejection(service.update(pm.id, { email: otherPm.email }, adminViewer));
      expect(error.code).toBe("conflict");
      expect(error.message).toContain("Olu Other");
    });

    it("does not let an admin deactivate themself through an update", async () => {
      const error = await rejection(service.update(admin.id, { status: "inactive" }, adminViewer));
      expect(error.code).toBe("conflict");
    });

    it("answers not_found for an unknown person", async () => {
      expect((await rejection(service.update("p999", { team: "x" }, adminViewer))).code).toBe("not_found");
      expect((await rejection(service.profile(adminViewer, "p999"))).code).toBe("not_found");
    });
  });

  describe("deactivate", () => {
    it("keeps the reports' manager link and warns about it", async () => {
      const { person, warnings, isChanged } = await service.deactivate(director.id, adminViewer);
      expect(person.status).toBe("inactive");
      expect(isChanged).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("2 direct reports (Olu Other, Pat Product)");
      expect((await repo.findById(pm.id))?.managerId).toBe(director.id);
    });

    it("writes who deactivated whom to the audit log and ends the person's sessions, once", async () => {
      await service.deactivate(pm.id, adminViewer);
      await service.deactivate(pm.id, adminViewer);
      expect(audit.events.map((e) => [e.action, e.actorId, e.subjectId])).toEqual([
        ["person.deactivate", admin.id, pm.id],
      ]);
      expect(endedSessionsOf).toEqual([pm.id]);
    });

    it("says so when the person was already inactive", async () => {
      await service.deactivate(pm.id, adminViewer);
      const again = await service.deactivate(pm.id, adminViewer);
      expect(again.isChanged).toBe(false);
      expect(again.warnings).toEqual(["Pat Product was already inactive"]);
    });

    it("keeps changes to people for admins, whoever calls", async () => {
      expect((await rejection(service.deactivate(pm.id, asViewer(director)))).code).toBe("forbidden");
      expect((await rejection(service.create({ name: "X", email: "x@example.com" }, asViewer(ceo)))).code).toBe(
        "forbidden",
      );
      expect(audit.events).toEqual([]);
      expect((await repo.findById(pm.id))?.status).toBe("active");
    });

    it("refuses self-deactivation", async () => {
      expect((await rejection(service.deactivate(admin.id, adminViewer))).code).toBe("conflict");
    });
  });

  describe("what a viewer may see", () => {
    it("gives an admin everyone", async () => {
      expect((await service.list(asViewer(admin, true), {})).total).toBe(6);
    });

    it("gives a manager themselves and their reporting chain only", async () => {
      const { people } = await service.list(asViewer(ceo), {});
      expect(people.map((p) => p.name)).toEqual(["Cleo Chief", "Dina Director", "Olu Other", "Pat Product"]);
    });

    it("gives a member only themselves, and applies the filters inside that scope", async () => {
      expect((await service.list(asViewer(pm), {})).people.map((p) => p.name)).toEqual(["Pat Product"]);
      expect((await service.list(asViewer(director), { search: "olu" })).people.map((p) => p.name)).toEqual([
        "Olu Other",
      ]);
      expect((await service.list(asViewer(pm), { search: "olu" })).total).toBe(0);
    });

    it("profiles a person with level, manager and direct report count", async () => {
      const profile = await service.profile(adminViewer, pm.id);
      expect(profile.level).toEqual(LEVELS[0]);
      expect(profile.manager?.name).toBe("Dina Director");
      expect((await service.profile(adminViewer, director.id)).directReportCount).toBe(2);
    });

    it("lists direct or all reports", async () => {
      expect((await service.reports(adminViewer, ceo.id, "direct")).map((r) => r.person.name)).toEqual([
        "Dina Director",
      ]);
      expect((await service.reports(adminViewer, ceo.id, "all")).map((r) => [r.person.name, r.depth])).toEqual([
        ["Dina Director", 1],
        ["Olu Other", 2],
        ["Pat Product", 2],
      ]);
    });
  });

  describe("org chart", () => {
    it("gives an admin the whole organisation from its top-level people", async () => {
      const roots = await service.orgChart(asViewer(admin, true));
      expect(roots.map((r) => r.member.name)).toEqual(["Ada Admin", "Cleo Chief", "Uma Unrelated"]);
      expect(roots[1]?.reports[0]?.reports.map((r) => r.member.name)).toEqual(["Olu Other", "Pat Product"]);
    });

    it("gives anyone else their own subtree by default", async () => {
      const roots = await service.orgChart(asViewer(director));
      expect(roots.map((r) => r.member.name)).toEqual(["Dina Director"]);
      expect(roots[0]?.reports.map((r) => r.member.name)).toEqual(["Olu Other", "Pat Product"]);
    });

    it("lets a manager start from someone below them but not from outside their chain", async () => {
      expect((await service.orgChart(asViewer(ceo), { rootId: pm.id })).map((r) => r.member.name)).toEqual([
        "Pat Product",
      ]);
      expect((await rejection(service.orgChart(asViewer(director), { rootId: ceo.id }))).code).toBe("forbidden");
      expect((await rejection(service.orgChart(asViewer(pm), { rootId: outsider.id }))).code).toBe("forbidden");
    });

    it("lets an admin start anywhere, and answers not_found for an unknown root", async () => {
      const [root] = await service.orgChart(asViewer(admin, true), { rootId: director.id, maxDepth: 1 });
      expect(root?.member.name).toBe("Dina Director");
      expect(root?.reports).toEqual([]);
      expect(root?.directReportCount).toBe(2);
      expect((await rejection(service.orgChart(asViewer(admin, true), { rootId: "p999" }))).code).toBe("not_found");
    });
  });

  describe("reading a person: profile, managers above and reports", () => {
    /** Each use case that reads one person, called as `viewer`. */
    const reads = (viewer: Viewer, id: string) => ({
      profile: () => service.profile(viewer, id),
      chain: () => service.chain(viewer, id),
      reports: () => service.reports(viewer, id, "all"),
    });

    it("refuses a colleague outside the person's chain and someone below them, whoever calls", async () => {
      for (const viewer of [asViewer(outsider), asViewer(otherPm), asViewer(pm)]) {
        for (const [name, read] of Object.entries(reads(viewer, director.id))) {
          expect([name, (await rejection(read())).code]).toEqual([name, "forbidden"]);
        }
      }
    });

    it("answers not_found for an unknown person before anything is read", async () => {
      for (const read of Object.values(reads(asViewer(pm), "p999"))) {
        expect((await rejection(read())).code).toBe("not_found");
      }
    });

    it("lets the person, the managers above them and an admin read", async () => {
      for (const viewer of [asViewer(pm), asViewer(director), asViewer(ceo), adminViewer]) {
        expect((await service.profile(viewer, pm.id)).person.id).toBe(pm.id);
        expect((await service.chain(viewer, pm.id)).map((p) => p.name)).toEqual(["Dina Director", "Cleo Chief"]);
        expect(await service.reports(viewer, pm.id, "all")).toEqual([]);
      }
    });
  });
});
