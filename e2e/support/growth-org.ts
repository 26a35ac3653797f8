import { ApiError, endpoints, type ApiClient, type TPerson } from "@ascent/contract";
import { HttpSession, signInAsFirstAdmin } from "./http-session.ts";

export interface OrgMemberSpec {
  name: string;
  title: string;
  levelId: string;
  /** The key of their manager in the same spec, listed before them; null for none. */
  manager: string | null;
  team: string;
}

export interface SignedInOrg<K extends string> {
  people: Record<K, TPerson>;
  sessions: Record<K | "admin", HttpSession>;
  /** The typed client of one caller. */
  as(caller: K | "admin"): ApiClient["call"];
}

export const ORG_PASSWORD = "growth-org-password-for-tests";

/**
 * Creates the people of `spec` as the first admin, in order, gives each an account through an
 * invite link, and signs them all in over HTTP.
 */
export async function buildSignedInOrg<K extends string>(
  server: { url: string; firstAdminLink: string | null },
  spec: Record<K, OrgMemberSpec>,
  emailDomain: string,
): Promise<SignedInOrg<K>> {
  const admin = await signInAsFirstAdmin(server);
  const people = {} as Record<K, TPerson>;
  const sessions = { admin } as Record<K | "admin", HttpSession>;
  for (const [key, member] of Object.entries(spec) as [K, OrgMemberSpec][]) {
    people[key] = await admin.client.call(endpoints.people.create, {
      body: {
        name: member.name,
        email: `${key}@${emailDomain}`,
        title: member.title,
        levelId: member.levelId,
        managerId: member.manager ? people[member.manager as K].id : null,
        team: member.team,
      },
    });
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: people[key].id },
      body: { purpose: "invite" },
    });
    sessions[key] = await new HttpSession(server.url).redeem(link.path, ORG_PASSWORD);
  }
  return { people, sessions, as: (caller) => sessions[caller].client.call };
}

/** The ApiError a call fails with; fails the test when the call succeeds. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
