import { demoEndpoints } from "@ascent/contract";
import { useQuery } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

/** Whether the demo organisation is loaded, with its shared sign-in details (a public endpoint). */
export function useDemoStatus() {
  return useQuery({
    queryKey: ["demo"],
    queryFn: () => apiClient.call(demoEndpoints.status),
    staleTime: 5 * 60_000,
  });
}
