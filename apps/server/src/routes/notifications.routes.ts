import { ADMIN, AUTHENTICATED, PUBLIC } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentFailedJob, presentNotification, presentOutboxMessage } from "../presenters/notification.ts";

/** The same words for every address, known or not, so that the reply tells nobody who has an account. */
const RESET_REPLY = "If that address belongs to an account, a link to reset its password is on its way.";

export function notificationsRoutes(
  services: Pick<AppServices, "notifications" | "mailAdmin" | "passwordReset">,
): RouteSpec[] {
  const api = endpoints.notifications;
  const { notifications, mailAdmin, passwordReset } = services;
  return [
    route({
      endpoint: api.list,
      // Only ever the viewer's own inbox: there is no way to name anyone else's.
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const page = await notifications.listInbox(viewer, {
          limit: query.limit,
          ...(query.after ? { after: query.after } : {}),
        });
        return { notifications: page.notifications.map(presentNotification), nextCursor: page.nextCursor };
      },
    }),
    route({
      endpoint: api.unreadCount,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({ unread: await notifications.unreadCount(viewer) }),
    }),
    route({
      endpoint: api.markRead,
      // Someone else's notification answers 404 from the use case, as if it did not exist.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        await notifications.markRead(viewer, params.id);
        return null;
      },
    }),
    route({
      endpoint: api.markAllRead,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({ marked: await notifications.markAllRead(viewer) }),
    }),
    route({
      endpoint: api.outbox,
      policy: ADMIN,
      handler: async ({ viewer, query }) => {
        const { transport, messages } = await mailAdmin.outbox(viewer, {
          limit: query.limit,
          ...(query.recipient ? { recipient: query.recipient } : {}),
        });
        return { transport, messages: messages.map(presentOutboxMessage) };
      },
    }),
    route({
      endpoint: api.failedJobs,
      policy: ADMIN,
      handler: async ({ viewer, query }) => ({
        jobs: (await mailAdmin.deadJobs(viewer, query.limit)).map(presentFailedJob),
      }),
    }),
    route({
      endpoint: api.retryFailedJob,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        await mailAdmin.retryDeadJob(viewer, params.id);
        return null;
      },
    }),
    route({
      endpoint: api.requestPasswordReset,
      policy: PUBLIC,
      handler: async ({ body, request }) => {
        await passwordReset.request(body.email, { ip: request.ip, userAgent: request.headers["user-agent"] ?? "" });
        return { message: RESET_REPLY };
      },
    }),
  ];
}
