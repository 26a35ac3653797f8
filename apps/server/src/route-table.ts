import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Endpoint, EndpointOutput } from "@ascent/contract";
import type { z } from "zod";

/** Who may call a route. Every route states one; the People and access issue adds the rest. */
export type Policy = "public";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<E extends Endpoint> {
  params: Parsed<NonNullable<E["params"]>>;
  query: Parsed<NonNullable<E["query"]>>;
  body: Parsed<NonNullable<E["body"]>>;
  request: FastifyRequest;
}

export interface RouteSpec<E extends Endpoint = Endpoint> {
  endpoint: E;
  policy: Policy;
  handler: (input: RouteInput<E>) => Promise<EndpointOutput<E>>;
}

export function route<E extends Endpoint>(spec: RouteSpec<E>): RouteSpec<E> {
  return spec;
}

export function registerRoutes(app: FastifyInstance, routes: RouteSpec[]): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const spec of routes) {
    const { endpoint } = spec;
    typed.route({
      method: endpoint.method,
      url: endpoint.path,
      schema: {
        operationId: endpoint.operationId,
        summary: endpoint.summary,
        tags: [endpoint.tag],
        ...(endpoint.params ? { params: endpoint.params } : {}),
        ...(endpoint.query ? { querystring: endpoint.query } : {}),
        ...(endpoint.body ? { body: endpoint.body } : {}),
        response: { [endpoint.successStatus ?? 200]: endpoint.response },
      },
      handler: async (request, reply) => {
        const result = await spec.handler({
          params: request.params as never,
          query: request.query as never,
          body: request.body as never,
          request,
        });
        reply.status(endpoint.successStatus ?? 200);
        return result;
      },
    });
  }
}
