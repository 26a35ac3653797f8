import type { TNotification } from "@ascent/contract";
import { Link } from "react-router";
import { useInbox, useMarkAllRead, useMarkRead } from "../../api/notification-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { formatDateTime } from "../audit/audit-format.ts";
import { useSession } from "../../api/session.ts";
import { NotificationSettings } from "./notification-settings.tsx";
import { OrganisationNotificationDefaults } from "./organisation-notification-defaults.tsx";
import { QuietHoursSettings } from "./quiet-hours-settings.tsx";
import "./notifications.css";

function NotificationItem({ notification }: { notification: TNotification }) {
  const markRead = useMarkRead();
  const isUnread = notification.readAt === null;
  return (
    <li className={isUnread ? "inbox__item inbox__item--unread" : "inbox__item"}>
      <div className="inbox__text">
        <Link
          to={notification.link}
          className="inbox__subject"
          onClick={() => {
            if (isUnread) markRead.mutate(notification.id);
          }}
        >
          {isUnread && <span className="visually-hidden">Unread: </span>}
          {notification.subject}
        </Link>
        <time className="inbox__time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt)}
        </time>
      </div>
      {isUnread && (
        <button
          type="button"
          className="button button--secondary"
          disabled={markRead.isPending}
          aria-label={`Mark read: ${notification.subject}`}
          onClick={() => markRead.mutate(notification.id)}
        >
          Mark read
        </button>
      )}
    </li>
  );
}

export function NotificationsPage() {
  useDocumentTitle("Notifications");
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  const notifications = inbox.data?.pages.flatMap((page) => page.notifications) ?? [];
  const hasUnread = notifications.some((n) => n.readAt === null);
  const isAdmin = useSession().data?.isAdmin === true;
  return (
    <>
      <PageHeading lead={<p>What happened that concerns you: feedback asked of you, reviews, reminders.</p>}>
        Notifications
      </PageHeading>
      {inbox.isPending ? (
        <LoadingState label="Loading your notifications…" />
      ) : inbox.isError ? (
        <ErrorState
          title="Your notifications could not be loaded"
          error={inbox.error}
          onRetry={() => void inbox.refetch()}
          isRetrying={inbox.isFetching}
        />
      ) : notifications.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-notifications-heading">
          <h2 id="no-notifications-heading" className="empty-state__title">
            Nothing here yet
          </h2>
          <p>When someone asks you for feedback or a review needs you, it shows here and on the bell.</p>
        </section>
      ) : (
        <>
          <p className="inbox__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={!hasUnread || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </button>
          </p>
          <ul className="inbox" aria-label="Your notifications, newest first">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
          {inbox.hasNextPage && (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                disabled={inbox.isFetchingNextPage}
                onClick={() => void inbox.fetchNextPage()}
              >
                {inbox.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            </p>
          )}
        </>
      )}
      <NotificationSettings />
      <QuietHoursSettings />
      {isAdmin && <OrganisationNotificationDefaults />}
    </>
  );
}
