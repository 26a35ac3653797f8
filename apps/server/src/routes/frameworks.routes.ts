import { endpoints } from "@ascent/contract";
import { AUTHENTICATED, type FrameworkCatalog } from "@ascent/core";
import { route } from "../route-table.ts";
import {
  presentFrameworkAbout,
  presentFrameworkSummary,
  presentFrameworkVersion,
  presentVersionSummary,
} from "../presenters/framework.ts";

export function frameworkRoutes(catalog: FrameworkCatalog) {
  return [
    route({
      endpoint: endpoints.frameworks.list,
      policy: AUTHENTICATED,
      handler: async () => ({ frameworks: (await catalog.list()).map(presentFrameworkSummary) }),
    }),
    route({
      endpoint: endpoints.frameworks.get,
      policy: AUTHENTICATED,
      handler: async ({ params }) => {
        const detail = await catalog.detail(params.framework);
        return { ...presentFrameworkSummary(detail), versions: detail.versions.map(presentVersionSummary) };
      },
    }),
    route({
      endpoint: endpoints.frameworks.about,
      policy: AUTHENTICATED,
      handler: async ({ params }) => presentFrameworkAbout(await catalog.version(params.framework, "latest")),
    }),
    route({
      endpoint: endpoints.frameworks.getVersion,
      policy: AUTHENTICATED,
      handler: async ({ params }) => presentFrameworkVersion(await catalog.version(params.framework, params.version)),
    }),
  ];
}
