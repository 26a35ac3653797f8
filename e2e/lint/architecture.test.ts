import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const root = new URL("../..", import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });
const ROUTES = "apps/server/src/routes";
const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

/** The messages of the route-layer rules for this code, linted as if it were a route file. */
async function layerErrors(code: string, filePath = `${ROUTES}/example.routes.ts`): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

describe("routes only parse, call one use case and present", () => {
  it.each([
    ["imports a repository", 'import { DrizzleAuditRepository } from "@ascent/db";'],
    ["imports the database package at all", 'import type { DatabaseHandle } from "@ascent/db";'],
    ["imports another route file", 'import { peopleByIds } from "./assessments.routes.ts";'],
    ["imports the app module that wires the services", 'import { buildServices } from "../app.ts";'],
    ["imports the audit log port", 'import type { AuditRepository } from "@ascent/core";'],
    ["imports the read logger", 'import { recordRead } from "@ascent/core";'],
    ["calls .record( on the audit log", 'await services.audit.record({ kind: "write", actorId: "a", action: "x" });'],
    ["calls .record( on anything", 'await log.record({ kind: "read" });'],
    ["takes the audit log out of the services", "const { audit } = services;"],
    ["builds a service through a factory", "const evidence = buildEvidenceService(services);"],
    ["declares a service factory", "export function buildGoalService() { return null; }"],
    ["news up a service", "const plans = new CareerPlanService(ports);"],
    ["news up a repository", "const people = new DrizzlePeopleRepository(db);"],
  ])("a route file that %s fails the lint", async (_what, code) => {
    expect(await layerErrors(code)).not.toEqual([]);
  });

  it("lets a thin route through: contract endpoints, core policies, presenters and the route table", async () => {
    const thin = [
      'import { ADMIN } from "@ascent/core";',
      'import { endpoints } from "@ascent/contract";',
      'import { route } from "../route-table.ts";',
      'import type { AppServices } from "../composition-root.ts";',
      'import { presentAuditEvent } from "../presenters/audit.ts";',
      "export const list = (services: AppServices) => route({",
      "  endpoint: endpoints.audit.list,",
      "  policy: ADMIN,",
      "  handler: async ({ viewer, query }) => (await services.auditLog.writes(viewer, query)).events.map(presentAuditEvent),",
      "});",
    ].join("\n");
    expect(await layerErrors(thin)).toEqual([]);
  });

  it("applies to route files only: the composition root may build services and repositories", async () => {
    const wiring =
      'import { DrizzleAuditRepository } from "@ascent/db";\nexport const audit = new DrizzleAuditRepository(db);';
    expect(await layerErrors(wiring, "apps/server/src/composition-root.ts")).toEqual([]);
  });

  it("holds for every route file in the server", async () => {
    const files = readdirSync(`${root}${ROUTES}`).filter((name) => name.endsWith(".routes.ts"));
    expect(files.length).toBeGreaterThanOrEqual(19);
    const results = await eslint.lintFiles(files.map((name) => `${ROUTES}/${name}`));
    const broken = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId))
        .map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.message}`),
    );
    expect(broken).toEqual([]);
  });
});
