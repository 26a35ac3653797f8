import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPath, endpoints, type Endpoint } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  buildPersonaOrg,
  PERSONA_NAMES,
  type Persona,
  type PersonaName,
  type PersonaOrg,
  type StaffPersona,
} from "../support/org-fixture.ts";

/**
 * Every API route × every persona, over real HTTP, against the exact status each call must get.
 * The routes come from the contract, not from the server, so the test holds whatever way the server
 * checks permissions: a new endpoint fails here until EXPECTED says what each caller gets.
 *
 * Routes about a person (/api/people/:id…) are asked, by every persona, about four people: their own
 * record, someone else's in their reporting chain (their manager, or a report), someone else's
 * outside it, and an id nobody has. See e2e/support/org-fixture.ts for the personas.
 */
const ROUTES: Endpoint[] = Object.values(endpoints).flatMap((group) => Object.values(group) as Endpoint[]);

/** How a person-route's target relates to the caller. */
const RELATIONS = ["own", "chain", "outside", "unknown"] as const;
type Relation = (typeof RELATIONS)[number];

/**
 * Whom each persona asks about, per relation ("unknown" is a fresh uuid). Members' chain is their
 * manager; managers' is a report below them. The admin heads no team and anonymous callers have no
 * record, so they have no own or chain target.
 */
const TARGETS: Record<PersonaName, Partial<Record<Exclude<Relation, "unknown">, StaffPersona | "admin">>> = {
  anonymous: { outside: "member" },
  member: { own: "member", chain: "directManager", outside: "otherMember" },
  peer: { own: "peer", chain: "directManager", outside: "member" },
  otherMember: { own: "otherMember", chain: "unrelatedManager", outside: "member" },
  directManager: { own: "directManager", chain: "member", outside: "otherMember" },
  skipManager: { own: "skipManager", chain: "member", outside: "otherMember" },
  unrelatedManager: { own: "unrelatedManager", chain: "otherMember", outside: "member" },
  admin: { own: "admin", outside: "member" },
};

/** The status one caller gets, given how the call's target relates to them (null: not a person route). */
type Expectation = (persona: PersonaName, relation: Relation | null) => number;

const MANAGERS: readonly PersonaName[] = ["directManager", "skipManager", "unrelatedManager"];

/** Anyone, signed in or not. */
const anyone =
  (status: number): Expectation =>
  () =>
    status;
/** Anyone signed in; signed-out callers are asked to sign in. */
const signedIn =
  (status: number): Expectation =>
  (persona) =>
    persona === "anonymous" ? 401 : status;
/** Only these personas get `status`; everyone else signed in is refused. */
const only =
  (allowed: readonly PersonaName[], status: number): Expectation =>
  (persona) =>
    persona === "anonymous" ? 401 : allowed.includes(persona) ? status : 403;
const adminOnly = (status: number) => only(["admin"], status);
/**
 * A made-up object id (assessment, request, evidence, goal, 1:1, session, token): every signed-in caller
 * is told it does not exist, whoever they are, so the answer reveals nothing about other people's objects.
 */
const unknownObject = signedIn(404);

interface PersonRule {
  /** The caller about themself. */
  own: boolean;
  /** A manager about someone below them; "hidden" answers 404 as if there were nothing (a plan not shared). */
  reports: boolean | "hidden";
  /** The admin about someone else. */
  admin: boolean;
}

/**
 * A route about a person. Allowed cells get `status`; refused ones 403 (a member about their own manager,
 * anyone about someone outside their chain); an id nobody has is 404 to everyone signed in. Private
 * content (DESIGN §5) leaves `admin` false: admins manage people but do not read their content.
 */
const aboutPerson =
  (status: number, rule: PersonRule): Expectation =>
  (persona, relation) => {
    if (persona === "anonymous") return 401;
    if (relation === "unknown") return 404;
    if (relation === "own") return rule.own ? status : 403;
    if (relation === "chain" && MANAGERS.includes(persona)) {
      return rule.reports === "hidden" ? 404 : rule.reports ? status : 403;
    }
    if (persona === "admin") return rule.admin ? status : 403;
    return 403;
  };
/** An admin-only route about a person: any other caller is refused before the id is looked at. */
const adminAboutPerson =
  (status: number): Expectation =>
  (persona, relation) => {
    if (persona === "anonymous") return 401;
    if (persona !== "admin") return 403;
    return relation === "unknown" ? 404 : status;
  };

