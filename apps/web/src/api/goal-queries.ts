import { goalsEndpoints, type TCheckInBody, type TCreateGoalBody, type TUpdateGoalBody } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// Development goals, shown on the goals page and in My growth.

export function useGoalList(personId: string) {
  return useQuery({
    queryKey: growthKeys.goals(personId),
    queryFn: () => apiClient.call(goalsEndpoints.list, { params: { id: personId } }),
  });
}

function useGoalsInvalidation(personId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: growthKeys.goals(personId) });
}

export function useCreateGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: (body: TCreateGoalBody) => apiClient.call(goalsEndpoints.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: TUpdateGoalBody }) =>
      apiClient.call(goalsEndpoints.update, { params: { goalId }, body }),
    onSuccess: invalidate,
  });
}

export function useCheckInGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: TCheckInBody }) =>
      apiClient.call(goalsEndpoints.checkIn, { params: { goalId }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: (goalId: string) => apiClient.call(goalsEndpoints.delete, { params: { goalId } }),
    onSuccess: invalidate,
  });
}
