import { ApiError, ZErrorBody } from "./errors.ts";
import type { Endpoint, EndpointInput, EndpointOutput } from "./endpoint.ts";

export interface ApiClientOptions {
  /** Origin of the server, e.g. http://127.0.0.1:3000; empty for same-origin (the web app). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Extra headers on every call, e.g. an API token or the CSRF header. */
  headers?: () => Record<string, string>;
}

export function buildPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}

function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = ZErrorBody.parse(JSON.parse(text));
    return new ApiError(response.status, body.error, body.message, body.details);
  } catch {
    return new ApiError(response.status, "unexpected_response", `HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** What an upload endpoint takes: its path and query parameters, and the file as the raw body. */
export type UploadInput<E> = Omit<EndpointInput<E>, "body"> & {
  /** A stream is sent as it is read, so that the caller can show how much has gone. */
  file: Uint8Array | Blob | ReadableStream<Uint8Array>;
  contentType?: string;
};

/** A typed client over the contract's endpoints; errors come back as ApiError. */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? "";

  async function fetchOk(
    endpoint: Endpoint,
    input: { params?: object; query?: object },
    body: { data: BodyInit; contentType: string } | null,
  ): Promise<Response> {
    const { params, query } = input;
    const url = `${baseUrl}${buildPath(endpoint.path, params as Record<string, unknown>)}${buildQuery(query as Record<string, unknown>)}`;
    const headers: Record<string, string> = { accept: "application/json", ...options.headers?.() };
    if (body) headers["content-type"] = body.contentType;
    const init: RequestInit & { duplex?: "half" } = {
      method: endpoint.method,
      headers,
      body: body?.data ?? null,
      credentials: "same-origin",
    };
    // Fetch sends a streamed body only when told that the response waits for all of it.
    if (body?.data instanceof ReadableStream) init.duplex = "half";
    const response = await doFetch(url, init);
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function send<E extends Endpoint>(
    endpoint: E,
    input: { params?: object; query?: object },
    body: { data: BodyInit; contentType: string } | null,
  ): Promise<EndpointOutput<E>> {
    const response = await fetchOk(endpoint, input, body);
    if (response.status === 204) return undefined as EndpointOutput<E>;
    return (await response.json()) as EndpointOutput<E>;
  }

  async function call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
    const { body, ...rest } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
    return send(
      endpoint,
      rest,
      body === undefined ? null : { data: JSON.stringify(body), contentType: "application/json" },
    );
  }

  /** For endpoints marked `upload`: the file goes as the raw request body. */
  async function upload<E extends Endpoint & { upload: true }>(
    endpoint: E,
    input: UploadInput<E>,
  ): Promise<EndpointOutput<E>> {
    const { file, contentType, ...rest } = input as UploadInput<E>;
    const data = file instanceof Uint8Array ? new Blob([file as Uint8Array<ArrayBuffer>]) : file;
    return send(endpoint, rest, { data, contentType: contentType ?? "application/octet-stream" });
  }

  /** For endpoints marked `download`: the file's bytes and the name the server gave it. */
  async function download<E extends Endpoint & { download: true }>(
    endpoint: E,
    input?: EndpointInput<E>,
  ): Promise<{ fileName: string | null; bytes: Uint8Array }> {
    const { body, ...rest } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
    const response = await fetchOk(
      endpoint,
      rest,
      body === undefined ? null : { data: JSON.stringify(body), contentType: "application/json" },
    );
    const disposition = response.headers.get("content-disposition") ?? "";
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
    return { fileName, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  return { call, upload, download };
}
