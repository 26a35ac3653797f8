import type { ApiClient, ApiError, Endpoint, EndpointInput, EndpointOutput } from "@ascent/contract";
import type * as ContractModule from "@ascent/contract";
import { isApiError } from "./api-error.ts";

// The contract carries every zod schema of the API (and zod itself): about a third of the app's
// first-load JavaScript. The first page renders without it, so it is loaded on the side: main.tsx
// starts the download at once and every call waits for it. Modules of lazily loaded pages may
// import the contract directly; modules in the first chunk reach endpoints through callEndpoint.

type Contract = typeof ContractModule;

let contract: Promise<Contract> | undefined;

export function loadContract(): Promise<Contract> {
  contract ??= import("@ascent/contract");
  return contract;
}

/** The header every signed-in change must carry; the server compares it with the session's token. */
export const CSRF_HEADER = "x-csrf-token";

let csrfToken: string | null = null;

/** Called whenever the app learns who is signed in (or that nobody is). */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

let client: Promise<ApiClient> | undefined;

function loadClient(): Promise<ApiClient> {
  client ??= loadContract().then(({ createApiClient }) => createApiClient({ headers: csrfHeaders }));
  return client;
}

/**
 * The one API client of the web app (the contract's createApiClient): same-origin, so the session
 * cookie travels with every call, and every call carries the CSRF token once the session is known.
 */
export const apiClient = {
  async call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
    return (await loadClient()).call(endpoint, input);
  },
};

/**
 * An endpoint picked from the contract once it has loaded, for modules of the first chunk:
 * `lazyEndpoint((c) => c.frameworkEndpoints.list).call()`.
 */
export function lazyEndpoint<E extends Endpoint>(pick: (contract: Contract) => E) {
  return {
    call: async (input?: EndpointInput<E>): Promise<EndpointOutput<E>> =>
      apiClient.call(pick(await loadContract()), input),
  };
}

/** True for the API's "you are not signed in" answer, which sends the user to the sign-in page. */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Sends a file as the raw request body (the contract client speaks JSON only), with the same
 * cookie and CSRF header as every other call, and parses errors back into ApiError.
 */
export async function uploadFile<T>(path: string, query: Record<string, string | undefined>, file: File): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") search.set(key, value);
  const response = await fetch(`${path}?${search.toString()}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": file.type || "application/octet-stream", ...csrfHeaders() },
    body: file,
  });
  const body = parseJson(await response.text());
  if (!response.ok) {
    const { ApiError: ApiErrorClass } = await loadContract();
    const error = (body ?? {}) as { error?: string; message?: string; details?: ApiError["details"] };
    throw new ApiErrorClass(
      response.status,
      error.error ?? "unexpected_response",
      error.message ?? `HTTP ${response.status}`,
      error.details,
    );
  }
  return body as T;
}
