import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPath, endpoints, type Endpoint } from "@ascent/contract";
import type { Policy } from "@ascent/core";
import { openPglite } from "@ascent/db";
import { buildRouteTable, buildServices } from "@ascent/server";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  buildPersonaOrg,
  PERSONA_NAMES,
  type Persona,
  type PersonaName,
  type PersonaOrg,
} from "../support/org-fixture.ts";

/**
 * Every API route × every persona, over real HTTP. The routes come from the server's own route
 * table, so a new route cannot escape: it fails here until EXPECTED says who may call it.
 * Subject routes are asked about M (the member persona); see e2e/support/org-fixture.ts.
 */

/** The route table as the server builds it. The database is needed only to construct the services. */
async function readRouteTable(): Promise<{ endpoint: Endpoint; policy: Policy }[]> {
  const database = await openPglite();
  try {
    return buildRouteTable(database, buildServices(database)).map(({ endpoint, policy }) => ({ endpoint, policy }));
  } finally {
    await database.close();
  }
}

const ROUTES = await readRouteTable();

const EVERYONE: readonly PersonaName[] = PERSONA_NAMES;
const SIGNED_IN: readonly PersonaName[] = PERSONA_NAMES.filter((p) => p !== "anonymous");
const ADMIN_ONLY: readonly PersonaName[] = ["admin"];
/** M themself, the managers above M, and admins: who may see M's person record and reporting lines. */
const M_AND_CHAIN_AND_ADMIN: readonly PersonaName[] = ["member", "directManager", "skipManager", "admin"];
/** M and the managers above M, but not admins: M's private and assessment content. */
const M_AND_CHAIN: readonly PersonaName[] = ["member", "directManager", "skipManager"];
const M_ONLY: readonly PersonaName[] = ["member"];

