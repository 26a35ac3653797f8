import { ApiError, endpoints, type ApiClient, type TPerson } from "@ascent/contract";
import { HttpSession, signInAsFirstAdmin } from "./http-session.ts";

/**
 * A small product organisation for assessments, all signed in over HTTP:
 *
 *     vic (VP) ── dana (Director) ─┬─ mia (PM, the person rated)
 *                                  ├─ pia, pete, paz, pol (PMs, Mia's peers)
 *     oscar (Senior PM, elsewhere, no manager)
 *
 * plus the first admin, who is in nobody's chain.
 */
const PEOPLE = {
  vic: { name: "Vic Vee", title: "VP of Product", levelId: "vp", manager: null },
  dana: { name: "Dana Director", title: "Director of Product", levelId: "director", manager: "vic" },
  mia: { name: "Mia Member", title: "Product Manager", levelId: "pm", manager: "dana" },
  pia: { name: "Pia Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  pete: { name: "Pete Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  paz: { name: "Paz Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  pol: { name: "Pol Peer", title: "Product Manager", levelId: "pm", manager: "dana" },
  oscar: { name: "Oscar Outsider", title: "Senior Product Manager", levelId: "senior-pm", manager: null },
} as const;

export type StaffKey = keyof typeof PEOPLE;
export type CallerKey = StaffKey | "admin";

export const STAFF_PASSWORD = "assessment-password-for-tests";

export interface AssessmentOrg {
  people: Record<StaffKey, TPerson>;
  sessions: Record<CallerKey, HttpSession>;
  /** The typed client of one caller. */
  as(caller: CallerKey): ApiClient["call"];
  /** A raw request as one caller; the body is JSON-encoded. */
  raw(caller: CallerKey, method: string, path: string, body?: unknown): Promise<Response>;
}

/** Creates the people as the first admin, gives each an account through an invite link, and signs them in. */
export async function buildAssessmentOrg(server: {
  url: string;
  firstAdminLink: string | null;
}): Promise<AssessmentOrg> {
  const admin = await signInAsFirstAdmin(server);
  const people = {} as Record<StaffKey, TPerson>;
  const sessions = { admin } as Record<CallerKey, HttpSession>;
  for (const [key, spec] of Object.entries(PEOPLE) as [StaffKey, (typeof PEOPLE)[StaffKey]][]) {
    people[key] = await admin.client.call(endpoints.people.create, {
      body: {
        name: spec.name,
        email: `${key}@assess.example.com`,
        title: spec.title,
        levelId: spec.levelId,
        managerId: spec.manager ? people[spec.manager].id : null,
        team: "Product",
      },
    });
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: people[key].id },
      body: { purpose: "invite" },
    });
    sessions[key] = await new HttpSession(server.url).redeem(link.path, STAFF_PASSWORD);
  }
  return {
    people,
    sessions,
    as: (caller) => sessions[caller].client.call,
    raw: (caller, method, path, body) =>
      sessions[caller].fetch(path, {
        method,
        ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      }),
  };
}

/** The ApiError a call fails with; fails the test when the call succeeds. */
export async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** The competencies that apply at a level of the built-in ladder (weight above zero), in ladder order. */
export async function applicableCompetencies(client: ApiClient["call"], levelId: string): Promise<string[]> {
  const { document } = await client(endpoints.frameworks.getVersion, {
    params: { framework: "product-management", version: "latest" },
  });
  const row = document.expectations[levelId] ?? {};
  return document.competencies.filter((c) => (row[c.id]?.weight ?? 0) > 0).map((c) => c.id);
}

/** An ISO date-time this many days from now. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