/** The person record and reporting lines: M themself, the managers above, and admins. */
const PERSON_RECORD = aboutPerson(200, { own: true, reports: true, admin: true });
/** Content about a person that their managers read (assessments, evidence, readiness, goals): no admins. */
const CHAIN_CONTENT = aboutPerson(200, { own: true, reports: true, admin: false });
/** Readiness: the person, the managers above, and admins (numbers only: no evidence, no comments). */
const READINESS = aboutPerson(200, { own: true, reports: true, admin: true });
/** The owner's own writing (evidence, plans, goals): nobody else, not their managers nor admins. */
const OWNER_ONLY = (status: number) => aboutPerson(status, { own: true, reports: false, admin: false });
/** The career plan: the owner's; shared with the manager by choice, and until then it does not exist for them. */
const PLAN_READ = aboutPerson(200, { own: true, reports: "hidden", admin: false });

/** What each route answers each caller. Written by hand from the rules, on purpose. */
const EXPECTED: Record<string, Expectation> = {
  health: anyone(200),
  ready: anyone(200),
  // Each persona signs in as themself; anonymous callers as M.
  login: anyone(200),
  currentSession: signedIn(200),
  logout: anyone(204),
  logoutEverywhere: signedIn(200),
  // A made-up link token: nobody can tell it from a used or expired one.
  describeOneTimeLink: anyone(404),
  redeemOneTimeLink: anyone(404),
  changePassword: signedIn(204),
  // Nobody in the matrix had an admin-made reset: nothing to unseal (admin-reset.test.ts unseals).
  unsealPrivateContent: signedIn(409),
  listMySessions: signedIn(200),
  revokeMySession: unknownObject,
  listMyApiTokens: signedIn(200),
  createApiToken: signedIn(201),
  revokeApiToken: unknownObject,
  createOneTimeLink: adminAboutPerson(201),
  listFrameworks: signedIn(200),
  getFramework: signedIn(200),
  aboutFramework: signedIn(200),
  getFrameworkVersion: signedIn(200),
  importFramework: adminOnly(200),
  exportFrameworkVersion: adminOnly(200),
  startFrameworkDraft: adminOnly(201),
  saveFrameworkDraft: adminOnly(200),
  discardFrameworkDraft: adminOnly(204),
  publishFrameworkDraft: adminOnly(200),
  previewFrameworkMigration: adminOnly(200),
  diffFrameworkVersions: adminOnly(200),
  resolveTitle: signedIn(200),
  listTitleOverrides: signedIn(200),
  setTitleOverride: adminOnly(200),
  removeTitleOverride: adminOnly(204),
  // Everyone signed in may list, but sees only their own reporting chain (people.test.ts).
  listPeople: signedIn(200),
  searchDirectory: signedIn(200),
  getPerson: PERSON_RECORD,
  createPerson: adminOnly(201),
  updatePerson: adminAboutPerson(200),
  deactivatePerson: adminOnly(200),
  getReportingChain: PERSON_RECORD,
  listReports: PERSON_RECORD,
  // Everyone signed in gets a chart, but only of their own subtree (people.test.ts).
  getOrgChart: signedIn(200),
  importPeople: adminOnly(200),
  listAuditEvents: adminOnly(200),
  exportAuditLog: adminOnly(200),
  listMyAccessLog: signedIn(200),
  demoStatus: anyone(200),
  loadDemo: adminOnly(200),
  removeDemo: adminOnly(200),
  createBackup: adminOnly(200),
  exportMyData: signedIn(200),
  // Only ever one's own inbox; someone else's notification is as unknown as a made-up one.
  listMyNotifications: signedIn(200),
  countMyUnreadNotifications: signedIn(200),
  markNotificationRead: unknownObject,
  markAllNotificationsRead: signedIn(200),
  getMyNotificationPreferences: signedIn(200),
  setMyNotificationPreferences: signedIn(200),
  getMyDeliverySchedule: signedIn(200),
  setMyDeliverySchedule: signedIn(200),
  getOrganisationNotificationDefaults: adminOnly(200),
  setOrganisationNotificationDefaults: adminOnly(200),
  listOutbox: adminOnly(200),
  invitePeople: adminOnly(200),
  invitationStatuses: adminOnly(200),
  listFailedJobs: adminOnly(200),
  retryFailedJob: (persona) => (persona === "anonymous" ? 401 : persona === "admin" ? 404 : 403),
  // The channel webhook: the admin's alone. The matrix's admin saves an address nobody listens at (400,
  // refused after the test post), and so has none to test or remove (404).
  getChannelWebhook: adminOnly(200),
  saveChannelWebhook: adminOnly(400),
  removeChannelWebhook: (persona) => (persona === "anonymous" ? 401 : persona === "admin" ? 404 : 403),
  testChannelWebhook: (persona) => (persona === "anonymous" ? 401 : persona === "admin" ? 404 : 403),
  setChannelPostKinds: adminOnly(200),
  // The same reply for every address, known or not, signed in or not.
  requestPasswordReset: anyone(202),
  exportPersonData: adminAboutPerson(200),
  getBackupSchedule: adminOnly(200),
  setBackupSchedule: adminOnly(200),
  // A manager assessment of M is D's alone: not the skip manager's, not an admin's.
  startAssessment: only(["directManager"], 200),
  getAssessment: unknownObject,
  saveAssessmentRatings: unknownObject,
  submitAssessment: unknownObject,
  correctAssessment: unknownObject,
  listMyAssessments: signedIn(200),
  listAssessmentsAbout: CHAIN_CONTENT,
  createFeedbackRequest: aboutPerson(201, { own: true, reports: true, admin: false }),
  listFeedbackRequestsAbout: CHAIN_CONTENT,
  closeFeedbackRequest: unknownObject,
  listMyFeedbackRequests: signedIn(200),
  listEvidence: CHAIN_CONTENT,
  createEvidence: OWNER_ONLY(201),
  updateEvidence: unknownObject,
  deleteEvidence: unknownObject,
  suggestEvidenceTags: signedIn(200),
  getReadiness: READINESS,
  getReadinessHistory: READINESS,
  getReadinessSideBySide: READINESS,
  getTeamHeatmap: signedIn(200),
  getTeamReadiness: signedIn(200),
  getOrgReadiness: adminOnly(200),
  getOrgHeatmap: adminOnly(200),
  getReadinessSettings: signedIn(200),
  updateReadinessSettings: adminOnly(200),
  migrateAssessments: adminOnly(200),
  getCareerPlan: PLAN_READ,
  saveCareerPlan: OWNER_ONLY(200),
  reviewCareerPlan: OWNER_ONLY(201),
  listCareerPlanReviews: PLAN_READ,
  setCareerPlanSharing: OWNER_ONLY(200),
  listGoals: CHAIN_CONTENT,
  createGoal: OWNER_ONLY(201),
  updateGoal: unknownObject,
  checkInGoal: unknownObject,
  deleteGoal: unknownObject,
  // Only D may hold a 1:1 with M here; the 1:1 routes below are asked about an id that is no 1:1.
  createOneOnOne: only(["directManager"], 201),
  listOneOnOnes: signedIn(200),
  getCollaborationHealth: signedIn(200),
  getOneOnOne: unknownObject,
  updateOneOnOne: unknownObject,
  getOneOnOnePrivateNotes: unknownObject,
  saveOneOnOnePrivateNotes: unknownObject,
  recordHealthCheck: unknownObject,
  downloadOneOnOneCalendar: unknownObject,
  suggestMentors: CHAIN_CONTENT,
  getMyMentoringAvailability: signedIn(200),
  setMyMentoringAvailability: signedIn(200),
  getOrgProfile: signedIn(200),
  setOrgProfile: adminOnly(200),
  getAdvancement: CHAIN_CONTENT,
  getVpProfile: signedIn(200),
  submitVpFit: signedIn(201),
  listMyVpFit: signedIn(200),
  getOrgInsights: adminOnly(200),
  getTeamInsights: signedIn(200),
  getLevelHistory: PERSON_RECORD,
  // Promotion cases: everyone signed in lists the cases they take part in; a made-up case is 404 to all.
  listPromotionCases: signedIn(200),
  nominateForPromotion: only(["directManager"], 201),
  // Everyone with a manager may ask; the admin and the tops of the chains have none (409). M already has an
  // open case, opened by the nominateForPromotion row, which runs first in contract order (409).
  requestPromotionNomination: (persona) =>
    persona === "anonymous"
      ? 401
      : ["admin", "skipManager", "unrelatedManager", "member"].includes(persona)
        ? 409
        : 202,
  getPromotionCase: unknownObject,
  writePromotionCase: unknownObject,
  submitPromotionCase: unknownObject,
  getPromotionPacket: unknownObject,
  downloadPromotionPacketPdf: unknownObject,
  downloadPromotionPacketMarkdown: unknownObject,
  commentOnPromotionCase: unknownObject,
  voteOnPromotionCase: unknownObject,
  declarePromotionConflict: unknownObject,
  decidePromotionCase: unknownObject,
  getPromotionStats: adminOnly(200),
  listPromotionCommittees: signedIn(200),
  createPromotionCommittee: adminOnly(201),
  getSetupChecklist: adminOnly(200),
  // The :id given is a person's, which is no review cycle: the admin is told so, everyone else refused first.
  getCycleRaterEffects: adminOnly(404),
  // Review cycles. Cycle routes are asked about a cycle id nobody has: admin-only ones refuse others
  // first; the rest do not exist for anyone (cycles.test.ts asks a real cycle, chain by chain).
  listCycles: signedIn(200),
  createCycle: adminOnly(201),
  previewCyclePopulation: adminOnly(200),
  getCycle: unknownObject,
  extendCyclePhase: adminOnly(404),
  closeCyclePhase: adminOnly(404),
  reopenCyclePhase: adminOnly(404),
  listCycleParticipants: adminOnly(404),
  syncCycleParticipants: adminOnly(404),
  listCycleNominations: unknownObject,
  proposeCycleNomination: unknownObject,
  decideCycleNomination: unknownObject,
  listMyCycleTasks: signedIn(200),
  getCycleProgress: unknownObject,
  exportCycleProgress: unknownObject,
  listCycleReminders: unknownObject,
  releaseCycle: adminOnly(404),
  remindCycleLatePeople: adminOnly(404),
  acknowledgeCycleResults: unknownObject,
  listCycleAcknowledgements: unknownObject,
  listPersonCycles: PERSON_RECORD,
  getCalibrationSettings: adminOnly(200),
  updateCalibrationSettings: adminOnly(200),
  // A made-up review cycle: the admin is told it does not exist.
  createCalibrationSession: adminOnly(404),
  listCalibrationSessions: signedIn(200),
  // A made-up session: whoever asks, it does not exist (the members-only check needs a session).
  loadCalibrationSession: unknownObject,
  getCalibrationDistribution: unknownObject,
  getCalibrationNineBox: unknownObject,
  listCalibrationAdjustments: unknownObject,
  adjustCalibrationRating: unknownObject,
  moveInCalibrationNineBox: unknownObject,
  closeCalibrationSession: unknownObject,
  listMyReportsCalibrationAdjustments: signedIn(200),
};

