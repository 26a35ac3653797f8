import { endpoints } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

// A participant's part in a review cycle: nominations, the manager's decisions, and acknowledging results.

const participationKeys = {
  cycle: (cycleId: string) => ["cycles", "one", cycleId] as const,
  nominations: (cycleId: string) => ["cycles", "nominations", cycleId] as const,
  history: (personId: string) => ["cycles", "history", personId] as const,
};

/** The tasks list and the progress tables change with every nomination and acknowledgement. */
const AFFECTED = [
  ["cycles", "tasks"],
  ["cycles", "progress"],
] as const;

export function useCycle(cycleId: string) {
  return useQuery({
    queryKey: participationKeys.cycle(cycleId),
    queryFn: () => apiClient.call(endpoints.cycles.get, { params: { cycleId } }),
  });
}

/** Your own nominations in the cycle and, as a manager, your direct reports'. */
export function useCycleNominations(cycleId: string) {
  return useQuery({
    queryKey: participationKeys.nominations(cycleId),
    queryFn: () => apiClient.call(endpoints.cycles.listNominations, { params: { cycleId } }),
  });
}

function useRefreshAfter(cycleId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: participationKeys.nominations(cycleId) });
    for (const queryKey of AFFECTED) await queryClient.invalidateQueries({ queryKey });
  };
}

export function useProposeNomination(cycleId: string) {
  const refresh = useRefreshAfter(cycleId);
  return useMutation({
    mutationFn: (body: { nomineeId: string; relation: "peer" | "upward" }) =>
      apiClient.call(endpoints.cycles.propose, { params: { cycleId }, body }),
    onSuccess: refresh,
  });
}

export function useDecideNomination(cycleId: string) {
  const refresh = useRefreshAfter(cycleId);
  return useMutation({
    mutationFn: ({
      nominationId,
      ...body
    }: {
      nominationId: string;
      decision: "approve" | "reject";
      nomineeId?: string;
    }) => apiClient.call(endpoints.cycles.decide, { params: { nominationId }, body }),
    onSuccess: refresh,
  });
}

/** The cycles a person took part in, with their acknowledgement and its comment. */
export function useCycleHistory(personId: string) {
  return useQuery({
    queryKey: participationKeys.history(personId),
    queryFn: () => apiClient.call(endpoints.cycles.history, { params: { id: personId } }),
  });
}

export function useAcknowledgeResults(cycleId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      apiClient.call(endpoints.cycles.acknowledge, { params: { cycleId }, body: { comment } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.history(personId) });
      await queryClient.invalidateQueries({ queryKey: ["cycles", "tasks"] });
    },
  });
}
