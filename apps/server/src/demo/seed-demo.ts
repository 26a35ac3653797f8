import {
  assertValidRatings,
  DEMO_PROFILE_SETTINGS_KEY,
  emptyPlanContent,
  nextLevel,
  ORG_PROFILE_SETTINGS_KEY,
  assertAdmin,
  removeDemoOrganisation,
  validateOrgProfile,
  type Framework,
  type Viewer,
} from "@ascent/core";
import {
  DrizzleAssessmentRepository,
  DrizzleFeedbackRequestRepository,
  type AppDatabase,
  type DatabaseHandle,
} from "@ascent/db";
import { buildServices, type AppServices } from "../composition-root.ts";
import { BUILTIN_SLUG } from "../builtin-ladder.ts";
import { buildDemoOrganisation, planDemoOrganisation, type DemoPerson } from "./demo-organisation.ts";
import { planDemoReview } from "./demo-review.ts";

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
  /** Every other demo person who can sign in with the same password, by name. */
  others: DemoSignIn[];
}

export interface DemoSignIn {
  email: string;
  name: string;
  title: string;
  team: string;
}

export interface DemoSeedResult extends DemoLogins {
  /** False when the demo organisation was already there and nothing was written. */
  created: boolean;
  peopleCount: number;
}

export interface SeedDemoOptions {
  /** Every row is written in one transaction on it, so a failure leaves nothing behind. */
  database: DatabaseHandle;
  /** The clock the review round is dated from (it closed a few weeks before this). */
  now?: () => Date;
  /** Who loads it, for the audit log; null when the system does on a first start. */
  actorId?: string | null;
}

