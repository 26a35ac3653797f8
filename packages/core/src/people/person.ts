export type PersonStatus = "active" | "inactive";

export interface Person {
  id: string;
  name: string;
  email: string;
  /** The company's own title. */
  title: string;
  /** Where the title sits on the ladder; null while unmapped. */
  levelId: string | null;
  managerId: string | null;
  team: string;
  status: PersonStatus;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewPerson = Pick<Person, "name" | "email"> &
  Partial<Pick<Person, "title" | "levelId" | "managerId" | "team" | "status" | "isDemo">>;

export type PersonPatch = Partial<
  Pick<Person, "name" | "email" | "title" | "levelId" | "managerId" | "team" | "status">
>;

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What moved a person's level. */
export type LevelChangeSource = "admin-edit" | "hris-import" | "promotion";

/** Why and when a level changes; every write that changes a level carries one. */
export interface LevelChange {
  source: LevelChangeSource;
  reason: string | null;
  actorId: string | null;
  /** The promotion case behind the change, when there is one. */
  caseId?: string | null;
  effectiveAt: Date;
}

export interface LevelHistoryEntry {
  id: string;
  personId: string;
  fromLevelId: string | null;
  toLevelId: string | null;
  effectiveAt: Date;
  source: LevelChangeSource;
  reason: string | null;
  changedBy: string | null;
  caseId: string | null;
}
