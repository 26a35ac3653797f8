import { useQuery } from "@tanstack/react-query";
import { callEndpoint } from "./client.ts";

/** Whether the demo organisation is loaded, with its shared sign-in details (a public endpoint). */
export function useDemoStatus() {
  return useQuery({
    queryKey: ["demo"],
    queryFn: () => callEndpoint((c) => c.demoEndpoints.status),
    staleTime: 5 * 60_000,
  });
}
