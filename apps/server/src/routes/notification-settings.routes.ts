import { ADMIN, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentOrganisationDefaults, presentPreferences } from "../presenters/notification-settings.ts";

/** Each person's channels, time zone and quiet hours (their own only), and the organisation's defaults (admins). */
export function notificationSettingsRoutes(services: Pick<AppServices, "notificationSettings">): RouteSpec[] {
  const api = endpoints.notificationSettings;
  const { notificationSettings: settings } = services;
  return [
    route({
      endpoint: api.preferences,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => presentPreferences(await settings.preferences(viewer)),
    }),
    route({
      endpoint: api.setPreferences,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => presentPreferences(await settings.setPreferences(viewer, body.preferences)),
    }),
    route({
      endpoint: api.schedule,
      policy: AUTHENTICATED,
      handler: ({ viewer }) => settings.schedule(viewer),
    }),
    route({
      endpoint: api.setSchedule,
      policy: AUTHENTICATED,
      handler: ({ viewer, body }) => settings.setSchedule(viewer, body),
    }),
    route({
      endpoint: api.organisationDefaults,
      policy: ADMIN,
      handler: async ({ viewer }) => presentOrganisationDefaults(await settings.organisationDefaults(viewer)),
    }),
    route({
      endpoint: api.setOrganisationDefaults,
      policy: ADMIN,
      handler: async ({ viewer, body }) =>
        presentOrganisationDefaults(
          await settings.setOrganisationDefaults(viewer, {
            defaults: body.defaults,
            ...(body.switches ? { switches: body.switches } : {}),
          }),
        ),
    }),
  ];
}
