import { endpoints, type TReviewCycle } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { cycleKeys } from "./cycle-queries.ts";

// A cycle's admin controls (phase deadlines, closing, reopening, release) and its acknowledgements.
// Every change refreshes the whole cycle family: the progress page carries the cycle and its phases.

type TPhaseKind = TReviewCycle["phases"][number]["kind"];

const acknowledgementsKey = (cycleId: string) => [...cycleKeys.all, "acknowledgements", cycleId] as const;

function useCycleMutation<TInput, TOutput>(call: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    // After a refusal too: a 409 means the cycle changed elsewhere, and the page should show how.
    onSettled: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}

export function useExtendPhase(cycleId: string) {
  return useCycleMutation(({ kind, dueAt }: { kind: TPhaseKind; dueAt: string }) =>
    apiClient.call(endpoints.cycles.extendPhase, { params: { cycleId, kind }, body: { dueAt } }),
  );
}

export function useClosePhase(cycleId: string) {
  return useCycleMutation((kind: TPhaseKind) =>
    apiClient.call(endpoints.cycles.closePhase, { params: { cycleId, kind } }),
  );
}

export function useReopenPhase(cycleId: string) {
  return useCycleMutation((kind: TPhaseKind) =>
    apiClient.call(endpoints.cycles.reopenPhase, { params: { cycleId, kind } }),
  );
}

export function useReleaseCycle(cycleId: string) {
  return useCycleMutation(() => apiClient.call(endpoints.cycles.release, { params: { cycleId } }));
}

/** Who has acknowledged their results: everyone for an admin, the reporting chain for a manager (403 otherwise). */
export function useCycleAcknowledgements(cycleId: string) {
  return useQuery({
    queryKey: acknowledgementsKey(cycleId),
    queryFn: () => apiClient.call(endpoints.cycles.acknowledgements, { params: { cycleId } }),
    retry: false,
  });
}