interface MatrixContext {
  org: PersonaOrg;
  /** The built-in ladder's version 1, a valid draft document. */
  ladderDocument: unknown;
  ladderYaml: string;
  /** A person created for the deactivate row, so the personas stay active. */
  throwawayId: string;
  /** A person id nobody has. */
  unknownId: string;
}

/** How to call a route so that its input validates: Fastify validates before the policy runs. */
interface Recipe {
  params?: (ctx: MatrixContext) => Record<string, string>;
  query?: Record<string, string> | ((ctx: MatrixContext) => Record<string, string>);
  /** `target` is the id the call is about (the person of a person route). */
  body?: (persona: Persona, ctx: MatrixContext, target: string) => unknown;
  upload?: { contentType: string; content: (ctx: MatrixContext) => string };
  /** Runs as the admin before the row, to set up the state the call needs. */
  prepare?: (ctx: MatrixContext) => Promise<void>;
  /** Ends sessions or removes data: runs after every other row, and everyone signs in again after it. */
  isDestructive?: boolean;
}

const ownCredentials = (persona: Persona, ctx: MatrixContext) => {
  const credentials = persona.credentials ?? ctx.org.personas.member.credentials;
  return { email: credentials?.email ?? "", password: credentials?.password ?? "" };
};

const UNKNOWN_SESSION = () => ({ id: "00000000-0000-4000-8000-000000000000" });

