import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazyEndpoint } from "./client.ts";

// The bell is part of the app shell, in the first chunk: endpoints come from the contract once it loads.
const api = {
  unreadCount: lazyEndpoint((c) => c.notificationEndpoints.unreadCount),
  list: lazyEndpoint((c) => c.notificationEndpoints.list),
  markRead: lazyEndpoint((c) => c.notificationEndpoints.markRead),
  markAllRead: lazyEndpoint((c) => c.notificationEndpoints.markAllRead),
  requestPasswordReset: lazyEndpoint((c) => c.notificationEndpoints.requestPasswordReset),
  preferences: lazyEndpoint((c) => c.notificationEndpoints.preferences),
  setPreferences: lazyEndpoint((c) => c.notificationEndpoints.setPreferences),
};

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  inbox: () => [...notificationKeys.all, "inbox"] as const,
  preferences: () => [...notificationKeys.all, "preferences"] as const,
};

/** How often an open tab asks for the unread count: one indexed count, cheap enough to poll. */
export const UNREAD_POLL_MS = 30_000;

export function useUnreadCount(isEnabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => (await api.unreadCount.call()).unread,
    enabled: isEnabled,
    refetchInterval: UNREAD_POLL_MS,
    // A hidden tab stops asking; it asks again as soon as it is shown.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

export function useInbox() {
  return useInfiniteQuery({
    queryKey: notificationKeys.inbox(),
    queryFn: ({ pageParam }) =>
      // The page size is the contract's default (LIMITS.inboxPageSize).
      api.list.call({ query: pageParam ? { after: pageParam } : {} }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.markRead.call({ params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.markAllRead.call(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Asks for a reset link by mail; signed out, so nothing is cached. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.requestPasswordReset.call({ body: { email } }) });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: async () => (await api.preferences.call()).preferences,
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: { kind: string; inApp: boolean; email: boolean }[]) =>
      api.setPreferences.call({ body: { preferences } }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(), saved.preferences),
  });
}
