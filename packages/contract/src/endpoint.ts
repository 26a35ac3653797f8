import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API operation. The server registers routes from these, the typed client calls them,
 * and the OpenAPI document is generated from them: one definition, three uses.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** Fastify-style path, e.g. /api/frameworks/:id */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  successStatus?: 200 | 201 | 202 | 204;
  /** The body is a raw file (any content type), not JSON. */
  upload?: boolean;
  /** The response is a file download, not JSON. */
  download?: boolean;
}

export function defineEndpoint<E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

export type EndpointInput<E> = (E extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : { params?: never }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: never }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: never });

export type EndpointOutput<E> = E extends { response: infer R extends z.ZodType } ? z.output<R> : never;
