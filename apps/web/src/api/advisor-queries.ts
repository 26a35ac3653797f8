import { advisorEndpoints, type TOrgProfile } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// The advisor: organisation profile, advancement paths and the VP-fit check.

export function useOrgProfile() {
  return useQuery({
    queryKey: growthKeys.orgProfile(),
    queryFn: () => apiClient.call(advisorEndpoints.getOrgProfile),
  });
}

export function useSetOrgProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOrgProfile) => apiClient.call(advisorEndpoints.setOrgProfile, { body }),
    onSuccess: (view) => {
      queryClient.setQueryData(growthKeys.orgProfile(), view);
      return queryClient.invalidateQueries({ queryKey: ["advancement"] });
    },
  });
}

export function useAdvancement(personId: string) {
  return useQuery({
    queryKey: growthKeys.advancement(personId),
    queryFn: () => apiClient.call(advisorEndpoints.getAdvancement, { params: { id: personId } }),
  });
}

export function useVpProfile() {
  return useQuery({
    queryKey: growthKeys.vpProfile(),
    queryFn: () => apiClient.call(advisorEndpoints.getVpProfile),
    staleTime: 30 * 60_000,
  });
}

export function useMyVpFitChecks() {
  return useQuery({
    queryKey: growthKeys.vpFit(),
    queryFn: () => apiClient.call(advisorEndpoints.listMyVpFit),
  });
}

export function useSubmitVpFit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, number>) =>
      apiClient.call(advisorEndpoints.submitVpFit, { body: { answers } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.vpFit() }),
  });
}