/** Who may call each route (about M, for routes about a person). Written by hand, on purpose. */
const EXPECTED: Record<string, readonly PersonaName[]> = {
  health: EVERYONE,
  ready: EVERYONE,
  login: EVERYONE,
  currentSession: SIGNED_IN,
  logout: EVERYONE,
  logoutEverywhere: SIGNED_IN,
  describeOneTimeLink: EVERYONE,
  redeemOneTimeLink: EVERYONE,
  changePassword: SIGNED_IN,
  listMySessions: SIGNED_IN,
  revokeMySession: SIGNED_IN,
  listMyApiTokens: SIGNED_IN,
  createApiToken: SIGNED_IN,
  revokeApiToken: SIGNED_IN,
  createOneTimeLink: ADMIN_ONLY,
  listFrameworks: SIGNED_IN,
  getFramework: SIGNED_IN,
  aboutFramework: SIGNED_IN,
  getFrameworkVersion: SIGNED_IN,
  importFramework: ADMIN_ONLY,
  exportFrameworkVersion: ADMIN_ONLY,
  startFrameworkDraft: ADMIN_ONLY,
  saveFrameworkDraft: ADMIN_ONLY,
  discardFrameworkDraft: ADMIN_ONLY,
  publishFrameworkDraft: ADMIN_ONLY,
  previewFrameworkMigration: ADMIN_ONLY,
  diffFrameworkVersions: ADMIN_ONLY,
  resolveTitle: SIGNED_IN,
  listTitleOverrides: SIGNED_IN,
  setTitleOverride: ADMIN_ONLY,
  removeTitleOverride: ADMIN_ONLY,
  // Everyone signed in may list, but sees only their own reporting chain (people.test.ts).
  listPeople: SIGNED_IN,
  searchDirectory: SIGNED_IN,
  getPerson: M_AND_CHAIN_AND_ADMIN,
  createPerson: ADMIN_ONLY,
  updatePerson: ADMIN_ONLY,
  deactivatePerson: ADMIN_ONLY,
  getReportingChain: M_AND_CHAIN_AND_ADMIN,
  listReports: M_AND_CHAIN_AND_ADMIN,
  // Everyone signed in gets a chart, but only of their own subtree (people.test.ts).
  getOrgChart: SIGNED_IN,
  importPeople: ADMIN_ONLY,
  listAuditEvents: ADMIN_ONLY,
  exportAuditLog: ADMIN_ONLY,
  listMyAccessLog: SIGNED_IN,
  demoStatus: EVERYONE,
  loadDemo: ADMIN_ONLY,
  removeDemo: ADMIN_ONLY,
  // Assessments: who may rate whom is decided by the service; rows with made-up ids answer 404.
  startAssessment: ["directManager"],
  getAssessment: SIGNED_IN,
  saveAssessmentRatings: SIGNED_IN,
  submitAssessment: SIGNED_IN,
  correctAssessment: SIGNED_IN,
  listMyAssessments: SIGNED_IN,
  listAssessmentsAbout: M_AND_CHAIN,
  createFeedbackRequest: M_AND_CHAIN,
  listFeedbackRequestsAbout: M_AND_CHAIN,
  closeFeedbackRequest: SIGNED_IN,
  listMyFeedbackRequests: SIGNED_IN,
  listEvidence: M_AND_CHAIN,
  createEvidence: M_ONLY,
  updateEvidence: SIGNED_IN,
  deleteEvidence: SIGNED_IN,
  suggestEvidenceTags: SIGNED_IN,
  getReadiness: M_AND_CHAIN,
  getReadinessHistory: M_AND_CHAIN,
  getReadinessSideBySide: M_AND_CHAIN,
  getTeamHeatmap: SIGNED_IN,
  getTeamReadiness: SIGNED_IN,
  getOrgReadiness: ADMIN_ONLY,
  getOrgHeatmap: ADMIN_ONLY,
  getReadinessSettings: SIGNED_IN,
  updateReadinessSettings: ADMIN_ONLY,
  migrateAssessments: ADMIN_ONLY,
  // Plans and goals are private content: no admin access.
  getCareerPlan: M_AND_CHAIN,
  saveCareerPlan: M_ONLY,
  reviewCareerPlan: M_ONLY,
  listCareerPlanReviews: M_AND_CHAIN,
  setCareerPlanSharing: M_ONLY,
  listGoals: M_AND_CHAIN,
  createGoal: M_ONLY,
  updateGoal: SIGNED_IN,
  checkInGoal: SIGNED_IN,
  deleteGoal: SIGNED_IN,
  // 1:1s: the service answers 404 to anyone but the two participants (here: nobody, the id is M's person id).
  createOneOnOne: ["directManager"],
  listOneOnOnes: SIGNED_IN,
  getCollaborationHealth: SIGNED_IN,
  getOneOnOne: SIGNED_IN,
  updateOneOnOne: SIGNED_IN,
  getOneOnOnePrivateNotes: SIGNED_IN,
  saveOneOnOnePrivateNotes: SIGNED_IN,
  recordHealthCheck: SIGNED_IN,
  downloadOneOnOneCalendar: SIGNED_IN,
  suggestMentors: M_AND_CHAIN,
  getMyMentoringAvailability: SIGNED_IN,
  setMyMentoringAvailability: SIGNED_IN,
  getOrgProfile: SIGNED_IN,
  setOrgProfile: ADMIN_ONLY,
  getAdvancement: M_AND_CHAIN,
  getVpProfile: SIGNED_IN,
  submitVpFit: SIGNED_IN,
  listMyVpFit: SIGNED_IN,
  getOrgInsights: ADMIN_ONLY,
  getTeamInsights: SIGNED_IN,
};

interface MatrixContext {
  org: PersonaOrg;
  /** The built-in ladder's version 1, a valid draft document. */
  ladderDocument: unknown;
  ladderYaml: string;
  /** A person created for the deactivate row, so the personas stay active. */
  throwawayId: string;
}

