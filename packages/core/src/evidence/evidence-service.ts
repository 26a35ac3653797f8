import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import type { Evidence, EvidencePatch, EvidenceRepository, NewEvidence } from "./evidence.ts";
import { suggestTags, type TagSuggestion } from "./suggest-tags.ts";

export type EvidenceInput = Omit<NewEvidence, "personId">;

export interface EvidencePorts {
  evidence: EvidenceRepository;
  people: Pick<PeopleRepository, "findById" | "chainAbove">;
  /** The framework version in force: competency ids are checked against it, and tags suggested from it. */
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  /** Reads of someone else's entries are logged for the owner (DESIGN §5). */
  audit: AuditRepository;
}

/** What a viewer may see of someone's evidence log: all of it (the owner) or what they shared. */
export interface EvidenceView {
  entries: Evidence[];
  scope: "all" | "shared";
}

export interface TagSuggestions {
  levelId: string | null;
  frameworkVersion: number;
  suggestions: TagSuggestion[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The evidence log (DESIGN §5): entries are their owner's own. Only the owner writes them; the
 * managers above see the ones shared with the manager; admins see none.
 */
export class EvidenceService {
  constructor(private readonly ports: EvidencePorts) {}

  private async assertValid(fields: EvidencePatch): Promise<void> {
    const details: ErrorDetail[] = [];
    if (fields.date !== undefined && !isCalendarDate(fields.date)) {
      details.push({ path: "body.date", message: "must be a calendar date, yyyy-mm-dd" });
    }
    // Lengths and counts are the contract's (LIMITS), checked at every edge before this runs.
    if (fields.title !== undefined && !/\S/.test(fields.title)) {
      details.push({ path: "body.title", message: "must not be blank" });
    }
    if (fields.competencyIds !== undefined) {
      const known = new Set((await this.ports.activeFramework()).document.competencies.map((c) => c.id));
      fields.competencyIds.forEach((id, index) => {
        if (!known.has(id)) {
          details.push({ path: `body.competencyIds[${index}]`, message: `"${id}" is not a competency of the ladder` });
        }
      });
    }
    if (details.length > 0) {
      throw new AppError("validation_failed", `Invalid evidence: ${details[0]?.path} ${details[0]?.message}`, details);
    }
  }

  /** The viewer's own entry; anyone else's is reported as missing. */
  private async requireOwn(viewer: Viewer, id: string): Promise<Evidence> {
    const entry = await this.ports.evidence.findById(id);
    if (!entry || entry.personId !== viewer.personId) {
      throw new AppError("not_found", `No evidence entry "${id}" of yours`);
    }
    return entry;
  }

  async create(viewer: Viewer, personId: string, input: EvidenceInput): Promise<Evidence> {
    if (viewer.personId !== personId) throw new AppError("forbidden", "Only the owner writes their evidence log");
    const fields = { ...input, competencyIds: [...new Set(input.competencyIds)] };
    await this.assertValid(fields);
    return this.ports.evidence.create({ ...fields, personId });
  }

  async update(viewer: Viewer, id: string, patch: EvidencePatch): Promise<Evidence> {
    await this.requireOwn(viewer, id);
    const fields = patch.competencyIds ? { ...patch, competencyIds: [...new Set(patch.competencyIds)] } : patch;
    await this.assertValid(fields);
    return this.ports.evidence.update(id, fields);
  }

  async delete(viewer: Viewer, id: string): Promise<void> {
    await this.requireOwn(viewer, id);
    await this.ports.evidence.delete(id);
  }

  /** What the viewer may see of a person's log; null when nothing (they are neither owner nor above them). */
  private async view(viewer: Viewer, personId: string): Promise<EvidenceView | null> {
    if (viewer.personId === personId) {
      return { entries: await this.ports.evidence.listForPerson(personId), scope: "all" };
    }
    const chain = await this.ports.people.chainAbove(personId);
    if (!chain.some((manager) => manager.id === viewer.personId)) return null;
    return { entries: await this.ports.evidence.listForPerson(personId, { sharedOnly: true }), scope: "shared" };
  }

  /** The owner sees every entry; a manager above them only the shared ones; anyone else, admins included, nothing. */
  async list(viewer: Viewer, personId: string): Promise<EvidenceView> {
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    const view = await this.view(viewer, person.id);
    if (!view) {
      throw new AppError("forbidden", "An evidence log is its owner's, shared only with the managers above them");
    }
    if (view.entries.length > 0) {
      const evidenceIds = view.entries.map((e) => e.id);
      await recordRead(this.ports.audit, viewer, {
        subjectId: person.id,
        targetType: "evidence",
        targetId: person.id,
        details: { evidenceIds },
      });
    }
    return view;
  }

  /**
   * Checks that a rating about `subjectId` links only evidence of the subject that the viewer can
   * see: their own as the subject, shared entries as a manager, none as a peer.
   */
  async assertLinkable(viewer: Viewer, subjectId: string, evidenceIds: readonly string[]): Promise<void> {
    if (evidenceIds.length === 0) return;
    const visible = new Set((await this.view(viewer, subjectId))?.entries.map((e) => e.id));
    const unknown = [...new Set(evidenceIds)].filter((id) => !visible.has(id));
    if (unknown.length > 0) {
      throw new AppError("validation_failed", `Unknown evidence entries: ${unknown.join(", ")}`, [
        { path: "body.ratings", message: "link only evidence of the person rated that you can see" },
      ]);
    }
  }

  /** Competencies the text may show, matched against the wording at the viewer's level. */
  async suggestTags(viewer: Viewer, input: { title: string; body: string }): Promise<TagSuggestions> {
    const [person, framework] = await Promise.all([
      this.ports.people.findById(viewer.personId),
      this.ports.activeFramework(),
    ]);
    const levelId = person?.levelId && framework.document.expectations[person.levelId] ? person.levelId : null;
    return {
      levelId,
      frameworkVersion: framework.version,
      suggestions: suggestTags(`${input.title}\n${input.body}`, framework.document, levelId),
    };
  }
}
