/** Who would rather not be suggested as a mentor. Everyone is available until they opt out. */
export interface MentorAvailabilityRepository {
  isOptedOut(personId: string): Promise<boolean>;
  setOptedOut(personId: string, isOptedOut: boolean): Promise<void>;
  /** Of these people, the ones who opted out. */
  listOptedOut(personIds: string[]): Promise<string[]>;
}
