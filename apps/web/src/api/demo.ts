import { useQuery } from "@tanstack/react-query";
import { lazyEndpoint } from "./client.ts";

const status = lazyEndpoint((c) => c.demoEndpoints.status);

/** Whether the demo organisation is loaded, with its shared sign-in details (a public endpoint). */
export function useDemoStatus() {
  return useQuery({
    queryKey: ["demo"],
    queryFn: () => status.call(),
    staleTime: 5 * 60_000,
  });
}