const RECIPES: Record<string, Recipe> = {
  updateCalibrationSettings: {
    body: () => ({ performance: { medium: 0.8, high: 0.95 }, potential: { medium: 0.6, high: 0.85 } }),
  },
  createCalibrationSession: {
    body: (_persona, ctx) => ({
      cycleId: "00000000-0000-4000-8000-000000000000",
      name: "Matrix",
      scope: { levelIds: ["pm"] },
      facilitatorId: ctx.org.people.member.id,
    }),
  },
  loadCalibrationSession: { params: UNKNOWN_SESSION },
  getCalibrationDistribution: { params: UNKNOWN_SESSION },
  getCalibrationNineBox: { params: UNKNOWN_SESSION },
  listCalibrationAdjustments: { params: UNKNOWN_SESSION },
  closeCalibrationSession: { params: UNKNOWN_SESSION },
  adjustCalibrationRating: {
    params: UNKNOWN_SESSION,
    body: (_persona, ctx) => ({ subjectId: ctx.org.people.member.id, competencyId: "leadership", to: 3, reason: "x" }),
  },
  moveInCalibrationNineBox: {
    params: UNKNOWN_SESSION,
    body: (_persona, ctx) => ({
      subjectId: ctx.org.people.member.id,
      to: { performance: "high", potential: "high" },
      reason: "x",
    }),
  },
  // Each persona signs in as themself; anonymous callers as M.
  login: { body: ownCredentials, isDestructive: true },
  logout: { isDestructive: true },
  logoutEverywhere: { isDestructive: true },
  redeemOneTimeLink: { body: () => ({ password: "a-password-long-enough" }) },
  changePassword: {
    body: (persona) => ({
      currentPassword: persona.credentials?.password ?? "not-signed-in",
      newPassword: persona.credentials?.password ?? "not-signed-in",
    }),
  },
  createApiToken: { body: (persona) => ({ name: `matrix ${persona.name}` }) },
  unsealPrivateContent: { body: () => ({ previousPassword: "whatever-it-was" }) },
  createOneTimeLink: { body: () => ({ purpose: "reset" }) },
  // A dry run about someone who signed up: the admin's call decides and changes nothing.
  invitePeople: { body: (_persona, ctx) => ({ personIds: [ctx.org.people.member.id], dryRun: true }) },
  invitationStatuses: { body: (_persona, ctx) => ({ personIds: [ctx.org.people.member.id] }) },
  importFramework: {
    query: { fileName: "ladder.yaml", dryRun: "true" },
    upload: { contentType: "application/yaml", content: (ctx) => ctx.ladderYaml },
  },
  exportFrameworkVersion: { query: { format: "yaml" } },
  startFrameworkDraft: { body: () => ({}) },
  saveFrameworkDraft: { body: (_persona, ctx) => ({ document: ctx.ladderDocument }) },
  discardFrameworkDraft: { isDestructive: true },
  publishFrameworkDraft: {
    body: () => ({}),
    isDestructive: true,
    // The discard row before it left no draft; the admin's call must meet one to publish.
    prepare: async (ctx) => {
      await ctx.org.admin.client.call(endpoints.frameworkAdmin.startDraft, {
        params: { framework: "product-management" },
        body: {},
      });
    },
  },
  previewFrameworkMigration: {
    body: () => ({}),
    // A preview is of a draft; the admin's call must meet one, whether an earlier row left it or not.
    prepare: async (ctx) => {
      const { draftVersion } = await ctx.org.admin.client.call(endpoints.frameworks.get, {
        params: { framework: "product-management" },
      });
      if (draftVersion === null) {
        await ctx.org.admin.client.call(endpoints.frameworkAdmin.startDraft, {
          params: { framework: "product-management" },
          body: {},
        });
      }
    },
  },
  diffFrameworkVersions: { query: { from: "1", to: "1" } },
  resolveTitle: { query: { title: "Senior Product Manager" } },
  searchDirectory: { query: { search: "Pia" } },
  setTitleOverride: { body: () => ({ title: "Product Owner III", levelId: "pm" }) },
  removeTitleOverride: { query: { title: "Product Owner III" } },
  importPeople: {
    query: { fileName: "people.csv", dryRun: "true" },
    upload: {
      contentType: "text/csv",
      content: () => "name,email,title,manager email,team\nCasey Csv,casey@example.com,Product Manager,,Product\n",
    },
  },
  createPerson: {
    body: (persona) => ({ name: `Matrix ${persona.name}`, email: `matrix-${persona.name.toLowerCase()}@example.com` }),
  },
  updatePerson: { body: () => ({ team: "Matrix" }) },
  deactivatePerson: { params: (ctx) => ({ id: ctx.throwawayId }) },
  // Last, with the removal after it: the demo's 60 people would change what the other routes see.
  loadDemo: { isDestructive: true },
  removeDemo: { isDestructive: true },
  setBackupSchedule: { body: () => ({ isEnabled: false, intervalHours: 24, keep: 7 }) },
  markNotificationRead: { params: () => ({ id: "00000000-0000-4000-8000-000000000000" }) },
  retryFailedJob: { params: () => ({ id: "00000000-0000-4000-8000-000000000000" }) },
  // Port 9 (discard) on this machine: nothing listens, so the test post fails and nothing is saved.
  saveChannelWebhook: { body: () => ({ url: "https://127.0.0.1:9/services/matrix" }) },
  setChannelPostKinds: { body: () => ({ kinds: [{ kind: "cycle.released", isEnabled: true }] }) },
  setMyNotificationPreferences: { body: () => ({ preferences: [] }) },
  setMyDeliverySchedule: { body: () => ({ timeZone: "Europe/Berlin", quietHours: { start: "22:00", end: "07:00" } }) },
  setOrganisationNotificationDefaults: { body: () => ({ defaults: [] }) },
  requestPasswordReset: { body: (persona) => ({ email: `nobody-${persona.name.toLowerCase()}@example.com` }) },
  startAssessment: { body: (_persona, ctx) => ({ subjectId: ctx.org.people.member.id, relation: "manager" }) },
  saveAssessmentRatings: { body: () => ({ ratings: [] }) },
  createFeedbackRequest: {
    // A peer from the other team: never the subject, anyone in their reporting line, or a report (DESIGN §4).
    body: (_persona, ctx, target) => ({
      relation: "peer",
      raterIds: [
        [ctx.org.people.unrelatedManager.id, ctx.org.people.otherMember.id].includes(target)
          ? ctx.org.people.member.id
          : ctx.org.people.otherMember.id,
      ],
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }),
  },
  createEvidence: { body: () => ({ date: "2026-01-15", title: "Shipped the matrix" }) },
  updateEvidence: { body: () => ({ title: "Renamed" }) },
  suggestEvidenceTags: { body: () => ({ title: "Ran customer interviews", body: "" }) },
  getReadiness: { query: { target: "senior-pm" } },
  updateReadinessSettings: { body: () => ({ weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 3 }) },
  migrateAssessments: { body: () => ({}) },
  saveCareerPlan: { body: () => ({}) },
  reviewCareerPlan: { body: () => ({}) },
  setCareerPlanSharing: { body: () => ({ isSharedWithManager: false }) },
  createGoal: { body: () => ({ competencyId: "leadership", target: 3 }) },
  updateGoal: { body: () => ({ title: "x" }) },
  checkInGoal: { body: () => ({ note: "x" }) },
  createOneOnOne: {
    body: (_persona, ctx) => ({ withPersonId: ctx.org.people.member.id, scheduledAt: "2026-05-01T09:00:00Z" }),
  },
  getCollaborationHealth: { query: (ctx) => ({ with: ctx.org.people.member.id }) },
  updateOneOnOne: { body: () => ({ sharedNotes: "x" }) },
  saveOneOnOnePrivateNotes: { body: () => ({ body: "x" }) },
  recordHealthCheck: { body: () => ({ ratings: { a: 3 } }) },
  suggestMentors: { query: { competency: "data-analysis" } },
  setMyMentoringAvailability: { body: () => ({ isAvailable: true }) },
  setOrgProfile: { body: () => ({ stage: "large", pmCount: 10, productReportsTo: "CPO", businessModel: "B2B" }) },
  createCycle: {
    body: () => ({
      name: "Matrix cycle",
      population: {},
      phases: [{ kind: "self", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z" }],
    }),
  },
  previewCyclePopulation: { body: () => ({ population: {} }) },
  extendCyclePhase: { body: () => ({ dueAt: "2026-03-01T00:00:00Z" }) },
  proposeCycleNomination: { body: (_persona, ctx) => ({ nomineeId: ctx.org.people.peer.id, relation: "peer" }) },
  decideCycleNomination: { body: () => ({ decision: "reject" }) },
  acknowledgeCycleResults: { body: () => ({}) },
  submitVpFit: {
    body: () => ({ answers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`r${i + 1}`, 3])) }),
  },
};

