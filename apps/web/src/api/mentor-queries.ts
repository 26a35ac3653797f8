import { mentorsEndpoints } from "@ascent/contract";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// Mentor suggestions and one's own availability to mentor.

export interface MentorSearch {
  competency: string;
  target: string | undefined;
  outsideChain: boolean;
}

export function useMentorSuggestions(personId: string, search: MentorSearch | null) {
  return useQuery({
    queryKey: growthKeys.mentors(personId, search?.competency ?? "", search?.target, search?.outsideChain ?? false),
    queryFn: () =>
      apiClient.call(mentorsEndpoints.suggest, {
        params: { id: personId },
        query: {
          competency: search?.competency ?? "",
          ...(search?.target ? { target: search.target } : {}),
          ...(search?.outsideChain ? { outsideChain: "true" as const } : {}),
        },
      }),
    enabled: Boolean(search?.competency),
    placeholderData: keepPreviousData,
  });
}

export function useMentoringAvailability() {
  return useQuery({
    queryKey: growthKeys.mentoring(),
    queryFn: () => apiClient.call(mentorsEndpoints.getMyAvailability),
  });
}

export function useSetMentoringAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isAvailable: boolean) => apiClient.call(mentorsEndpoints.setMyAvailability, { body: { isAvailable } }),
    onSuccess: (availability) => queryClient.setQueryData(growthKeys.mentoring(), availability),
  });
}
