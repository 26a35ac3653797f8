import { ADMIN, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentPersonalDataArchive } from "../presenters/personal-data.ts";

export function dataRightsRoutes({ personalDataExport }: Pick<AppServices, "personalDataExport">): RouteSpec[] {
  const api = endpoints.dataRights;
  return [
    route({
      endpoint: api.exportMine,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) =>
        presentPersonalDataArchive(await personalDataExport.export(viewer, viewer.personId)),
    }),
    route({
      endpoint: api.exportPerson,
      policy: ADMIN,
      handler: async ({ viewer, params }) =>
        presentPersonalDataArchive(await personalDataExport.export(viewer, params.id)),
    }),
  ];
}
