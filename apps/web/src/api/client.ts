import { ApiError, createApiClient } from "@ascent/contract";

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

/**
 * The one API client of the web app; same-origin, so the session cookie travels with every call,
 * and every call carries the CSRF token once the session is known.
 */
export const apiClient = createApiClient({ headers: csrfHeaders });

/** True for the API's "you are not signed in" answer, which sends the user to the sign-in page. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
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
    const error = (body ?? {}) as { error?: string; message?: string; details?: ApiError["details"] };
    throw new ApiError(
      response.status,
      error.error ?? "unexpected_response",
      error.message ?? `HTTP ${response.status}`,
      error.details,
    );
  }
  return body as T;
}
