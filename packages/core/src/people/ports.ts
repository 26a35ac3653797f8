import type { TitleOverride } from "../titles/index.ts";
import type { NewPerson, Person, PersonPatch } from "./person.ts";

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
  create(person: NewPerson): Promise<Person>;
  update(id: string, patch: PersonPatch): Promise<Person>;
  /** Managers above the person, nearest first. */
  chainAbove(id: string): Promise<Person[]>;
  /** Everyone below the person, with their depth. */
  reportsBelow(id: string): Promise<ReportRecord[]>;
  countAll(): Promise<number>;
  deleteDemo(): Promise<number>;
}

export interface TitleOverrideRepository {
  list(): Promise<TitleOverride[]>;
  upsert(override: TitleOverride, createdBy: string | null): Promise<void>;
  remove(title: string): Promise<void>;
}