const MADE_UP_CASE = { params: () => ({ id: "00000000-0000-4000-8000-000000000000" }) };
Object.assign(RECIPES, {
  nominateForPromotion: {
    body: (_persona: Persona, ctx: MatrixContext) => ({ personId: ctx.org.people.member.id, toLevelId: "senior-pm" }),
  },
  requestPromotionNomination: { body: () => ({ toLevelId: "cpo", note: "" }) },
  getPromotionCase: MADE_UP_CASE,
  writePromotionCase: { ...MADE_UP_CASE, body: () => ({ sections: [] }) },
  submitPromotionCase: { ...MADE_UP_CASE, body: () => ({ committeeId: "00000000-0000-4000-8000-000000000001" }) },
  getPromotionPacket: MADE_UP_CASE,
  downloadPromotionPacketPdf: MADE_UP_CASE,
  downloadPromotionPacketMarkdown: MADE_UP_CASE,
  commentOnPromotionCase: { ...MADE_UP_CASE, body: () => ({ body: "A comment" }) },
  voteOnPromotionCase: { ...MADE_UP_CASE, body: () => ({ vote: "approve", reason: "A reason" }) },
  declarePromotionConflict: { ...MADE_UP_CASE, body: () => ({ note: "A conflict" }) },
  decidePromotionCase: { ...MADE_UP_CASE, body: () => ({ outcome: "declined", rationale: "A rationale" }) },
  createPromotionCommittee: {
    body: (_persona: Persona, ctx: MatrixContext) => ({
      name: "Matrix committee",
      chairId: ctx.org.people.unrelatedManager.id,
      memberIds: [],
    }),
  },
} satisfies Record<string, Recipe>);

