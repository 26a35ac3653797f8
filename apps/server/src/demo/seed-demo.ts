import type { AppDatabase, DatabaseHandle } from "@ascent/db";
import { buildServices, type AppServices } from "../composition-root.ts";
import { BUILTIN_SLUG } from "../builtin-ladder.ts";
import { buildDemoOrganisation, planDemoOrganisation } from "./demo-organisation.ts";

/**
 * The shared password of the demo logins. It is public on purpose: the demo organisation is
 * invented data for trying Ascent on a fresh self-hosted install, and the login page shows this
 * password for as long as the demo is loaded. Remove the demo (`ascent seed demo --remove`, or
 * DELETE /api/demo) before real people use the install.
 */
export const DEMO_PASSWORD = "ascent-demo-2026";

export interface DemoLogin {
  email: string;
  name: string;
  title: string;
  /** What signing in as this person shows, e.g. "Director: manages a team of 5 PMs in Growth". */
  persona: string;
}

export interface DemoLogins {
  password: string;
  logins: DemoLogin[];
}

export interface DemoStatus extends DemoLogins {
  isLoaded: boolean;
  peopleCount: number;
}

export interface DemoSeedResult extends DemoLogins {
  /** False when the demo organisation was already there and nothing was written. */
  created: boolean;
  peopleCount: number;
}

export interface SeedDemoOptions {
  /** When given, every row is written in one transaction on it, so a failure leaves nothing behind. */
  database?: DatabaseHandle;
}

/** Whether the demo organisation is in the database, and which of its logins still exist. */
export async function demoStatus(services: AppServices): Promise<DemoStatus> {
  const plan = planDemoOrganisation();
  const found = await services.people.findByEmails(plan.map((person) => person.email));
  const present = new Map(found.filter((person) => person.isDemo).map((person) => [person.email, person]));
  const logins = plan.flatMap((planned) => {
    const person = present.get(planned.email);
    if (!planned.persona || !person || person.status !== "active") return [];
    return [{ email: person.email, name: person.name, title: person.title, persona: planned.persona }];
  });
  return { isLoaded: present.size > 0, peopleCount: present.size, password: DEMO_PASSWORD, logins };
}

/**
 * Creates the demo organisation (people marked isDemo) with its titles placed by title mapping,
 * and gives its personas accounts with the demo password. Does nothing when it is already loaded.
 */
export async function seedDemo(services: AppServices, options: SeedDemoOptions = {}): Promise<DemoSeedResult> {
  const existing = await demoStatus(services);
  if (existing.isLoaded) {
    return { created: false, peopleCount: existing.peopleCount, password: DEMO_PASSWORD, logins: existing.logins };
  }
  const { database } = options;
  const logins = database
    ? await database.db.transaction((tx) => writeDemo(buildServices({ ...database, db: tx as unknown as AppDatabase })))
    : await writeDemo(services);
  return { created: true, peopleCount: planDemoOrganisation().length, password: DEMO_PASSWORD, logins };
}

async function writeDemo(services: AppServices): Promise<DemoLogin[]> {
  const { document: ladder } = await services.frameworks.version(BUILTIN_SLUG, "latest");
  const organisation = buildDemoOrganisation(ladder, await services.titleOverrides.list());
  const idByEmail = new Map<string, string>();
  const logins: DemoLogin[] = [];
  // Managers come before their reports in the organisation, so every manager id is known in time.
  for (const planned of organisation) {
    const person = await services.people.create({
      name: planned.name,
      email: planned.email,
      title: planned.title,
      levelId: planned.levelId,
      managerId: planned.managerEmail ? (idByEmail.get(planned.managerEmail) ?? null) : null,
      team: planned.team,
      isDemo: true,
    });
    idByEmail.set(person.email, person.id);
    if (planned.persona) {
      await services.accounts.setPasswordDirectly(person.id, DEMO_PASSWORD, false);
      logins.push({ email: person.email, name: person.name, title: person.title, persona: planned.persona });
    }
  }
  await services.audit.record({
    kind: "write",
    actorId: null,
    action: "demo.seed",
    details: { people: organisation.length, logins: logins.length },
  });
  return logins;
}

/**
 * Deletes every demo person; their accounts, sessions and links go with them. Returns how many
 * people were removed. The actor is null when the system or the CLI removes it.
 */
export async function removeDemo(services: AppServices, options: { actorId?: string | null } = {}): Promise<number> {
  const removed = await services.people.deleteDemo();
  if (removed > 0) {
    await services.audit.record({
      kind: "write",
      actorId: options.actorId ?? null,
      action: "demo.remove",
      details: { removed },
    });
  }
  return removed;
}