/** How to call a route so that its input validates: Fastify validates before the policy runs. */
interface Recipe {
  params?: (ctx: MatrixContext) => Record<string, string>;
  query?: Record<string, string> | ((ctx: MatrixContext) => Record<string, string>);
  body?: (persona: Persona, ctx: MatrixContext) => unknown;
  upload?: { contentType: string; content: (ctx: MatrixContext) => string };
  /** Ends sessions or removes data: runs after every other row, and everyone signs in again after it. */
  isDestructive?: boolean;
}

const ownCredentials = (persona: Persona, ctx: MatrixContext) => {
  const credentials = persona.credentials ?? ctx.org.personas.member.credentials;
  return { email: credentials?.email ?? "", password: credentials?.password ?? "" };
};

const RECIPES: Record<string, Recipe> = {
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
  createOneTimeLink: { body: () => ({ purpose: "reset" }) },
  importFramework: {
    query: { fileName: "ladder.yaml", dryRun: "true" },
    upload: { contentType: "application/yaml", content: (ctx) => ctx.ladderYaml },
  },
  exportFrameworkVersion: { query: { format: "yaml" } },
  startFrameworkDraft: { body: () => ({}) },
  saveFrameworkDraft: { body: (_persona, ctx) => ({ document: ctx.ladderDocument }) },
  discardFrameworkDraft: { isDestructive: true },
  publishFrameworkDraft: { body: () => ({}), isDestructive: true },
  previewFrameworkMigration: { body: () => ({}) },
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
  startAssessment: { body: (_persona, ctx) => ({ subjectId: ctx.org.people.member.id, relation: "manager" }) },
  saveAssessmentRatings: { body: () => ({ ratings: [] }) },
  createFeedbackRequest: {
    body: (_persona, ctx) => ({
      relation: "peer",
      raterIds: [ctx.org.people.otherMember.id],
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
  submitVpFit: {
    body: () => ({ answers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`r${i + 1}`, 3])) }),
  },
};

/** Path parameters: person ids are M's; others get harmless valid values (made-up ones answer 404). */
function paramValue(name: string, ctx: MatrixContext): string {
  switch (name) {
    case "id":
    case "personId":
    case "subjectId":
      return ctx.org.people.member.id;
    case "framework":
      return "product-management";
    case "version":
      return "1";
    case "token":
      return "made-up-token-0000000000";
    case "sessionId":
    case "tokenId":
      return "made-up-id";
    case "assessmentId":
    case "requestId":
    case "evidenceId":
    case "goalId":
      return "00000000-0000-4000-8000-000000000000";
    default:
      throw new Error(`no value for the path parameter :${name}; add one to paramValue`);
  }
}

function pathParams(endpoint: Endpoint, recipe: Recipe, ctx: MatrixContext): Record<string, string> {
  const names = [...endpoint.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);
  const overrides = recipe.params?.(ctx) ?? {};
  return Object.fromEntries(names.map((name) => [name, overrides[name] ?? paramValue(name, ctx)]));
}

type Outcome = { kind: "allowed" | "denied" | "inconclusive"; status: number; code: string };

async function callAs(persona: Persona, endpoint: Endpoint, recipe: Recipe, ctx: MatrixContext): Promise<Outcome> {
  const queryValues = typeof recipe.query === "function" ? recipe.query(ctx) : recipe.query;
  const query = queryValues ? `?${new URLSearchParams(queryValues)}` : "";
  const path = `${buildPath(endpoint.path, pathParams(endpoint, recipe, ctx))}${query}`;
  const init: RequestInit = { method: endpoint.method };
  if (recipe.upload) {
    init.headers = { "content-type": recipe.upload.contentType };
    init.body = recipe.upload.content(ctx);
  } else if (recipe.body) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(recipe.body(persona, ctx));
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
  const { status } = response;
  if ((status === 401 && code === "unauthenticated") || (status === 403 && code === "forbidden")) {
    return { kind: "denied", status, code };
  }
  // A 400 may come from validation, which runs before the policy: it proves nothing either way.
  if (status === 400 || status >= 500 || code === "csrf_failed") return { kind: "inconclusive", status, code };
  return { kind: "allowed", status, code };
}

