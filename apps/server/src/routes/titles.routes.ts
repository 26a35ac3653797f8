import { ADMIN, AUTHENTICATED, AppError, resolveTitle } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { BUILTIN_SLUG } from "../builtin-ladder.ts";
import { presentTitleOverride } from "../presenters/people-import.ts";

export function titleRoutes(services: Pick<AppServices, "frameworks" | "titleOverrides" | "audit">) {
  const { frameworks: catalog, titleOverrides, audit } = services;
  const builtinLevels = async () => (await catalog.version(BUILTIN_SLUG, "latest")).document.levels;
  return [
    route({
      endpoint: endpoints.titles.resolve,
      policy: AUTHENTICATED,
      handler: async ({ query }) => {
        const [{ document }, overrides] = await Promise.all([
          catalog.version(query.framework ?? BUILTIN_SLUG, "latest"),
          titleOverrides.list(),
        ]);
        // Overrides name levels of the built-in ladder; another framework uses those it shares.
        const applicable = overrides.filter((override) => document.levels.some((l) => l.id === override.levelId));
        const resolution = resolveTitle(query.title, document, applicable);
        const level = document.levels.find((l) => l.id === resolution.levelId);
        return { title: query.title, ...resolution, levelName: level?.name ?? null };
      },
    }),
    route({
      endpoint: endpoints.peopleImport.listTitleOverrides,
      policy: AUTHENTICATED,
      handler: async () => {
        const [levels, overrides] = await Promise.all([builtinLevels(), titleOverrides.list()]);
        return { overrides: overrides.map((override) => presentTitleOverride(override, levels)) };
      },
    }),
    route({
      endpoint: endpoints.peopleImport.setTitleOverride,
      policy: ADMIN,
      handler: async ({ body, viewer }) => {
        const levels = await builtinLevels();
        if (!levels.some((level) => level.id === body.levelId)) {
          const message = `no level "${body.levelId}" in the built-in ladder; levels: ${levels.map((l) => l.id).join(", ")}`;
          throw new AppError("validation_failed", `Invalid body.levelId: ${message}`, [
            { path: "body.levelId", message },
          ]);
        }
        await titleOverrides.upsert({ title: body.title, levelId: body.levelId }, viewer.personId);
        await audit.record({
          kind: "write",
          actorId: viewer.personId,
          action: "titles.override.set",
          targetType: "title_override",
          targetId: body.title,
          details: { levelId: body.levelId },
        });
        return presentTitleOverride(body, levels);
      },
    }),
    route({
      endpoint: endpoints.peopleImport.removeTitleOverride,
      policy: ADMIN,
      handler: async ({ query, viewer }) => {
        const existing = (await titleOverrides.list()).find((override) => override.title === query.title);
        if (!existing) throw new AppError("not_found", `No title override for "${query.title}"`);
        await titleOverrides.remove(existing.title);
        await audit.record({
          kind: "write",
          actorId: viewer.personId,
          action: "titles.override.remove",
          targetType: "title_override",
          targetId: existing.title,
          details: { levelId: existing.levelId },
        });
        return null;
      },
    }),
  ];
}
