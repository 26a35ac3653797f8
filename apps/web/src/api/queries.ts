import { ApiError, endpoints } from "@ascent/contract";
import { QueryClient, useQuery } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

export type FrameworkVersionRef = number | "latest";

export const queryKeys = {
  frameworks: () => ["frameworks"] as const,
  framework: (framework: string) => ["frameworks", framework] as const,
  frameworkVersion: (framework: string, version: FrameworkVersionRef) =>
    ["frameworks", framework, "versions", version] as const,
};

/** Client errors (4xx) will not fix themselves, so only network and server failures are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
}

export function useFrameworks() {
  return useQuery({
    queryKey: queryKeys.frameworks(),
    queryFn: () => apiClient.call(endpoints.frameworks.list),
  });
}

export function useFramework(framework: string) {
  return useQuery({
    queryKey: queryKeys.framework(framework),
    queryFn: () => apiClient.call(endpoints.frameworks.get, { params: { framework } }),
  });
}

export function useFrameworkVersion(framework: string, version: FrameworkVersionRef = "latest") {
  return useQuery({
    queryKey: queryKeys.frameworkVersion(framework, version),
    queryFn: () => apiClient.call(endpoints.frameworks.getVersion, { params: { framework, version } }),
  });
}
