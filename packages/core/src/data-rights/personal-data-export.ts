import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { PersonReadiness, ReadinessService } from "../readiness/readiness-service.ts";

/** One kind of a person's data (evidence, goals, 1:1s...) as plain rows, ready for JSON and CSV. */
export type PersonalDataRow = Record<string, unknown>;

/**
 * Everything stored about a person that is theirs to take away (DESIGN §5). The source never hands out
 * an individual peer or upward answer about the person, nor the other side's private 1:1 notes: what
 * they received from peers and reports comes only as the released aggregates of their readiness.
 */
export interface PersonalDataSource {
  collect(personId: string, options: { includePrivateNotes: boolean }): Promise<Map<string, PersonalDataRow[]>>;
}

export interface PersonalDataExportDeps {
  people: Pick<PeopleRepository, "findById">;
  source: PersonalDataSource;
  readiness: Pick<ReadinessService, "forPerson" | "framework">;
  audit: Pick<AuditRepository, "record">;
  now: () => Date;
}

export interface PersonalDataExport {
  person: Person;
  exportedAt: Date;
  /** Made by an admin on the person's request rather than by the person. */
  madeByAdmin: boolean;
  tables: Map<string, PersonalDataRow[]>;
  /** Their readiness as they see it themselves: peer and upward ratings only as released aggregates. */
  readiness: PersonReadiness;
  framework: Framework;
  /** What the archive leaves out, and why; written into its README. */
  omissions: string[];
}

const PRIVATE_NOTES_FOR_ADMIN =
  "Private 1:1 notes are left out of an export an admin makes: they stay private from admins. The person can download them from their own account page.";
const PRIVATE_NOTES_SEALED =
  "Private 1:1 notes are left out while they are sealed after an admin-made password reset; unseal them and download again.";

/** A person's own data, for them (their right of access) or for an admin answering their request. */
export class PersonalDataExportService {
  constructor(private readonly deps: PersonalDataExportDeps) {}

  async export(viewer: Viewer, personId: string): Promise<PersonalDataExport> {
    const isSelf = viewer.personId === personId;
    if (!isSelf && !viewer.isAdmin)
      throw new AppError("forbidden", "Only the person or an admin may export their data");
    const person = await this.deps.people.findById(personId);
    if (!person) throw notFound("person", personId);
    const omissions: string[] = [];
    if (!isSelf) omissions.push(PRIVATE_NOTES_FOR_ADMIN);
    else if (viewer.privateSealedAt) omissions.push(PRIVATE_NOTES_SEALED);
    const includePrivateNotes = omissions.length === 0;
    const tables = await this.deps.source.collect(personId, { includePrivateNotes });
    const readiness = await this.deps.readiness.forPerson(personId, { canSeePrivateEvidence: true });
    const { document } = await this.deps.readiness.framework();
    const exportedAt = this.deps.now();
    // An export by an admin is a read of the person's things: it shows in their access log.
    await this.deps.audit.record({
      kind: isSelf ? "write" : "read",
      actorId: viewer.personId,
      action: "data.export",
      subjectId: personId,
      targetType: "person",
      targetId: personId,
      details: { byAdmin: !isSelf, tables: [...tables.keys()], includePrivateNotes },
    });
    return { person, exportedAt, madeByAdmin: !isSelf, tables, readiness, framework: document, omissions };
  }
}
