import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

/** How mail carries a kind: a mail per event, a daily or weekly digest, or none. */
export const ZMailChoice = z.enum(["instant", "daily", "weekly", "off"]).meta({ id: "MailChoice" });

export const ZChannelSwitches = z
  .object({
    /** A mail for each notification; off stops them for everyone. */
    isEmailEnabled: z.boolean(),
    /** Daily and weekly digests; off stops them for everyone. */
    isDigestEnabled: z.boolean(),
  })
  .meta({ id: "ChannelSwitches" });

export const ZNotificationPreference = z
  .object({
    kind: z.string(),
    /** How the settings name the kind. */
    label: z.string(),
    inApp: z.boolean(),
    mail: ZMailChoice,
    /** Whose choice holds: the person's own, the organisation's default, or the app's. */
    source: z.enum(["person", "organisation", "app"]),
    /** Why the mail choice sends nothing now (an admin switched its channel off), or null. */
    mailDisabledReason: z.string().nullable(),
  })
  .meta({ id: "NotificationPreference" });

export const ZOrganisationNotificationDefault = z
  .object({
    kind: z.string(),
    label: z.string(),
    inApp: z.boolean(),
    mail: ZMailChoice,
    /** True when the organisation has not chosen and the app's own default holds. */
    isAppDefault: z.boolean(),
  })
  .meta({ id: "OrganisationNotificationDefault" });

const ZClockTime = z.string().max(5).describe("A 24-hour time of day, such as 22:00");

export const ZDeliverySchedule = z
  .object({
    /** An IANA time zone name, such as Europe/Berlin. */
    timeZone: z.string(),
    /** No mail between these local times (mail waits until the end); null for none. */
    quietHours: z.object({ start: ZClockTime, end: ZClockTime }).nullable(),
  })
  .meta({ id: "DeliverySchedule" });

const ZKindChoice = z.strictObject({ kind: z.string().min(1).max(LIMITS.id), inApp: z.boolean(), mail: ZMailChoice });
const ZKindChoices = z.array(ZKindChoice).max(LIMITS.inboxPageSize.max);
const ZPreferencesResponse = z.object({
  preferences: z.array(ZNotificationPreference),
  switches: ZChannelSwitches,
});
const ZOrganisationDefaultsResponse = z.object({
  defaults: z.array(ZOrganisationNotificationDefault),
  switches: ZChannelSwitches,
});

export const notificationSettingsEndpoints = {
  preferences: defineEndpoint({
    operationId: "getMyNotificationPreferences",
    method: "GET",
    path: "/api/me/notification-preferences",
    summary: "The signed-in person's channels for each kind of notification, and which mail channels are on",
    tag: "notifications",
    response: ZPreferencesResponse,
  }),
  setPreferences: defineEndpoint({
    operationId: "setMyNotificationPreferences",
    method: "PUT",
    path: "/api/me/notification-preferences",
    summary: "Sets the signed-in person's channels per kind: in the app, and mail at once, by digest or not",
    tag: "notifications",
    body: z.strictObject({ preferences: ZKindChoices }),
    response: ZPreferencesResponse,
  }),
  schedule: defineEndpoint({
    operationId: "getMyDeliverySchedule",
    method: "GET",
    path: "/api/me/notification-schedule",
    summary: "The signed-in person's time zone and quiet hours",
    tag: "notifications",
    response: ZDeliverySchedule,
  }),
  setSchedule: defineEndpoint({
    operationId: "setMyDeliverySchedule",
    method: "PUT",
    path: "/api/me/notification-schedule",
    summary: "Sets the signed-in person's time zone and quiet hours; mail waits until quiet hours end",
    tag: "notifications",
    body: z.strictObject({
      timeZone: z.string().trim().min(1).max(LIMITS.id),
      quietHours: z.strictObject({ start: ZClockTime, end: ZClockTime }).nullable(),
    }),
    response: ZDeliverySchedule,
  }),
  organisationDefaults: defineEndpoint({
    operationId: "getOrganisationNotificationDefaults",
    method: "GET",
    path: "/api/admin/notification-defaults",
    summary: "Admin: the organisation's channels per kind for people who have not chosen, and the channel switches",
    tag: "notifications",
    response: ZOrganisationDefaultsResponse,
  }),
  setOrganisationDefaults: defineEndpoint({
    operationId: "setOrganisationNotificationDefaults",
    method: "PUT",
    path: "/api/admin/notification-defaults",
    summary: "Admin: sets the organisation's defaults per kind and switches mail channels on or off for everyone",
    tag: "notifications",
    body: z.strictObject({ defaults: ZKindChoices, switches: ZChannelSwitches.strict().optional() }),
    response: ZOrganisationDefaultsResponse,
  }),
};

export type TMailChoice = z.infer<typeof ZMailChoice>;
export type TChannelSwitches = z.infer<typeof ZChannelSwitches>;
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;
export type TOrganisationNotificationDefault = z.infer<typeof ZOrganisationNotificationDefault>;
export type TDeliverySchedule = z.infer<typeof ZDeliverySchedule>;
