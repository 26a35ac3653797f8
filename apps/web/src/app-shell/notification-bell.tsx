import { Link, useLocation } from "react-router";
import { useUnreadCount } from "../api/notification-queries.ts";
import "./notification-bell.css";

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The bell in the header: a link to the inbox whose name says how many are unread. The count is
 * asked for every half minute while the tab is shown, so it changes without a reload.
 */
export function NotificationBell() {
  const { pathname } = useLocation();
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={label}
      aria-current={pathname === "/notifications" ? "page" : undefined}
      data-testid="notification-bell"
    >
      <BellIcon />
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
