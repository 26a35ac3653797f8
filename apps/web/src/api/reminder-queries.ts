import { endpoints } from "@ascent/contract";
import { useMutation } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

/** An admin reminds everyone with unfinished work in the cycle's open phases (once a person a day). */
export function useRemindLatePeople(cycleId: string) {
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.reminders.remindLate, { params: { cycleId } }),
  });
}
