import { endpoints, type TPerson } from "@ascent/contract";
import { ADMIN_PASSWORD, HttpSession, signInAsFirstAdmin } from "./http-session.ts";

/**
 * The people an authorization question is asked about, all relative to one member, M:
 * - member: M themself;
 * - directManager: D, M's manager; skipManager: S, D's manager;
 * - peer: P, M's teammate under D. The persona stands for "a peer with an open feedback request",
 *   but feedback requests arrive with the Assessments issue: until then P is simply another
 *   member with no relationship to M, and every rule must treat them as such;
 * - otherMember: O, a member in another part of the organisation, under unrelatedManager U;
 * - admin: the first admin; anonymous: nobody signed in.
 */
export const PERSONA_NAMES = [
  "anonymous",
  "member",
  "otherMember",
  "peer",
  "directManager",
  "skipManager",
  "unrelatedManager",
  "admin",
] as const;

export type PersonaName = (typeof PERSONA_NAMES)[number];
export type StaffPersona = Exclude<PersonaName, "anonymous" | "admin">;

export const PERSONA_PASSWORD = "persona-password-for-tests";

/** Someone calling the API over real HTTP, with their own cookie session (none when anonymous). */
export class Persona {
  session: HttpSession | null;

  constructor(
    readonly name: PersonaName,
    readonly baseUrl: string,
    readonly credentials: { personId: string; email: string; password: string } | null,
    session: HttpSession | null,
  ) {
    this.session = session;
  }

  /**
   * A raw request. Anonymous callers go without any cookie jar, so that a login or redeem answered
   * to them never turns them into someone.
   */
  request(path: string, init: RequestInit = {}): Promise<Response> {
    if (!this.session) return fetch(`${this.baseUrl}${path}`, init);
    return this.session.fetch(path, init);
  }

  /** Starts a fresh session, e.g. after a logout row ended the previous one. */
  async signIn(): Promise<void> {
    if (!this.credentials) return;
    this.session = await new HttpSession(this.baseUrl).login(this.credentials.email, this.credentials.password);
  }
}

export interface PersonaOrg {
  readonly admin: HttpSession;
  /** The people behind the personas, as the API returned them when they were created. */
  people: Record<StaffPersona, TPerson>;
  personas: Record<PersonaName, Persona>;
  /** Adds a person (admin, over HTTP), with no account. */
  addPerson(name: string, managerId?: string | null): Promise<TPerson>;
  /** Signs every persona in again. */
  signInAll(): Promise<void>;
}

const PEOPLE: Record<StaffPersona, { name: string; title: string; levelId: string; manager: StaffPersona | null }> = {
  skipManager: { name: "Sam Skip", title: "VP of Product", levelId: "vp", manager: null },
  directManager: { name: "Dana Direct", title: "Director of Product", levelId: "director", manager: "skipManager" },
  member: { name: "Mia Member", title: "Product Manager", levelId: "pm", manager: "directManager" },
  peer: { name: "Pia Peer", title: "Product Manager", levelId: "pm", manager: "directManager" },
  unrelatedManager: { name: "Uri Unrelated", title: "Director of Product", levelId: "director", manager: null },
  otherMember: {
    name: "Oscar Other",
    title: "Senior Product Manager",
    levelId: "senior-pm",
    manager: "unrelatedManager",
  },
};

/**
 * Builds the persona organisation over HTTP as the first admin: creates the people, gives each an
 * account through an invite link, and redeems it as they would.
 */
export async function buildPersonaOrg(server: { url: string; firstAdminLink: string | null }): Promise<PersonaOrg> {
  const admin = await signInAsFirstAdmin(server);
  let added = 0;

  const people = {} as Record<StaffPersona, TPerson>;
  for (const [key, spec] of Object.entries(PEOPLE) as [StaffPersona, (typeof PEOPLE)[StaffPersona]][]) {
    people[key] = await admin.client.call(endpoints.people.create, {
      body: {
        name: spec.name,
        email: `${key.toLowerCase()}@example.com`,
        title: spec.title,
        levelId: spec.levelId,
        managerId: spec.manager ? people[spec.manager].id : null,
        team: spec.manager === null ? "Leadership" : "Product",
      },
    });
  }

  const personas = {
    anonymous: new Persona("anonymous", server.url, null, null),
    admin: new Persona(
      "admin",
      server.url,
      { personId: admin.info?.person.id ?? "", email: "admin@ascent.local", password: ADMIN_PASSWORD },
      admin,
    ),
  } as Record<PersonaName, Persona>;
  for (const key of Object.keys(PEOPLE) as StaffPersona[]) {
    const person = people[key];
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: person.id },
      body: { purpose: "invite" },
    });
    const session = await new HttpSession(server.url).redeem(link.path, PERSONA_PASSWORD);
    personas[key] = new Persona(
      key,
      server.url,
      { personId: person.id, email: person.email, password: PERSONA_PASSWORD },
      session,
    );
  }

  const org: PersonaOrg = {
    /** Follows the admin persona's current session, which changes when they sign in again. */
    get admin() {
      const session = personas.admin.session;
      if (!session) throw new Error("the admin persona is not signed in");
      return session;
    },
    people,
    personas,
    addPerson: (name, managerId = null) =>
      org.admin.client.call(endpoints.people.create, {
        body: { name, email: `person-${++added}-${Date.now()}@example.com`, managerId },
      }),
    async signInAll() {
      for (const persona of Object.values(personas)) await persona.signIn();
    },
  };
  return org;
}
