import { AUTHENTICATED, resolveTitle, type FrameworkCatalog } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route } from "../route-table.ts";
import { BUILTIN_SLUG } from "../builtin-ladder.ts";

export function titleRoutes(catalog: FrameworkCatalog) {
  return [
    route({
      endpoint: endpoints.titles.resolve,
      policy: AUTHENTICATED,
      handler: async ({ query }) => {
        const { document } = await catalog.version(query.framework ?? BUILTIN_SLUG, "latest");
        const resolution = resolveTitle(query.title, document);
        const level = document.levels.find((l) => l.id === resolution.levelId);
        return { title: query.title, ...resolution, levelName: level?.name ?? null };
      },
    }),
  ];
}