/** A route about a person: the :id of /api/people/:id… is whom the call is about. */
const isPersonRoute = (endpoint: Endpoint) =>
  endpoint.path.startsWith("/api/people/:id") && !RECIPES[endpoint.operationId]?.params;

/** Path parameters: the person route's target; others get harmless valid values (made-up ones answer 404). */
function paramValue(name: string, ctx: MatrixContext, target: string): string {
  switch (name) {
    case "id":
      return target;
    case "framework":
      return "product-management";
    case "version":
      return "1";
    case "token":
      return "made-up-token-0000000000";
    case "sessionId":
    case "tokenId":
      return "made-up-id";
    case "kind":
      return "self";
    case "cycleId":
    case "nominationId":
    case "assessmentId":
    case "requestId":
    case "evidenceId":
    case "goalId":
      return "00000000-0000-4000-8000-000000000000";
    default:
      throw new Error(`no value for the path parameter :${name}; add one to paramValue`);
  }
}

function pathParams(endpoint: Endpoint, recipe: Recipe, ctx: MatrixContext, target: string): Record<string, string> {
  const names = [...endpoint.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);
  const overrides = recipe.params?.(ctx) ?? {};
  return Object.fromEntries(names.map((name) => [name, overrides[name] ?? paramValue(name, ctx, target)]));
}

