import type { FastifyInstance } from "fastify";
import { migrate, openDatabase, type DatabaseHandle } from "@ascent/db";
import { buildApp } from "./app.ts";
import { buildServices, type AppServices } from "./composition-root.ts";
import { loadBuiltinLadder } from "./builtin-ladder.ts";
import type { ServerConfig } from "./config.ts";
import { seedDemo, type DemoLogins } from "./demo/seed-demo.ts";
import { publishLocalAccess } from "./local-access.ts";
import { APP_VERSION } from "./version.ts";
import { jobHandlers } from "./jobs/job-handlers.ts";

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The services the app runs on, from the composition root: tests and tools share them. */
  services: AppServices;
  url: string;
  /** On the first start with an empty database: the new admin's one-time sign-in link. */
  firstAdminLink: string | null;
  /** When this start loaded the demo organisation: its logins and their shared password. */
  demoLogins: DemoLogins | null;
  /**
   * The admin API token this server issued for the command line on its machine, also written to
   * `<dataDir>/server.json`; null when there is no active admin. Revoked when the server closes.
   */
  localToken: string | null;
  /** Runs every job that is due now in this process, retries included; for tests that run no workers. */
  drainJobs(): Promise<number>;
  close(): Promise<void>;
}

export interface PrepareOptions {
  /** Load the demo organisation when this is the first start on an empty database. */
  loadDemo: boolean;
}

/**
 * Prepares an open database: migrations, the built-in ladder, and on an empty database the first
 * admin, whose one-time link token is returned (null otherwise), and the demo organisation when
 * `loadDemo` is on, whose logins are returned (null otherwise).
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  options: PrepareOptions = { loadDemo: false },
  services: AppServices = buildServices(database),
): Promise<{ firstAdminToken: string | null; demoLogins: DemoLogins | null }> {
  await migrate(database);
  await services.frameworks.ensureBuiltin(await loadBuiltinLadder());
  const firstAdmin = await services.accounts.ensureFirstAdmin();
  // Only a first start on an empty database gets the demo: nobody but the admin just created.
  const isEmptyOrganisation = firstAdmin !== null && (await services.people.countAll()) === 1;
  let demoLogins: DemoLogins | null = null;
  if (options.loadDemo && isEmptyOrganisation) {
    const { password, logins } = await seedDemo(services, { database, now: services.now });
    demoLogins = { password, logins };
  }
  return { firstAdminToken: firstAdmin?.token ?? null, demoLogins };
}

/** How long requests in flight may take to finish once shutdown starts. */
const DEFAULT_SHUTDOWN_GRACE_MS = 3_000;

/**
 * Closes the HTTP server, letting requests in flight finish. A connection that is still open after the
 * grace period (a keep-alive socket that turned idle after close began, a slow client) is cut, so a
 * SIGTERM never waits for the 72 s keep-alive timeout.
 */
async function closeWithinGrace(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => {
    app.log.warn("connections still open after the shutdown grace period; closing them");
    app.server.closeAllConnections();
  }, graceMs);
  cut.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/** Starts the server: picks the driver, wires the app from the composition root, prepares the database, listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Links in mail point here; the listening address is known only once the server listens.
  let publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const jobErrors: { log?: (error: unknown) => void } = {};
  try {
    const services = buildServices(database, {
      now: config.now,
      backupDir: config.backupDir,
      trustProxy: config.trustProxy,
      mail: config.mail,
      webhookAllowHttp: config.webhookAllowHttp,
      publicUrl: () => publicUrl,
      ...(config.jobRetry ? { jobRetry: config.jobRetry } : {}),
      // Scheduled work (backups, level changes, reminders) fires where the workers run (decisions/0011).
      runsSchedules: config.runJobWorkers !== false,
      onJobError: (error) => jobErrors.log?.(error),
    });
    const { firstAdminToken, demoLogins } = await prepareDatabase(database, { loadDemo: config.loadDemo }, services);
    const app = await buildApp({
      database,
      services,
      logLevel: config.logLevel,
      webDist: config.webDist,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
    });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
    let closing: Promise<void> | undefined;
    const url = `http://${host}:${port}`;
    publicUrl = config.publicUrl ?? url;
    jobErrors.log = (error) => app.log.error({ err: error }, "job queue error");
    if (services.mailTransport === "outbox") {
      app.log.info(
        "No SMTP_URL: mail goes to the outbox in the database, where admins read it (GET /api/admin/outbox)",
      );
    }
    if (config.runJobWorkers !== false) {
      const jobs = services.jobs;
      await (async () => {
        await jobs.schedule();
        await jobs.work(jobHandlers(services));
      })().catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
    }
    const local = await publishLocalAccess(config.dataDir, { url, version: APP_VERSION }, services.accounts).catch(
      async (error: unknown) => {
        await app.close();
        throw error;
      },
    );
    return {
      app,
      database,
      services,
      url,
      firstAdminLink: firstAdminToken ? `${url}/welcome/${firstAdminToken}` : null,
      demoLogins,
      localToken: local.access.token,
      drainJobs: () => services.jobs.drain(jobHandlers(services)),
      close() {
        closing ??= (async () => {
          await closeWithinGrace(app, config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
          await services.jobs.stop();
          try {
            // After the last request, while the database is still open.
            await local.withdraw();
          } finally {
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
