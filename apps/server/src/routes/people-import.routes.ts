import { ADMIN, AppError, commitPeopleImport, planPeopleImport } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { readPeopleCsv } from "@ascent/formats";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { BUILTIN_SLUG } from "../builtin-ladder.ts";
import { withFormatErrors } from "../format-errors.ts";
import { presentPeopleImportResult } from "../presenters/people-import.ts";

export function peopleImportRoutes(services: AppServices): RouteSpec[] {
  return [
    route({
      endpoint: endpoints.peopleImport.import,
      policy: ADMIN,
      handler: async ({ query, body, viewer }) => {
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError("validation_failed", "Send the CSV file as the request body", [
            { path: "body", message: "empty body: expected an HRIS export in CSV" },
          ]);
        }
        const [{ document }, overrides] = await Promise.all([
          services.frameworks.version(BUILTIN_SLUG, "latest"),
          services.titleOverrides.list(),
        ]);
        const plan = await withFormatErrors(() =>
          planPeopleImport(readPeopleCsv(body, { fileName: query.fileName }), {
            people: services.people,
            levels: document.levels,
            overrides,
          }),
        );
        if (query.dryRun) return presentPeopleImportResult(query.fileName, plan.preview);
        const committed = await commitPeopleImport(
          plan,
          { people: services.people, audit: services.audit },
          { actorId: viewer.personId, fileName: query.fileName },
        );
        return presentPeopleImportResult(query.fileName, plan.preview, committed);
      },
    }),
  ];
}