async function callAs(
  persona: Persona,
  endpoint: Endpoint,
  recipe: Recipe,
  ctx: MatrixContext,
  target: string,
): Promise<{ status: number; code: string }> {
  const queryValues = typeof recipe.query === "function" ? recipe.query(ctx) : recipe.query;
  const query = queryValues ? `?${new URLSearchParams(queryValues)}` : "";
  const path = `${buildPath(endpoint.path, pathParams(endpoint, recipe, ctx, target))}${query}`;
  const init: RequestInit = { method: endpoint.method };
  if (recipe.upload) {
    init.headers = { "content-type": recipe.upload.contentType };
    init.body = recipe.upload.content(ctx);
  } else if (recipe.body) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(recipe.body(persona, ctx, target));
  }
  const response = await persona.request(path, init);
  const text = await response.text();
  let code = "";
  if (!response.ok) {
    try {
      code = String((JSON.parse(text) as { error?: unknown }).error ?? "");
    } catch {
      code = "non-json";
    }
  }
  return { status: response.status, code };
}

/** The cells of one route: every persona, and for person routes every relation that persona has. */
function cellsOf(endpoint: Endpoint): { persona: PersonaName; relation: Relation | null }[] {
  if (!isPersonRoute(endpoint)) return PERSONA_NAMES.map((persona) => ({ persona, relation: null }));
  return PERSONA_NAMES.flatMap((persona) =>
    RELATIONS.filter((relation) => relation === "unknown" || TARGETS[persona][relation]).map((relation) => ({
      persona,
      relation,
    })),
  );
}

