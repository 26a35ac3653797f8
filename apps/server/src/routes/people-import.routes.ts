import { ADMIN, AppError } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { readPeopleCsv } from "@ascent/formats";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { withFormatErrors } from "../format-errors.ts";
import { presentPeopleImportResult } from "../presenters/people-import.ts";

export function peopleImportRoutes(services: Pick<AppServices, "peopleImport">): RouteSpec[] {
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
        // The file is read as the plan streams through it, so its format errors surface from the use case.
        const { preview, committed } = await withFormatErrors(() =>
          services.peopleImport.run(viewer, readPeopleCsv(body, { fileName: query.fileName }), {
            fileName: query.fileName,
            isDryRun: query.dryRun,
          }),
        );
        return presentPeopleImportResult(query.fileName, preview, committed);
      },
    }),
  ];
}
