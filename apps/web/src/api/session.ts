import type { TSessionInfo } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isUnauthenticated, lazyEndpoint, rememberCsrfToken } from "./client.ts";

const api = {
  session: lazyEndpoint((c) => c.authEndpoints.session),
  login: lazyEndpoint((c) => c.authEndpoints.login),
  describeLink: lazyEndpoint((c) => c.authEndpoints.describeLink),
  redeemLink: lazyEndpoint((c) => c.authEndpoints.redeemLink),
  logout: lazyEndpoint((c) => c.authEndpoints.logout),
  logoutEverywhere: lazyEndpoint((c) => c.authEndpoints.logoutEverywhere),
};

export const SESSION_KEY = ["session"] as const;

/** null: nobody is signed in. */
export type Session = TSessionInfo | null;

async function fetchSession(): Promise<Session> {
  try {
    const info = await api.session.call();
    rememberCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    rememberCsrfToken(null);
    return null;
  }
}

/** Who is signed in; asked once per visit and then kept up to date by sign-in and sign-out. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: (failureCount) => failureCount < 2,
  });
}

/** The signed-in session; only for components rendered behind the route guard. */
export function useSignedIn(): TSessionInfo {
  const { data } = useSession();
  if (!data) throw new Error("useSignedIn() used outside the signed-in part of the app");
  return data;
}

/**
 * Starts from a clean cache so nothing fetched as someone else (or as nobody) is shown. Queries of
 * the page still on screen (the sign-in or welcome page) stay, or they would refetch at once.
 */
export function markSignedIn(queryClient: QueryClient, info: TSessionInfo): void {
  rememberCsrfToken(info.csrfToken);
  queryClient.removeQueries({ type: "inactive", predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData<Session>(SESSION_KEY, info);
}

export function markSignedOut(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.setQueryData<Session>(SESSION_KEY, null);
}

/** After signing out: nobody is signed in, and nothing fetched for the last person is kept. */
export function forgetSession(queryClient: QueryClient): void {
  markSignedOut(queryClient);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.login.call({ body }),
    onSuccess: (info) => markSignedIn(queryClient, info),
  });
}

export function useRedeemLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.redeemLink.call({ params: { token }, body: { password } }),
    onSuccess: (info) => markSignedIn(queryClient, info),
  });
}

export function useDescribeLink(token: string) {
  return useQuery({
    queryKey: ["links", token],
    queryFn: () => api.describeLink.call({ params: { token } }),
    retry: false,
  });
}

/** Ends this session; the caller decides where to go next, then the cache forgets everything. */
export function useSignOut() {
  return useMutation({ mutationFn: () => api.logout.call() });
}

export function useSignOutEverywhere() {
  return useMutation({ mutationFn: () => api.logoutEverywhere.call() });
}

/** Only same-app paths are followed after sign-in, never another origin. */
export function safeReturnPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}
