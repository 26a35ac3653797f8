import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TChannelSwitches, TMailChoice } from "@ascent/contract";
import { lazyEndpoint } from "./client.ts";

// The bell is part of the app shell, in the first chunk: endpoints come from the contract once it loads.
const api = {
  unreadCount: lazyEndpoint((c) => c.notificationEndpoints.unreadCount),
  list: lazyEndpoint((c) => c.notificationEndpoints.list),
  markRead: lazyEndpoint((c) => c.notificationEndpoints.markRead),
  markAllRead: lazyEndpoint((c) => c.notificationEndpoints.markAllRead),
  requestPasswordReset: lazyEndpoint((c) => c.notificationEndpoints.requestPasswordReset),
  preferences: lazyEndpoint((c) => c.notificationSettingsEndpoints.preferences),
  setPreferences: lazyEndpoint((c) => c.notificationSettingsEndpoints.setPreferences),
  schedule: lazyEndpoint((c) => c.notificationSettingsEndpoints.schedule),
  setSchedule: lazyEndpoint((c) => c.notificationSettingsEndpoints.setSchedule),
  organisationDefaults: lazyEndpoint((c) => c.notificationSettingsEndpoints.organisationDefaults),
  setOrganisationDefaults: lazyEndpoint((c) => c.notificationSettingsEndpoints.setOrganisationDefaults),
};

type KindChoice = { kind: string; inApp: boolean; mail: TMailChoice };

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  inbox: () => [...notificationKeys.all, "inbox"] as const,
  preferences: () => [...notificationKeys.all, "preferences"] as const,
  schedule: () => [...notificationKeys.all, "schedule"] as const,
  organisationDefaults: () => [...notificationKeys.all, "organisation-defaults"] as const,
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
  return useQuery({ queryKey: notificationKeys.preferences(), queryFn: () => api.preferences.call() });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: KindChoice[]) => api.setPreferences.call({ body: { preferences } }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(), saved),
  });
}

export function useDeliverySchedule() {
  return useQuery({ queryKey: notificationKeys.schedule(), queryFn: () => api.schedule.call() });
}

export function useSaveDeliverySchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { timeZone: string; quietHours: { start: string; end: string } | null }) =>
      api.setSchedule.call({ body }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.schedule(), saved),
  });
}

export function useOrganisationNotificationDefaults(isEnabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.organisationDefaults(),
    queryFn: () => api.organisationDefaults.call(),
    enabled: isEnabled,
  });
}

export function useSaveOrganisationNotificationDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { defaults: KindChoice[]; switches: TChannelSwitches }) =>
      api.setOrganisationDefaults.call({ body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.organisationDefaults(), saved);
      // Everyone's own settings show the defaults and switches: the admin's too.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.preferences() });
    },
  });
}
