export interface Evidence {
  id: string;
  personId: string;
  /** ISO date (yyyy-mm-dd) of the achievement. */
  date: string;
  title: string;
  body: string;
  competencyIds: string[];
  links: string[];
  isSharedWithManager: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewEvidence = Omit<Evidence, "id" | "createdAt" | "updatedAt">;
export type EvidencePatch = Partial<Omit<NewEvidence, "personId">>;

export interface EvidenceRepository {
  create(evidence: NewEvidence): Promise<Evidence>;
  findById(id: string): Promise<Evidence | null>;
  listForPerson(personId: string, options?: { sharedOnly?: boolean }): Promise<Evidence[]>;
  /** Newest first, as listForPerson, for several people in one read. */
  listForPeople(personIds: string[], options?: { sharedOnly?: boolean }): Promise<Evidence[]>;
  update(id: string, patch: EvidencePatch): Promise<Evidence>;
  delete(id: string): Promise<void>;
}