const unexpectedAllows: string[] = [];
const unexpectedDenies: string[] = [];
let cellsChecked = 0;

const ordered = [
  ...ROUTES.filter((r) => !RECIPES[r.endpoint.operationId]?.isDestructive),
  ...ROUTES.filter((r) => RECIPES[r.endpoint.operationId]?.isDestructive),
];

describe("the authorization matrix covers the route table", () => {
  it("has an EXPECTED entry for every route", () => {
    const missing = ROUTES.map((r) => r.endpoint.operationId).filter((id) => !(id in EXPECTED));
    expect(missing, "routes with no EXPECTED entry: say who may call them").toEqual([]);
  });

  it("has no EXPECTED entry or recipe for an operation that no longer exists", () => {
    const existing = new Set(ROUTES.map((r) => r.endpoint.operationId));
    expect(Object.keys(EXPECTED).filter((id) => !existing.has(id))).toEqual([]);
    expect(Object.keys(RECIPES).filter((id) => !existing.has(id))).toEqual([]);
  });

  it("finds every contract endpoint in the route table, each with a policy", () => {
    const routed = new Set(ROUTES.map((r) => r.endpoint.operationId));
    const declared = Object.values(endpoints).flatMap((group) => Object.values(group) as Endpoint[]);
    expect(declared.map((e) => e.operationId).filter((id) => !routed.has(id))).toEqual([]);
    for (const { endpoint, policy } of ROUTES) {
      expect(["public", "authenticated", "admin", "subject"], endpoint.operationId).toContain(policy?.kind);
      if (policy.kind === "subject") expect(endpoint.path, endpoint.operationId).toContain(`:${policy.param}`);
    }
  });
});

describe(`authorization matrix over HTTP: ${ROUTES.length} routes × ${PERSONA_NAMES.length} personas`, () => {
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
    ctx = { org, ladderDocument: version.document, ladderYaml, throwawayId: throwaway.id };
  });
  afterAll(async () => server?.stop());

  for (const { endpoint } of ordered) {
    const { operationId } = endpoint;
    it(`${operationId}: ${endpoint.method} ${endpoint.path}`, async () => {
      const allowed = EXPECTED[operationId];
      if (!allowed) throw new Error(`no EXPECTED entry for ${operationId}`);
      const recipe = RECIPES[operationId] ?? {};
      const problems: string[] = [];
      for (const name of PERSONA_NAMES) {
        const outcome = await callAs(ctx.org.personas[name], endpoint, recipe, ctx);
        cellsChecked += 1;
        const cell = `${operationId} as ${name}: ${outcome.status} ${outcome.code}`.trim();
        const isExpectedAllowed = allowed.includes(name);
        if (outcome.kind === "inconclusive") {
          problems.push(`${cell} (inconclusive: fix the recipe so the request validates)`);
        } else if (outcome.kind === "allowed" && !isExpectedAllowed) {
          unexpectedAllows.push(cell);
          problems.push(`${cell} (UNEXPECTED ALLOW)`);
        } else if (outcome.kind === "denied" && isExpectedAllowed) {
          unexpectedDenies.push(cell);
          problems.push(`${cell} (unexpected deny)`);
        } else if (outcome.kind === "denied" && outcome.status !== (name === "anonymous" ? 401 : 403)) {
          problems.push(`${cell} (denied with the wrong status)`);
        }
      }
      if (recipe.isDestructive) await ctx.org.signInAll();
      expect(problems).toEqual([]);
    });
  }

  it("found zero unexpected allows and zero unexpected denies in every cell", () => {
    expect(cellsChecked).toBe(ROUTES.length * PERSONA_NAMES.length);
    expect(unexpectedAllows).toEqual([]);
    expect(unexpectedDenies).toEqual([]);
  });
});
