/** What the database knows about one person's invitations and account. */
export interface InvitationFacts {
  personId: string;
  /** The account has a password: the person signed up (through an invitation or otherwise). */
  hasPassword: boolean;
  /** The first time an invitation link of theirs was used, else when they first set a password. */
  signedUpAt: Date | null;
  /** The newest invitation link made for them, used or not. */
  latestInvite: { createdAt: Date; expiresAt: Date; usedAt: Date | null } | null;
}

export interface InvitationRepository {
  /** One entry per id given, in the same order; people without an account or link get empty facts. */
  factsFor(personIds: readonly string[]): Promise<InvitationFacts[]>;
  /** Makes every unused invitation link of these people stop working at `at`; returns how many. */
  expireUnusedInvites(personIds: readonly string[], at: Date): Promise<number>;
}
