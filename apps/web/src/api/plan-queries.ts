import { plansEndpoints, type TSavePlanBody } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// Career plans: the four steps, reviews and sharing.

export function useCareerPlan(personId: string) {
  return useQuery({
    queryKey: growthKeys.plan(personId),
    queryFn: () => apiClient.call(plansEndpoints.get, { params: { id: personId } }),
  });
}

export function useSaveCareerPlan(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavePlanBody) => apiClient.call(plansEndpoints.save, { params: { id: personId }, body }),
    onSuccess: ({ warnings: _warnings, ...plan }) => {
      queryClient.setQueryData(growthKeys.plan(personId), plan);
      return queryClient.invalidateQueries({ queryKey: growthKeys.planReviews(personId) });
    },
  });
}

export function usePlanReviews(personId: string, isEnabled = true) {
  return useQuery({
    queryKey: growthKeys.planReviews(personId),
    queryFn: () => apiClient.call(plansEndpoints.listReviews, { params: { id: personId } }),
    enabled: isEnabled,
  });
}

export function useReviewCareerPlan(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => apiClient.call(plansEndpoints.review, { params: { id: personId }, body: { note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.plan(personId) }),
  });
}

export function useSetPlanSharing(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isSharedWithManager: boolean) =>
      apiClient.call(plansEndpoints.setSharing, { params: { id: personId }, body: { isSharedWithManager } }),
    onSuccess: (plan) => queryClient.setQueryData(growthKeys.plan(personId), plan),
  });
}
