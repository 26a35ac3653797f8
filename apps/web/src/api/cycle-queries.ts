import { endpoints, LIMITS, type TCreateCycleBody, type TPopulationFilter } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

// Review cycles: the admins' list, creation and progress, and everyone's tasks.

export const cycleKeys = {
  all: ["cycles"] as const,
  list: () => [...cycleKeys.all, "list"] as const,
  progress: (cycleId: string) => [...cycleKeys.all, "progress", cycleId] as const,
  tasks: () => [...cycleKeys.all, "tasks"] as const,
};

export function useCycles() {
  return useQuery({ queryKey: cycleKeys.list(), queryFn: () => apiClient.call(endpoints.cycles.list) });
}

export function useCycleProgress(cycleId: string) {
  return useQuery({
    queryKey: cycleKeys.progress(cycleId),
    // The counts cover everyone; the table shows the first page, the CSV every row.
    queryFn: () =>
      apiClient.call(endpoints.cycles.progress, { params: { cycleId }, query: { limit: LIMITS.pageSize.max } }),
  });
}

export function useMyCycleTasks() {
  return useQuery({ queryKey: cycleKeys.tasks(), queryFn: () => apiClient.call(endpoints.cycles.myTasks) });
}

export function usePopulationPreview() {
  return useMutation({
    mutationFn: (population: TPopulationFilter) =>
      apiClient.call(endpoints.cycles.previewPopulation, { body: { population } }),
  });
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCycleBody) => apiClient.call(endpoints.cycles.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}

/** The progress CSV, downloaded by the browser with the session cookie. */
export function cycleProgressCsvHref(cycleId: string): string {
  return endpoints.cycles.progressCsv.path.replace(":cycleId", encodeURIComponent(cycleId));
}
