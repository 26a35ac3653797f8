import { ADMIN, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentTitleOverride } from "../presenters/people-import.ts";

export function titleRoutes(services: Pick<AppServices, "titles">) {
  const { titles } = services;
  return [
    route({
      endpoint: endpoints.titles.resolve,
      policy: AUTHENTICATED,
      handler: async ({ query }) => ({ title: query.title, ...(await titles.resolve(query.title, query.framework)) }),
    }),
    route({
      endpoint: endpoints.peopleImport.listTitleOverrides,
      policy: AUTHENTICATED,
      handler: async () => {
        const { overrides, levels } = await titles.list();
        return { overrides: overrides.map((override) => presentTitleOverride(override, levels)) };
      },
    }),
    route({
      endpoint: endpoints.peopleImport.setTitleOverride,
      policy: ADMIN,
      handler: async ({ body, viewer }) => {
        const { override, levels } = await titles.set(viewer, body);
        return presentTitleOverride(override, levels);
      },
    }),
    route({
      endpoint: endpoints.peopleImport.removeTitleOverride,
      policy: ADMIN,
      handler: async ({ query, viewer }) => {
        await titles.remove(viewer, query.title);
        return null;
      },
    }),
  ];
}
