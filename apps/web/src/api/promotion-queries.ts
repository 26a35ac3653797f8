import { buildPath, endpoints, type TPromotionCaseView } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

export const promotionKeys = {
  all: ["promotions"] as const,
  list: (filter: PipelineFilter) => ["promotions", "list", filter] as const,
  case: (id: string) => ["promotions", "case", id] as const,
  packet: (id: string) => ["promotions", "packet", id] as const,
  committees: () => ["promotions", "committees"] as const,
  stats: () => ["promotions", "stats"] as const,
};

/** The pipeline's filters; an empty string is "any". */
export interface PipelineFilter {
  cycleId: string;
  toLevelId: string;
  team: string;
}

export function usePromotionCases(filter: PipelineFilter) {
  return useQuery({
    queryKey: promotionKeys.list(filter),
    queryFn: () =>
      apiClient.call(endpoints.promotions.list, {
        query: {
          limit: 500,
          ...(filter.cycleId ? { cycleId: filter.cycleId } : {}),
          ...(filter.toLevelId ? { toLevelId: filter.toLevelId } : {}),
          ...(filter.team ? { team: filter.team } : {}),
        },
      }),
  });
}

export function usePromotionCase(id: string) {
  return useQuery({
    queryKey: promotionKeys.case(id),
    queryFn: () => apiClient.call(endpoints.promotions.get, { params: { id } }),
  });
}

export function usePromotionPacket(id: string, isEnabled: boolean) {
  return useQuery({
    queryKey: promotionKeys.packet(id),
    queryFn: () => apiClient.call(endpoints.promotions.packet, { params: { id } }),
    enabled: isEnabled,
  });
}

export function usePromotionCommittees() {
  return useQuery({
    queryKey: promotionKeys.committees(),
    queryFn: () => apiClient.call(endpoints.promotions.committees),
  });
}

export function usePromotionStats(cycleId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...promotionKeys.stats(), cycleId],
    queryFn: () => apiClient.call(endpoints.promotions.stats, { query: cycleId ? { cycleId } : {} }),
    enabled: isEnabled,
  });
}

/** Every change answers with the case as the caller may now see it; the lists and packet are read again. */
function useCaseMutation<Input>(id: string, run: (input: Input) => Promise<TPromotionCaseView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      queryClient.setQueryData(promotionKeys.case(id), view);
      void queryClient.invalidateQueries({ queryKey: promotionKeys.all });
    },
  });
}

export function useNominate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personId: string; toLevelId: string }) =>
      apiClient.call(endpoints.promotions.nominate, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promotionKeys.all }),
  });
}

export function useRequestNomination() {
  return useMutation({
    mutationFn: (body: { toLevelId: string; note: string }) =>
      apiClient.call(endpoints.promotions.requestNomination, { body }),
  });
}

export function useWriteCase(id: string) {
  return useCaseMutation(id, (sections: { competencyId: string; text: string }[]) =>
    apiClient.call(endpoints.promotions.writeCase, { params: { id }, body: { sections } }),
  );
}

export function useSubmitCase(id: string) {
  return useCaseMutation(id, (committeeId: string) =>
    apiClient.call(endpoints.promotions.submit, { params: { id }, body: { committeeId } }),
  );
}

export function useVote(id: string) {
  return useCaseMutation(id, (body: { vote: "approve" | "defer" | "decline"; reason: string }) =>
    apiClient.call(endpoints.promotions.vote, { params: { id }, body }),
  );
}

export function useComment(id: string) {
  return useCaseMutation(id, (body: string) =>
    apiClient.call(endpoints.promotions.comment, { params: { id }, body: { body } }),
  );
}

export function useDecide(id: string) {
  return useCaseMutation(
    id,
    (body: { outcome: "approved" | "deferred" | "declined"; rationale: string; effectiveDate?: string | null }) =>
      apiClient.call(endpoints.promotions.decide, { params: { id }, body }),
  );
}

/** Plain links the browser downloads with the session cookie. */
export const packetDownloadPath = (id: string, format: "pdf" | "md") =>
  buildPath(format === "pdf" ? endpoints.promotions.packetPdf.path : endpoints.promotions.packetMarkdown.path, { id });
