import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { LIMITS, type Endpoint, type EndpointOutput } from "@ascent/contract";
import { AppError, AUTHENTICATED, type Access, type Policy, type Viewer } from "@ascent/core";
import { assertStorableRequest } from "./middleware/storable-text.ts";
import type { z } from "zod";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<E extends Endpoint> {
  params: Parsed<NonNullable<E["params"]>>;
  query: Parsed<NonNullable<E["query"]>>;
  /** For upload endpoints, the raw file bytes. */
  body: E extends { upload: true } ? Buffer : Parsed<NonNullable<E["body"]>>;
  /** On public routes this is null at run time; their handlers do not read it. */
  viewer: Viewer;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface FileDownload {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

/**
 * A response body checked against its endpoint's schema and turned into JSON once, so that a result
 * kept in memory is not checked and serialised again on every request. Make one with SerializedResponse.of.
 */
export class SerializedResponse {
  /** Bytes rather than a string: sending them needs no length count or encoding each time. */
  private constructor(readonly json: Buffer) {}

  static of<E extends Endpoint>(endpoint: E, value: EndpointOutput<E>): SerializedResponse {
    const checked = endpoint.response.safeEncode(value);
    if (!checked.success) {
      throw new AppError("internal", `The response of ${endpoint.path} does not match its schema`);
    }
    return new SerializedResponse(Buffer.from(JSON.stringify(checked.data), "utf8"));
  }
}

type RouteOutput<E extends Endpoint> = E extends { download: true }
  ? FileDownload
  : EndpointOutput<E> | SerializedResponse;

export interface RouteSpec<E extends Endpoint = Endpoint> {
  endpoint: E;
  policy: Policy;
  handler: (input: RouteInput<E>) => Promise<RouteOutput<E>>;
}

export function route<E extends Endpoint>(spec: RouteSpec<E>): RouteSpec {
  return spec as unknown as RouteSpec;
}

function sendDownload(reply: FastifyReply, file: FileDownload): FastifyReply {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`)
    .send(file.content);
}

/** Core decides: the route only names the policy and where the subject's id is. */
function authorize(spec: RouteSpec, request: FastifyRequest, access: Access): Promise<void> {
  const { policy } = spec;
  if (policy.kind !== "subject") return access.authorize(request.viewer, policy);
  const subjectId = (request.params as Record<string, string>)[policy.param];
  if (!subjectId) throw new AppError("internal", `Route ${spec.endpoint.path} has no :${policy.param} parameter`);
  return access.authorize(request.viewer, policy, subjectId);
}

/**
 * Before the request is validated: a caller the policy refuses outright (nobody signed in, or not an
 * admin) learns nothing of the schema, and text PostgreSQL cannot store is refused for every route.
 * Policies about a subject are decided after validation, once the subject's id is known to be sound.
 */
async function guardBeforeValidation(spec: RouteSpec, request: FastifyRequest, access: Access): Promise<void> {
  await access.authorize(request.viewer, spec.policy.kind === "subject" ? AUTHENTICATED : spec.policy);
  assertStorableRequest(request);
}

function toRouteOptions(spec: RouteSpec, access: Access): RouteOptions {
  const { endpoint } = spec;
  const status = endpoint.successStatus ?? 200;
  return {
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body && !endpoint.upload ? { body: endpoint.body } : {}),
      ...(endpoint.download ? {} : { response: { [status]: endpoint.response } }),
    },
    preValidation: (request) => guardBeforeValidation(spec, request, access),
    handler: async (request, reply) => {
      await authorize(spec, request, access);
      const result = await spec.handler({
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        viewer: request.viewer as Viewer,
        request,
        reply,
      });
      if (endpoint.download) return sendDownload(reply, result as FileDownload);
      reply.status(status);
      if (result instanceof SerializedResponse) return reply.type("application/json; charset=utf-8").send(result.json);
      return status === 204 ? reply.send() : result;
    },
  };
}

export function registerRoutes(app: FastifyInstance, routes: RouteSpec[], access: Access): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const spec of routes.filter((r) => !r.endpoint.upload)) typed.route(toRouteOptions(spec, access));
  const uploads = routes.filter((r) => r.endpoint.upload);
  // File uploads take any content type as raw bytes, with their own size limit; the JSON routes
  // keep the strict JSON parser because content-type parsers are scoped to this child context.
  void app.register(async (child) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: LIMITS.uploadBytes }, (_request, body, done) =>
      done(null, body),
    );
    for (const spec of uploads) child.withTypeProvider<ZodTypeProvider>().route(toRouteOptions(spec, access));
  });
}
