import type { AuditRepository } from "../audit/audit.ts";
import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Framework } from "../framework/framework.ts";
import {
  commitPeopleImport,
  planPeopleImport,
  type ImportRecord,
  type PeopleImportContext,
  type PeopleImportCounts,
  type PeopleImportPreview,
} from "./hris-import.ts";
import type { PeopleImportRepository, TitleOverrideRepository } from "./ports.ts";

export interface PeopleImportPorts {
  people: PeopleImportContext["people"] & Pick<PeopleImportRepository, "upsertImport">;
  titleOverrides: Pick<TitleOverrideRepository, "list">;
  /** The ladder titles are mapped onto: the built-in one, whose levels the overrides name. */
  ladder: () => Promise<Framework>;
  /** Each committed import is written to the audit log. */
  audit: Pick<AuditRepository, "record">;
  /** When the levels an import changes take effect. */
  now: () => Date;
  /** How many of the new people's ids an import returns, so that the admin can invite them next. */
  createdIdsLimit?: number;
  /** Tells a person their level changed (in the app and by mail). */
  notify?: (
    personId: string,
    message: { kind: string; subject: string; link: string; email: { body: string } },
  ) => Promise<unknown>;
}

export interface PeopleImportOutcome {
  preview: PeopleImportPreview;
  /** Absent on a dry run. */
  committed?: PeopleImportCounts;
}

/** An HRIS export read into the organisation by an admin: planned, and unless it is a dry run, written and audited. */
export class PeopleImportService {
  constructor(private readonly ports: PeopleImportPorts) {}

  async run(
    actor: Viewer,
    records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
    options: { fileName: string; isDryRun: boolean },
  ): Promise<PeopleImportOutcome> {
    assertAdmin(actor);
    const [{ levels }, overrides] = await Promise.all([this.ports.ladder(), this.ports.titleOverrides.list()]);
    const plan = await planPeopleImport(records, { people: this.ports.people, levels, overrides });
    if (options.isDryRun) return { preview: plan.preview };
    const committed = await commitPeopleImport(plan, this.ports, {
      actorId: actor.personId,
      fileName: options.fileName,
      ...(this.ports.createdIdsLimit ? { createdIdsLimit: this.ports.createdIdsLimit } : {}),
      levelChange: {
        reason: `HRIS import of ${options.fileName}`,
        actorId: actor.personId,
        effectiveAt: this.ports.now(),
      },
      onRelevelled: async (personIds) => {
        for (const personId of personIds) {
          await this.ports.notify?.(personId, {
            kind: "level.changed",
            subject: "Your level on the ladder was changed",
            link: `/people/${personId}`,
            email: {
              body: "Your level changed with an import from your HR system; your readiness now looks at the new one.",
            },
          });
        }
      },
    });
    return { preview: plan.preview, committed };
  }
}