/** Whether the demo organisation is in the database, and which of its logins still exist. */
export async function demoStatus(services: AppServices): Promise<DemoStatus> {
  const plan = planDemoOrganisation();
  const found = await services.people.findByEmails(plan.map((person) => person.email));
  const present = new Map(found.filter((person) => person.isDemo).map((person) => [person.email, person]));
  const active = plan.flatMap((planned) => {
    const person = present.get(planned.email);
    return person && person.status === "active" ? [{ planned, person }] : [];
  });
  const logins = active.flatMap(({ planned, person }) =>
    planned.persona ? [{ email: person.email, name: person.name, title: person.title, persona: planned.persona }] : [],
  );
  const others = active
    .filter(({ planned }) => !planned.persona)
    .map(({ person }) => ({ email: person.email, name: person.name, title: person.title, team: person.team }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { isLoaded: present.size > 0, peopleCount: present.size, password: DEMO_PASSWORD, logins, others };
}

/**
 * Creates the demo organisation (people marked isDemo) with its titles placed by title mapping,
 * and gives its personas accounts with the demo password. Does nothing when it is already loaded.
 */
export async function seedDemo(services: AppServices, options: SeedDemoOptions): Promise<DemoSeedResult> {
  const existing = await demoStatus(services);
  if (existing.isLoaded) {
    return { created: false, peopleCount: existing.peopleCount, password: DEMO_PASSWORD, logins: existing.logins };
  }
  const { database } = options;
  const now = (options.now ?? (() => new Date()))();
  const logins = await database.db.transaction((tx) =>
    writeDemo({ ...database, db: tx as unknown as AppDatabase }, now, options.actorId ?? null),
  );
  return { created: true, peopleCount: planDemoOrganisation().length, password: DEMO_PASSWORD, logins };
}

async function writeDemo(database: DatabaseHandle, now: Date, actorId: string | null): Promise<DemoLogin[]> {
  const services = buildServices(database);
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
      logins.push({ email: person.email, name: person.name, title: person.title, persona: planned.persona });
    }
  }
  // Everyone can sign in, so that asking real demo teammates for feedback gets answers.
  await services.accounts.setSharedPasswordDirectly([...idByEmail.values()], DEMO_PASSWORD, false);
  const round = await writeReviewRound(database, services, ladder, organisation, idByEmail, now);
  await writeOrgProfile(services, organisation, ladder);
  await services.audit.record({
    kind: "write",
    actorId,
    action: "demo.seed",
    details: { people: organisation.length, logins: logins.length, ...round },
  });
  return logins;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const calendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** Whether an assessment of someone at this level may rate this competency, by the core rule. */
function ratableBy(ladder: Framework) {
  return (levelId: string, competencyId: string): boolean => {
    try {
      assertValidRatings(
        [{ competencyId, score: ladder.scale.min, evidence: "", confidence: null, evidenceIds: [] }],
        ladder,
        levelId,
      );
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * The released review round (see demo-review.ts), written through the core repositories and dated
 * before `now`: self-assessments 40 days ago, manager ones 30, peer and upward answers 35, and
 * their requests closed 25 days ago. Readiness snapshots are refreshed once at the end.
 */
async function writeReviewRound(
  database: DatabaseHandle,
  services: AppServices,
  ladder: Framework,
  organisation: DemoPerson[],
  idByEmail: Map<string, string>,
  now: Date,
): Promise<{ assessments: number; requests: number; evidence: number; goals: number }> {
  const { k } = await services.readiness.settings();
  const plan = planDemoReview(organisation, ladder, { isRatable: ratableBy(ladder), k });
  const { version, frameworkId } = await services.frameworks.version(BUILTIN_SLUG, "latest");
  const assessments = new DrizzleAssessmentRepository(database.db);
  const requests = new DrizzleFeedbackRequestRepository(database.db);
  const id = (email: string) => {
    const found = idByEmail.get(email);
    if (!found) throw new Error(`the demo review names ${email}, who is not in the demo organisation`);
    return found;
  };
  const levelOf = new Map(organisation.map((person) => [person.email, person.levelId]));
  const closedAt = daysBefore(now, 25);
  const requestIds = await requests.createClosedMany(
    plan.requests.map((request) => ({
      subjectId: id(request.subjectEmail),
      requestedBy: id(request.requestedByEmail),
      relation: request.relation,
      message: "Part of this half's review round: how do you see their work?",
      dueAt: closedAt,
      cycleId: null,
      raterIds: request.raterEmails.map(id),
    })),
    { createdAt: daysBefore(now, 45), answeredAt: daysBefore(now, 35), closedAt },
  );
  const submittedAt = { self: daysBefore(now, 40), manager: daysBefore(now, 30), peer: daysBefore(now, 35) };
  const rows = plan.assessments.flatMap((planned) => {
    const levelId = levelOf.get(planned.subjectEmail) ?? null;
    if (!levelId) return [];
    const ratings = planned.ratings.map((r) => ({ ...r, confidence: null, evidenceIds: [] }));
    assertValidRatings(ratings, ladder, levelId);
    const isAttributed = planned.relation === "self" || planned.relation === "manager";
    return [
      {
        subjectId: id(planned.subjectEmail),
        raterId: id(planned.raterEmail),
        relation: planned.relation,
        frameworkId,
        frameworkVersion: version,
        levelId,
        cycleId: null,
        feedbackRequestId: planned.requestIndex === null ? null : (requestIds[planned.requestIndex] ?? null),
        supersedesId: null,
        ratings,
        submittedAt: isAttributed ? submittedAt[planned.relation as "self" | "manager"] : submittedAt.peer,
      },
    ];
  });
  await assessments.createSubmittedMany(rows);

  for (const item of plan.evidence) {
    await services.evidence.create({
      personId: id(item.personEmail),
      date: calendarDate(daysBefore(now, item.daysAgo)),
      title: item.title,
      body: item.body,
      competencyIds: item.competencyIds,
      links: [],
      isSharedWithManager: true,
    });
  }
  for (const [g, goal] of plan.goals.entries()) {
    await services.developmentGoals.create({
      personId: id(goal.personEmail),
      competencyId: goal.competencyId,
      from: goal.from,
      target: goal.target,
      title: goal.title,
      actions: goal.actions.map((text, a) => ({ id: `demo-${g}-${a}`, text, isDone: a === 0 && g % 3 === 0 })),
      due: calendarDate(new Date(now.getTime() + 90 * DAY_MS)),
      isSharedWithManager: true,
    });
  }
  await writePlans(services, ladder, organisation, idByEmail);
  await services.readiness.refreshSnapshots([...plan.outcomes.keys()].map(id));
  return {
    assessments: plan.assessments.length,
    requests: plan.requests.length,
    evidence: plan.evidence.length,
    goals: plan.goals.length,
  };
}

/** Career plans for the people with demo logins, so "My plan" shows the four steps filled in. */
async function writePlans(
  services: AppServices,
  ladder: Framework,
  organisation: DemoPerson[],
  idByEmail: Map<string, string>,
): Promise<void> {
  for (const person of organisation) {
    const personId = idByEmail.get(person.email);
    if (!person.persona || !person.levelId || !personId) continue;
    const target = nextLevel(ladder, person.levelId);
    const content = emptyPlanContent();
    content.envision = {
      targetLevelId: target.id,
      horizonMonths: 24,
      scopeOfInfluence: `The scope of a ${target.name}: ${target.scope}`,
      preferredIndustries: ["Consumer marketplaces"],
      impact: "Products that customers recommend without being asked.",
    };
    content.selfAwareness = {
      strengths: ["Customer insight", "Calm under pressure"],
      weaknesses: ["Delegating early enough"],
      interests: ["Pricing", "Growth loops"],
      values: ["Candour"],
      motivations: ["Seeing a team grow"],
    };
    content.learning = [
      {
        id: "demo-learning-1",
        kind: "mentorship",
        title: "Monthly hour with a mentor a level up",
        competencyIds: ["leadership"],
        status: "in-progress",
      },
    ];
    content.steps = [
      { id: "demo-step-1", text: "Agree the next level's expectations with my manager", due: null, isDone: false },
    ];
    await services.careerPlans.save(personId, { content, cadence: "quarterly" });
    await services.careerPlans.setSharing(personId, true);
  }
}

/**
 * The demo's organisation profile: what the org chart cannot say (a large consumer business), with
 * the chart's own figures. Marked as the demo's, so removing the demo removes it too.
 */
async function writeOrgProfile(services: AppServices, organisation: DemoPerson[], ladder: Framework): Promise<void> {
  const icLevels = new Set(ladder.levels.filter((level) => level.track === "ic").map((level) => level.id));
  const profile = validateOrgProfile({
    stage: "large",
    pmCount: organisation.filter((person) => person.levelId !== null && icLevels.has(person.levelId)).length,
    productReportsTo: "CPO",
    businessModel: "B2C",
  });
  await services.settings.set(ORG_PROFILE_SETTINGS_KEY, profile);
  await services.settings.set(DEMO_PROFILE_SETTINGS_KEY, profile);
}

/**
 * Deletes the demo organisation through the core use case: every demo person, with their accounts,
 * sessions, links and review data, and the demo's organisation profile. Returns how many people went.
 * `actor` is null when the operator removes it from the CLI.
 */
export async function removeDemo(services: AppServices, actor: Viewer | null = null): Promise<number> {
  return removeDemoOrganisation({ people: services.people, settings: services.settings, audit: services.audit }, actor);
}

/** The demo organisation's use cases as the routes and the CLI call them: loading and removing it are an admin's. */
export class DemoOrganisation {
  constructor(
    private readonly services: AppServices,
    private readonly database: DatabaseHandle,
  ) {}

  status(): Promise<DemoStatus> {
    return demoStatus(this.services);
  }

  load(actor: Viewer | null): Promise<DemoSeedResult> {
    assertAdmin(actor);
    return seedDemo(this.services, { database: this.database, actorId: actor.personId, now: this.services.now });
  }

  remove(actor: Viewer): Promise<number> {
    return removeDemo(this.services, actor);
  }
}