function targetId(ctx: MatrixContext, persona: PersonaName, relation: Relation | null): string {
  if (relation === null) return ctx.org.people.member.id;
  if (relation === "unknown") return ctx.unknownId;
  const target = TARGETS[persona][relation];
  if (target === "admin") return ctx.org.personas.admin.credentials?.personId ?? "";
  if (!target) throw new Error(`${persona} has no ${relation} target`);
  return ctx.org.people[target].id;
}

const ordered = [
  ...ROUTES.filter((r) => !RECIPES[r.operationId]?.isDestructive),
  ...ROUTES.filter((r) => RECIPES[r.operationId]?.isDestructive),
];
let cellsChecked = 0;
const expectedCells = ROUTES.reduce((sum, endpoint) => sum + cellsOf(endpoint).length, 0);

describe("the authorization matrix covers the contract", () => {
  it("has an EXPECTED row for every endpoint, and none for an endpoint that no longer exists", () => {
    const existing = new Set(ROUTES.map((r) => r.operationId));
    expect(ROUTES.map((r) => r.operationId).filter((id) => !(id in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((id) => !existing.has(id))).toEqual([]);
    expect(Object.keys(RECIPES).filter((id) => !existing.has(id))).toEqual([]);
  });

  it("asks person routes about every relation each persona has", () => {
    const getPerson = ROUTES.find((r) => r.operationId === "getPerson")!;
    expect(
      cellsOf(getPerson)
        .filter((c) => c.persona === "member")
        .map((c) => c.relation),
    ).toEqual([...RELATIONS]);
    expect(
      cellsOf(getPerson)
        .filter((c) => c.persona === "anonymous")
        .map((c) => c.relation),
    ).toEqual(["outside", "unknown"]);
  });
});

describe(`authorization matrix over HTTP: ${ROUTES.length} routes, ${expectedCells} cells`, () => {
  let server: TestServer;
  let ctx: MatrixContext;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildPersonaOrg(server);
    const version = await org.admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: 1 },
    });
    const ladderYaml = await readFile(new URL("../../frameworks/product-management.yaml", import.meta.url), "utf8");
    const throwaway = await org.addPerson("Tess Throwaway");
    // P becomes "a peer with an open feedback request" about M.
    const request = await org.personas.member.request(`/api/people/${org.people.member.id}/feedback-requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        relation: "peer",
        raterIds: [org.people.peer.id],
        dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
    });
    expect(request.status).toBe(201);
    ctx = { org, ladderDocument: version.document, ladderYaml, throwawayId: throwaway.id, unknownId: randomUUID() };
  });
  afterAll(async () => server?.stop());

  for (const endpoint of ordered) {
    const { operationId } = endpoint;
    it(`${operationId}: ${endpoint.method} ${endpoint.path}`, async () => {
      const expected = EXPECTED[operationId];
      if (!expected) throw new Error(`no EXPECTED row for ${operationId}`);
      const recipe = RECIPES[operationId] ?? {};
      const wrong: string[] = [];
      await recipe.prepare?.(ctx);
      for (const { persona, relation } of cellsOf(endpoint)) {
        const want = expected(persona, relation);
        const got = await callAs(ctx.org.personas[persona], endpoint, recipe, ctx, targetId(ctx, persona, relation));
        cellsChecked += 1;
        if (got.status !== want) {
          wrong.push(
            `${persona}${relation ? ` about ${relation}` : ""}: got ${got.status} ${got.code}, expected ${want}`,
          );
        }
      }
      if (recipe.isDestructive) await ctx.org.signInAll();
      expect(wrong).toEqual([]);
    });
  }

  it("checked every cell", () => {
    expect(cellsChecked).toBe(expectedCells);
  });
});
