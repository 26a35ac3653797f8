import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error.ts";
import { isUnauthenticated } from "./client.ts";
import { markSignedOut, SESSION_KEY } from "./session.ts";

/** Client errors (4xx) will not fix themselves, so only network and server failures are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The app's query client. Any call answered 401 means the session ended (expired, signed out
 * elsewhere): the session becomes "signed out" and the route guard sends the user to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (isUnauthenticated(error) && queryKey?.[0] !== SESSION_KEY[0]) markSignedOut(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
  return queryClient;
}
