import { oneOnOnesEndpoints, peopleEndpoints, type TOneOnOneActionItemInput } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { growthKeys } from "./growth-keys.ts";

// 1:1s: agendas, shared and private notes, action items, health checks and calendar files.

export interface Counterpart {
  id: string;
  name: string;
  relation: "manager" | "report";
}

/** The people one can hold a 1:1 with: one's own manager and one's direct reports. */
export function useCounterparts(personId: string) {
  return useQuery({
    queryKey: growthKeys.counterparts(personId),
    queryFn: async (): Promise<Counterpart[]> => {
      const [me, { reports }] = await Promise.all([
        apiClient.call(peopleEndpoints.get, { params: { id: personId } }),
        apiClient.call(peopleEndpoints.reports, { params: { id: personId }, query: { depth: "direct" } }),
      ]);
      const manager: Counterpart[] = me.manager ? [{ ...me.manager, relation: "manager" }] : [];
      return [
        ...manager,
        ...reports
          .filter((report) => report.status === "active")
          .map((report): Counterpart => ({ id: report.id, name: report.name, relation: "report" })),
      ];
    },
    staleTime: 5 * 60_000,
  });
}

export function useOneOnOnes(withId: string | null = null) {
  return useQuery({
    queryKey: growthKeys.oneOnOnes(withId),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.list, { query: withId ? { with: withId } : {} }),
  });
}

export function useOneOnOne(id: string) {
  return useQuery({
    queryKey: growthKeys.oneOnOne(id),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.get, { params: { id } }),
  });
}

export function useCreateOneOnOne() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { withPersonId: string; scheduledAt: string }) =>
      apiClient.call(oneOnOnesEndpoints.create, { body }),
    onSuccess: (created) => {
      queryClient.setQueryData(growthKeys.oneOnOne(created.id), created);
      return queryClient.invalidateQueries({ queryKey: ["one-on-ones", "list"] });
    },
  });
}

export function useUpdateOneOnOne(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sharedNotes?: string; actionItems?: TOneOnOneActionItemInput[] }) =>
      apiClient.call(oneOnOnesEndpoints.update, { params: { id }, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(growthKeys.oneOnOne(id), updated);
      return queryClient.invalidateQueries({ queryKey: ["one-on-ones", "list"] });
    },
  });
}

/** The viewer's own private notes, empty until they write some. */
export function usePrivateNotes(id: string) {
  return useQuery({
    queryKey: growthKeys.privateNotes(id),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.getPrivateNotes, { params: { id } }),
  });
}

export function useSavePrivateNotes(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiClient.call(oneOnOnesEndpoints.savePrivateNotes, { params: { id }, body: { body } }),
    onSuccess: (saved) => queryClient.setQueryData(growthKeys.privateNotes(id), saved),
  });
}

export function useRecordHealthCheck(id: string, withId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ratings: Record<string, number>) =>
      apiClient.call(oneOnOnesEndpoints.recordHealthCheck, { params: { id }, body: { ratings } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.health(withId) }),
  });
}

export function useCollaborationHealth(withId: string) {
  return useQuery({
    queryKey: growthKeys.health(withId),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.health, { query: { with: withId } }),
  });
}

/** Where the browser downloads a 1:1's calendar file; a plain link, since the file is not JSON. */
export function calendarFileUrl(id: string, repeat: "weekly" | "biweekly" | "monthly"): string {
  return `${oneOnOnesEndpoints.calendar.path.replace(":id", encodeURIComponent(id))}?repeat=${repeat}`;
}
