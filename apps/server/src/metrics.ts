import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { AppError, type ErrorCode } from "@ascent/core";
import { answeredErrorCodes } from "./middleware/error-handler.ts";

export const METRICS_PATH = "/metrics";

export interface MetricsSources {
  /** The per-process memo's lookups since start. */
  memo: { lookups: { hits: number; misses: number }; readonly size: number };
  /** node-postgres pool use; absent for the embedded database. */
  poolUse?: () => { total: number; idle: number; waiting: number };
  /** METRICS_TOKEN: required as a bearer token when set; without it only this machine may scrape. */
  token?: string;
}

/** The server's Prometheus metrics. One registry per app, so that test servers in one process do not mix. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"method" | "route" | "status">;
  private readonly duration: Histogram<"method" | "route">;
  private readonly errors: Counter<"code">;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "ascent_" });
    this.requests = new Counter({
      name: "ascent_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.duration = new Histogram({
      name: "ascent_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.errors = new Counter({
      name: "ascent_http_errors_total",
      help: "Error answers, by the API's error code",
      labelNames: ["code"],
      registers,
    });
    const { memo, poolUse } = sources;
    new Gauge({
      name: "ascent_cache_lookups_total",
      help: "Reads of the per-process memo since start, by result (hit rate = hit / (hit + miss))",
      labelNames: ["result"],
      registers,
      collect() {
        this.set({ result: "hit" }, memo.lookups.hits);
        this.set({ result: "miss" }, memo.lookups.misses);
      },
    });
    new Gauge({
      name: "ascent_cache_entries",
      help: "Entries kept in the per-process memo",
      registers,
      collect() {
        this.set(memo.size);
      },
    });
    if (poolUse) {
      new Gauge({
        name: "ascent_db_pool_connections",
        help: "Database pool connections, by state (waiting counts queued requests for one)",
        labelNames: ["state"],
        registers,
        collect() {
          const use = poolUse();
          this.set({ state: "total" }, use.total);
          this.set({ state: "idle" }, use.idle);
          this.set({ state: "in_use" }, use.total - use.idle);
          this.set({ state: "waiting" }, use.waiting);
        },
      });
    }
    // TODO(issue 16): job-queue depth, failures and oldest job's age, once the job queue exists.
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }

  countError(code: ErrorCode): void {
    this.errors.inc({ code });
  }
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const header = request.headers.authorization ?? "";
    if (!sameSecret(header, `Bearer ${token}`)) {
      throw new AppError("unauthenticated", "Scraping /metrics needs the METRICS_TOKEN as a bearer token");
    }
    return;
  }
  // The socket's own address, not a forwarded one: a proxy on this machine must not open it to the world.
  const isLocal = LOOPBACK.has(request.socket.remoteAddress ?? "") && request.headers["x-forwarded-for"] === undefined;
  if (!isLocal) {
    throw new AppError(
      "forbidden",
      "/metrics answers this machine only; set METRICS_TOKEN to scrape it from elsewhere",
    );
  }
}

/** Times every request by its route pattern (never its raw URL: ids would make endless series) and serves /metrics. */
export function registerMetrics(app: FastifyInstance, metrics: ServerMetrics, token: string | undefined): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "(no route)";
    if (route === METRICS_PATH) return;
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const code = answeredErrorCodes.get(request);
    if (code) metrics.countError(code);
  });
  app.get(METRICS_PATH, { schema: { hide: true }, config: { ownCredentials: true } }, async (request, reply) => {
    assertMayScrape(request, token);
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
