import { AppError, notFound } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { assertAdmin, type Access } from "../access/access.ts";
import { subject } from "../access/policy.ts";
import type { FrameworkCatalog } from "../framework/framework-catalog.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { buildOrgTree, type OrgNode } from "./org-chart.ts";
import {
  normalizeEmail,
  type LevelChange,
  type LevelHistoryEntry,
  type NewPerson,
  type Person,
  type PersonPatch,
} from "./person.ts";
import type { PeopleFilter, PeopleRepository, ReportRecord } from "./ports.ts";

/** A ladder level a person can be placed on. */
export interface LevelRef {
  id: string;
  name: string;
  rank: number;
}

/** The levels people may be placed on: those of the published frameworks. */
export interface LevelDirectory {
  listLevels(): Promise<LevelRef[]>;
}

/**
 * Levels of the latest published version of every framework, the built-in ladder first; when two
 * frameworks use the same level id, the first one names it.
 */
export function publishedLevels(catalog: Pick<FrameworkCatalog, "list" | "version">): LevelDirectory {
  return {
    async listLevels() {
      const frameworks = (await catalog.list())
        .filter((framework) => framework.latestPublishedVersion !== null)
        .sort((a, b) => Number(b.isBuiltin) - Number(a.isBuiltin));
      const levels = new Map<string, LevelRef>();
      for (const framework of frameworks) {
        const { document } = await catalog.version(framework.id, framework.latestPublishedVersion ?? "latest");
        for (const { id, name, rank } of document.levels) if (!levels.has(id)) levels.set(id, { id, name, rank });
      }
      return [...levels.values()];
    },
  };
}

export interface PeopleServicePorts {
  people: PeopleRepository;
  levels: LevelDirectory;
  /** Every change to a person is written to the audit log. */
  audit: AuditRepository;
  /** Ends the person's open sessions: an inactive person cannot stay signed in. */
  endSessions: (personId: string) => Promise<unknown>;
  /** Who may read a person's profile, chain and reports (PROFILE_READERS). */
  access: Pick<Access, "authorize">;
  /** When a level change takes effect. */
  now: () => Date;
  /** Tells a person their level changed, and why (in the app and by mail). */
  notify?: (
    personId: string,
    message: { kind: string; subject: string; link: string; email: { body: string } },
  ) => Promise<unknown>;
}

/** A person's profile, managers and reports: the person, the managers above them, and admins (who manage people). */
export const PROFILE_READERS = subject("id", "self", "managementChain", "admin");

/** A person with what their page shows around them. */
export interface PersonProfile {
  person: Person;
  level: LevelRef | null;
  manager: Person | null;
  directReportCount: number;
}

export type FieldChanges = Partial<Record<keyof PersonPatch, { from: unknown; to: unknown }>>;

export interface OrgChartRequest {
  rootId?: string;
  maxDepth?: number;
}

const PATCHABLE: (keyof PersonPatch)[] = ["name", "email", "title", "levelId", "managerId", "team", "status"];

function conflictOn(field: string, message: string): AppError {
  return new AppError("conflict", message, [{ path: `body.${field}`, message }]);
}

