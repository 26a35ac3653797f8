import type { InvitationFacts } from "./ports.ts";

export type InvitationState = "not_invited" | "invited" | "expired" | "accepted";

export interface InvitationStatus {
  personId: string;
  state: InvitationState;
  invitedAt: Date | null;
  expiresAt: Date | null;
  acceptedAt: Date | null;
}

/** Signed up wins over any link; otherwise the newest link decides whether an invitation still works. */
export function invitationStatusOf(facts: InvitationFacts, now: Date): InvitationStatus {
  const invite = facts.latestInvite;
  const base = {
    personId: facts.personId,
    invitedAt: invite?.createdAt ?? null,
    expiresAt: invite?.expiresAt ?? null,
    acceptedAt: null,
  };
  if (facts.hasPassword) return { ...base, state: "accepted", acceptedAt: facts.signedUpAt };
  if (!invite) return { ...base, state: "not_invited" };
  const isLive = invite.usedAt === null && invite.expiresAt.getTime() > now.getTime();
  return { ...base, state: isLive ? "invited" : "expired" };
}
