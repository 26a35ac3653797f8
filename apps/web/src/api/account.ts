import { authEndpoints as auth } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

const accountKeys = {
  sessions: () => ["account", "sessions"] as const,
  tokens: () => ["account", "tokens"] as const,
};

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiClient.call(auth.changePassword, { body }),
    // Changing the password ends the other sessions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useMySessions() {
  return useQuery({ queryKey: accountKeys.sessions(), queryFn: () => apiClient.call(auth.listSessions) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => apiClient.call(auth.revokeSession, { params: { sessionId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useMyTokens() {
  return useQuery({ queryKey: accountKeys.tokens(), queryFn: () => apiClient.call(auth.listTokens) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiClient.call(auth.createToken, { body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiClient.call(auth.revokeToken, { params: { tokenId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
