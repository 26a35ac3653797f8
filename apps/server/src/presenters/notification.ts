import type { DeadJob, NotificationRecord, OutboxMessage } from "@ascent/core";

export function presentNotification(notification: NotificationRecord) {
  return {
    id: notification.id,
    kind: notification.kind,
    subject: notification.subject,
    link: notification.link,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}

export function presentOutboxMessage(message: OutboxMessage) {
  return {
    id: message.id,
    recipient: message.recipient,
    subject: message.subject,
    textBody: message.textBody,
    htmlBody: message.htmlBody,
    createdAt: message.createdAt.toISOString(),
  };
}

/** A failed job without its data: a mail's body may hold a live reset link, which admins must not get. */
export function presentFailedJob(job: DeadJob) {
  return { id: job.id, name: job.name, reason: job.reason, failedAt: job.failedAt.toISOString() };
}
