import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

export const ZNotification = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    subject: z.string(),
    /** A path inside the app. */
    link: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Notification" });

export const ZOutboxMessage = z
  .object({
    id: z.uuid(),
    recipient: z.string(),
    subject: z.string(),
    textBody: z.string(),
    htmlBody: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "OutboxMessage" });

export const ZFailedJob = z
  .object({
    id: z.uuid(),
    /** The queue the job failed on: "mail.send", "password-reset.send". */
    name: z.string(),
    /** The last error the job gave. */
    reason: z.string(),
    failedAt: z.iso.datetime(),
  })
  .meta({ id: "FailedJob" });

const ZPageLimit = z.coerce.number().int().min(1).max(LIMITS.inboxPageSize.max).default(LIMITS.inboxPageSize.default);

const ZNotificationParams = z.strictObject({ id: z.uuid() });

export const notificationEndpoints = {
  list: defineEndpoint({
    operationId: "listMyNotifications",
    method: "GET",
    path: "/api/notifications",
    summary: "The signed-in person's inbox, newest first, a page at a time",
    tag: "notifications",
    query: z.strictObject({
      limit: ZPageLimit,
      after: z.string().max(LIMITS.shortText).optional().describe("The previous page's nextCursor"),
    }),
    response: z.object({ notifications: z.array(ZNotification), nextCursor: z.string().nullable() }),
  }),
  unreadCount: defineEndpoint({
    operationId: "countMyUnreadNotifications",
    method: "GET",
    path: "/api/notifications/unread-count",
    summary: "How many of the signed-in person's notifications are unread (the bell asks every half minute)",
    tag: "notifications",
    response: z.object({ unread: z.number().int().min(0) }),
  }),
  markRead: defineEndpoint({
    operationId: "markNotificationRead",
    method: "POST",
    path: "/api/notifications/:id/read",
    summary: "Marks one of the signed-in person's notifications read; anyone else's answers 404",
    tag: "notifications",
    params: ZNotificationParams,
    response: z.null(),
    successStatus: 204,
  }),
  markAllRead: defineEndpoint({
    operationId: "markAllNotificationsRead",
    method: "POST",
    path: "/api/notifications/read-all",
    summary: "Marks every unread notification of the signed-in person read",
    tag: "notifications",
    response: z.object({ marked: z.number().int().min(0) }),
  }),
  outbox: defineEndpoint({
    operationId: "listOutbox",
    method: "GET",
    path: "/api/admin/outbox",
    summary: "Admin: mail kept in the database because no SMTP server is configured, newest first",
    tag: "notifications",
    query: z.strictObject({ limit: ZPageLimit, recipient: z.string().max(LIMITS.email).optional() }),
    response: z.object({ transport: z.enum(["smtp", "outbox"]), messages: z.array(ZOutboxMessage) }),
  }),
  failedJobs: defineEndpoint({
    operationId: "listFailedJobs",
    method: "GET",
    path: "/api/admin/jobs/failed",
    summary: "Admin: jobs that used up their retries (the dead-letter list), newest first",
    tag: "notifications",
    query: z.strictObject({ limit: ZPageLimit }),
    response: z.object({ jobs: z.array(ZFailedJob) }),
  }),
  requestPasswordReset: defineEndpoint({
    operationId: "requestPasswordReset",
    method: "POST",
    path: "/api/auth/password-reset",
    summary:
      "Mails a single-use reset link to the address when it belongs to someone; the reply is the same either way",
    tag: "auth",
    body: z.strictObject({ email: z.string().trim().min(3).max(LIMITS.email) }),
    response: z.object({ message: z.string() }),
    successStatus: 202,
  }),
  retryFailedJob: defineEndpoint({
    operationId: "retryFailedJob",
    method: "POST",
    path: "/api/admin/jobs/failed/:id/retry",
    summary: "Admin: puts a failed job back on its queue",
    tag: "notifications",
    params: ZNotificationParams,
    response: z.null(),
    successStatus: 204,
  }),
};

export type TNotification = z.infer<typeof ZNotification>;
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
export type TFailedJob = z.infer<typeof ZFailedJob>;
