import { useMySessions, useRevokeSession } from "../../api/account.ts";
import { useSignOut, useSignOutEverywhere } from "../../api/session.ts";
import { useFinishSignOut } from "../../app-shell/use-finish-sign-out.ts";
import { Badge } from "../../ui/badge.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/(Headless)?Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
  [/node|undici/i, "Script"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Windows/, "Windows"],
  [/Linux|X11/, "Linux"],
];

/** "Chrome on Linux" from a user-agent string; the raw string stays available as a tooltip. */
export function describeDevice(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? (userAgent.trim() || "Unknown device");
}

export function SessionsSection() {
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const finishSignOut = useFinishSignOut();
  const failure = revoke.error ?? signOut.error ?? signOutEverywhere.error;

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <div className="section__header">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <button
          type="button"
          className="button button--secondary"
          disabled={signOutEverywhere.isPending}
          onClick={() => void signOutEverywhere.mutateAsync().then(finishSignOut, () => undefined)}
        >
          {signOutEverywhere.isPending ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
      <p className="section__lead">
        Each browser you sign in from has its own session. Sign out of one you do not recognise, or everywhere at once,
        this browser included.
      </p>
      {failure && (
        <div role="alert" className="callout callout--error">
          <p>{describeError(failure)}</p>
        </div>
      )}
      {sessions.isPending ? (
        <LoadingState label="Loading your sessions…" />
      ) : sessions.isError ? (
        <ErrorState
          title="Your sessions could not be loaded"
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
          isRetrying={sessions.isFetching}
        />
      ) : (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Your active sessions ({sessions.data.sessions.length})</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.sessions.map((session) => (
                <tr key={session.id} className={session.isCurrent ? "is-current" : undefined}>
                  <th scope="row">
                    <span className="cell-title" title={session.userAgent}>
                      {describeDevice(session.userAgent)}
                      {session.isCurrent && <Badge tone="accent">This browser</Badge>}
                    </span>
                  </th>
                  <td data-label="IP address">
                    <code>{session.ip}</code>
                  </td>
                  <td data-label="Signed in">
                    <time dateTime={session.createdAt}>{dateTime.format(new Date(session.createdAt))}</time>
                  </td>
                  <td data-label="Last active">
                    <time dateTime={session.lastSeenAt}>{dateTime.format(new Date(session.lastSeenAt))}</time>
                  </td>
                  <td className="actions-cell">
                    {session.isCurrent ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={signOut.isPending}
                        onClick={() => void signOut.mutateAsync().then(finishSignOut, () => undefined)}
                      >
                        Sign out<VisuallyHidden> of this browser</VisuallyHidden>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={revoke.isPending && revoke.variables === session.id}
                        onClick={() => revoke.mutate(session.id)}
                      >
                        Sign out
                        <VisuallyHidden>
                          {" "}
                          of {describeDevice(session.userAgent)}, last active{" "}
                          {dateTime.format(new Date(session.lastSeenAt))}
                        </VisuallyHidden>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
