import type { TitleOverride } from "../titles/index.ts";
import type { LevelChange, LevelHistoryEntry, NewPerson, Person, PersonPatch } from "./person.ts";

export interface PeopleFilter {
  search?: string;
  team?: string;
  levelId?: string;
  status?: Person["status"];
  /** Only these ids (e.g. a manager's reporting chain). */
  ids?: string[];
  limit?: number;
  offset?: number;
}

export interface ReportRecord {
  person: Person;
  /** 1 for a direct report, 2 for their reports, and so on. */
  depth: number;
}

export interface PeopleRepository {
  findById(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  findByEmails(emails: string[]): Promise<Person[]>;
  list(filter?: PeopleFilter): Promise<{ people: Person[]; total: number }>;
  /** With a level and a `levelChange`, the first placement is written to the level history with the person. */
  create(person: NewPerson, levelChange?: LevelChange): Promise<Person>;
  /** A patch that changes the level must carry `levelChange`; its history entry is written in the same transaction. */
  update(id: string, patch: PersonPatch, levelChange?: LevelChange): Promise<Person>;
  /** The person's level changes, oldest first. */
  levelHistory(personId: string): Promise<LevelHistoryEntry[]>;
  /** Managers above the person, nearest first. */
  chainAbove(id: string): Promise<Person[]>;
  /** Everyone below the person, with their depth. */
  reportsBelow(id: string): Promise<ReportRecord[]>;
  countAll(): Promise<number>;
  deleteDemo(): Promise<number>;
}

/**
 * What the HRIS import (hris-import.ts) needs besides PeopleRepository: lookups by the batch, and
 * one upsert of the whole file. A port of its own, so fakes of PeopleRepository need not grow.
 */
export interface PeopleImportRepository {
  /** The people with these (normalised) emails, each with their manager's email. */
  findByEmailsWithManager(emails: string[]): Promise<PersonWithManagerEmail[]>;
  /** People whose name, trimmed and lower-cased, is one of these. */
  findByNames(names: string[]): Promise<Person[]>;
  /** Everyone with these emails and everyone above them in the reporting chain, as links to their managers. */
  managerLinksFrom(emails: string[]): Promise<ManagerLink[]>;
  /**
   * Inserts or updates every row by email, then links each row to its manager, all in one
   * transaction: a failure writes nothing. Throws when a manager email is not in the table.
   */
  upsertImport(rows: Iterable<ImportedPersonRow>, options?: UpsertImportOptions): Promise<UpsertImportResult>;
}

export type PersonWithManagerEmail = Person & { managerEmail: string | null };

export interface ManagerLink {
  email: string;
  managerEmail: string | null;
}

/** One person as the import writes them: every field decided, the manager by email. */
export interface ImportedPersonRow {
  email: string;
  name: string;
  title: string;
  team: string;
  levelId: string | null;
  managerEmail: string | null;
}

export interface UpsertImportOptions {
  /** Rows per multi-row INSERT (default 1000). */
  batchSize?: number;
  /** Return the ids of up to this many of the people the import creates (to invite them next). */
  createdIdsLimit?: number;
  /** Called after each batch with the rows written so far. */
  onProgress?: (rowsWritten: number) => void;
  /** Why levels change in this import (source "hris-import"); each changed level gets a history entry. */
  levelChange?: Omit<LevelChange, "source" | "caseId">;
}

export interface UpsertImportResult {
  created: number;
  /** Existing people with at least one field or their manager changed. */
  updated: number;
  /** People who had a level and now have another (first placements are not listed): they are told. */
  relevelledIds: string[];
  /** The new people's ids, at most `createdIdsLimit` of them; only when that option is given. */
  createdIds?: string[];
}

export interface TitleOverrideRepository {
  list(): Promise<TitleOverride[]>;
  upsert(override: TitleOverride, createdBy: string | null): Promise<void>;
  remove(title: string): Promise<void>;
}
