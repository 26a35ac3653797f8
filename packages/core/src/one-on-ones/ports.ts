import type { HealthCheck, NewHealthCheck, NewOneOnOne, OneOnOne, OneOnOnePatch, PrivateNote } from "./one-on-one.ts";

export interface OneOnOneRepository {
  create(input: NewOneOnOne): Promise<OneOnOne>;
  findById(id: string): Promise<OneOnOne | null>;
  /** The person's 1:1s on either side, optionally only those with one other person; newest first. */
  listForPerson(personId: string, options?: { withPersonId?: string }): Promise<OneOnOne[]>;
  /** The pair's latest 1:1 (either side leading) scheduled before this moment. */
  latestBefore(personA: string, personB: string, before: Date): Promise<OneOnOne | null>;
  update(id: string, patch: OneOnOnePatch): Promise<OneOnOne>;
  /** One author's private notes on one 1:1; there is deliberately no way to list all authors. */
  findPrivateNote(oneOnOneId: string, authorId: string): Promise<PrivateNote | null>;
  savePrivateNote(oneOnOneId: string, authorId: string, body: string): Promise<PrivateNote>;
  addHealthCheck(check: NewHealthCheck): Promise<HealthCheck>;
  listHealthChecks(oneOnOneIds: string[]): Promise<HealthCheck[]>;
}