function invalidField(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid body.${field}: ${message}`, [{ path: `body.${field}`, message }]);
}

/**
 * People and the reporting lines between them. Changes are for admins, checked here; what a caller
 * may *see* in lists and charts (their own reporting chain, or everyone for an admin) is decided
 * here too.
 */
export class PeopleService {
  constructor(private readonly ports: PeopleServicePorts) {}

  async get(id: string): Promise<Person> {
    const person = await this.ports.people.findById(id);
    if (!person) throw notFound("person", id);
    return person;
  }

  async levelIndex(): Promise<Map<string, LevelRef>> {
    return new Map((await this.ports.levels.listLevels()).map((level) => [level.id, level]));
  }

  async profile(viewer: Viewer, id: string): Promise<PersonProfile> {
    await this.ports.access.authorize(viewer, PROFILE_READERS, id);
    const person = await this.get(id);
    const [levels, manager, reports] = await Promise.all([
      this.levelIndex(),
      person.managerId ? this.ports.people.findById(person.managerId) : Promise.resolve(null),
      this.ports.people.reportsBelow(person.id),
    ]);
    return {
      person,
      level: person.levelId ? (levels.get(person.levelId) ?? null) : null,
      manager,
      directReportCount: reports.filter((report) => report.depth === 1).length,
    };
  }

  /** Every change of the person's level, oldest first: for whoever may read their profile. */
  async levelHistory(viewer: Viewer, id: string): Promise<LevelHistoryEntry[]> {
    await this.ports.access.authorize(viewer, PROFILE_READERS, id);
    await this.get(id);
    return this.ports.people.levelHistory(id);
  }

  private adminEdit(actor: Viewer, reason: string | null): LevelChange {
    return { source: "admin-edit", reason, actorId: actor.personId, effectiveAt: this.ports.now() };
  }

  /** Ids the viewer may see in lists: null for everyone (admins), else themselves and everyone below them. */
  async visibleIds(viewer: Viewer): Promise<string[] | null> {
    if (viewer.isAdmin) return null;
    const below = await this.ports.people.reportsBelow(viewer.personId);
    return [viewer.personId, ...below.map((report) => report.person.id)];
  }

  async list(viewer: Viewer, filter: Omit<PeopleFilter, "ids">): Promise<{ people: Person[]; total: number }> {
    const ids = await this.visibleIds(viewer);
    return this.ports.people.list(ids ? { ...filter, ids } : filter);
  }

  /** The colleague directory: active people only; what it shows of them is the presenter's to decide. */
  directory(query: { search?: string | undefined; limit: number }): Promise<{ people: Person[]; total: number }> {
    return this.ports.people.list({ search: query.search, status: "active", limit: query.limit });
  }

  /** The people with these ids, by id, in one read: for the names that views show. */
  async byIds(ids: Iterable<string>): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await this.ports.people.list({ ids: unique, limit: unique.length });
    return new Map(found.people.map((person) => [person.id, person]));
  }

  private recordWrite(actorId: string, action: string, personId: string, details: Record<string, unknown>) {
    return this.ports.audit.record({
      kind: "write",
      actorId,
      action,
      subjectId: personId,
      targetType: "person",
      targetId: personId,
      details,
    });
  }

  async create(input: NewPerson, actor: Viewer): Promise<Person> {
    assertAdmin(actor);
    await this.assertEmailFree(input.email);
    if (input.levelId) await this.assertKnownLevel(input.levelId);
    if (input.managerId) await this.findManager(input.managerId);
    const person = await this.ports.people.create(input, this.adminEdit(actor, null));
    const { name, email, title, levelId, managerId, team } = person;
    await this.recordWrite(actor.personId, "person.create", person.id, {
      name,
      email,
      title,
      levelId,
      managerId,
      team,
    });
    return person;
  }

  /**
   * Applies the fields that differ and reports them. An admin may not deactivate themself,
   * which would lock them out mid-change.
   */
  async update(
    id: string,
    patch: PersonPatch,
    actor: Viewer,
    options: { levelChangeReason?: string | undefined } = {},
  ): Promise<{ person: Person; changes: FieldChanges }> {
    assertAdmin(actor);
    const actorId = actor.personId;
    const person = await this.get(id);
    const changed: PersonPatch = {};
    const changes: FieldChanges = {};
    for (const field of PATCHABLE) {
      const value = patch[field];
      if (value === undefined) continue;
      const before = person[field];
      const isSame = field === "email" ? normalizeEmail(String(value)) === before : value === before;
      if (isSame) continue;
      Object.assign(changed, { [field]: value });
      changes[field] = { from: before, to: value };
    }
    if (Object.keys(changed).length === 0) return { person, changes };

    if (changed.email !== undefined) await this.assertEmailFree(changed.email, person.id);
    if (changed.levelId) await this.assertKnownLevel(changed.levelId);
    if (changed.managerId) await this.assertNoCycle(person, changed.managerId);
    if (changed.status === "inactive" && person.id === actorId) {
      throw conflictOn("status", "You cannot deactivate yourself; ask another admin");
    }
    const levelChange = this.adminEdit(actor, options.levelChangeReason?.trim() || null);
    const updated = await this.ports.people.update(person.id, changed, levelChange);
    await this.recordWrite(actorId, "person.update", person.id, { changes });
    if (changes.levelId) {
      const reason = levelChange.reason ? ` Reason given: ${levelChange.reason}.` : "";
      await this.ports.notify?.(person.id, {
        kind: "level.changed",
        subject: "Your level on the ladder was changed",
        link: `/people/${person.id}`,
        email: { body: `An administrator changed your level; your readiness now looks at the new one.${reason}` },
      });
    }
    if (changes.status?.to === "inactive") await this.ports.endSessions(person.id);
    return { person: updated, changes };
  }

  /**
   * Marks someone inactive: they can no longer sign in. Their reports keep them as manager
   * until an admin reassigns them; the warnings say so.
   */
  async deactivate(id: string, actor: Viewer): Promise<{ person: Person; warnings: string[]; isChanged: boolean }> {
    assertAdmin(actor);
    const actorId = actor.personId;
    const person = await this.get(id);
    if (person.id === actorId) throw new AppError("conflict", "You cannot deactivate yourself; ask another admin");
    const direct = (await this.ports.people.reportsBelow(person.id)).filter((report) => report.depth === 1);
    const warnings =
      direct.length === 0
        ? []
        : [
            `${person.name} still has ${direct.length} direct report${direct.length === 1 ? "" : "s"} ` +
              `(${direct.map((report) => report.person.name).join(", ")}); ` +
              `they keep ${person.name} as their manager until you assign a new one`,
          ];
    if (person.status === "inactive") {
      return { person, warnings: [`${person.name} was already inactive`, ...warnings], isChanged: false };
    }
    const updated = await this.ports.people.update(person.id, { status: "inactive" });
    await this.recordWrite(actorId, "person.deactivate", person.id, { warnings });
    // Inactive people cannot sign in; their open sessions end now rather than linger.
    await this.ports.endSessions(person.id);
    return { person: updated, warnings, isChanged: true };
  }

  /** Managers above the person, nearest first. */
  async chain(viewer: Viewer, id: string): Promise<Person[]> {
    await this.ports.access.authorize(viewer, PROFILE_READERS, id);
    return this.ports.people.chainAbove((await this.get(id)).id);
  }

  async reports(viewer: Viewer, id: string, depth: "direct" | "all"): Promise<ReportRecord[]> {
    await this.ports.access.authorize(viewer, PROFILE_READERS, id);
    const below = await this.ports.people.reportsBelow((await this.get(id)).id);
    return depth === "direct" ? below.filter((report) => report.depth === 1) : below;
  }

  /**
   * The reporting tree from a root. Without one, an admin gets the whole organisation from its
   * top-level people, and anyone else their own subtree; a root outside the viewer's own
   * subtree is refused unless they are an admin.
   */
  async orgChart(viewer: Viewer, request: OrgChartRequest = {}): Promise<OrgNode<Person>[]> {
    const options = request.maxDepth === undefined ? {} : { maxDepth: request.maxDepth };
    if (!request.rootId && viewer.isAdmin) {
      const everyone = await this.ports.people.list({ limit: Math.max(1, await this.ports.people.countAll()) });
      return buildOrgTree(everyone.people, options);
    }
    const root = await this.get(request.rootId ?? viewer.personId);
    if (!viewer.isAdmin && root.id !== viewer.personId) {
      const visible = await this.ports.people.reportsBelow(viewer.personId);
      if (!visible.some((report) => report.person.id === root.id)) {
        throw new AppError("forbidden", "You can see the org chart of your own reporting chain only");
      }
    }
    const below = await this.ports.people.reportsBelow(root.id);
    return buildOrgTree([root, ...below.map((report) => report.person)], { ...options, rootIds: [root.id] });
  }

  private async assertEmailFree(email: string, exceptId?: string): Promise<void> {
    const holder = await this.ports.people.findByEmail(email);
    if (holder && holder.id !== exceptId) {
      throw conflictOn("email", `The email "${normalizeEmail(email)}" is already used by ${holder.name}`);
    }
  }

  private async assertKnownLevel(levelId: string): Promise<void> {
    const levels = await this.levelIndex();
    if (!levels.has(levelId)) {
      throw invalidField(
        "levelId",
        `no level "${levelId}" in the published frameworks; known levels: ${[...levels.keys()].join(", ")}`,
      );
    }
  }

  private async findManager(managerId: string): Promise<Person> {
    const manager = await this.ports.people.findById(managerId);
    if (!manager) throw invalidField("managerId", `no person with id "${managerId}"`);
    return manager;
  }

  /** A manager change must keep the reporting lines a tree: nobody may end up above themself. */
  private async assertNoCycle(person: Person, managerId: string): Promise<void> {
    if (managerId === person.id) throw conflictOn("managerId", `${person.name} cannot be their own manager`);
    const manager = await this.findManager(managerId);
    const chain = await this.ports.people.chainAbove(manager.id);
    const at = chain.findIndex((above) => above.id === person.id);
    if (at === -1) return;
    const between = chain.slice(0, at).map((above) => above.name);
    const path = [manager.name, ...between, person.name].join(" → ");
    throw conflictOn(
      "managerId",
      `${manager.name} cannot become the manager of ${person.name}: ${manager.name} already reports to ` +
        `${person.name} (${path}), so the reporting line would loop`,
    );
  }
}
