import type { FastifyInstance } from "fastify";
import { migrate, openDatabase, type DatabaseHandle } from "@ascent/db";
import { buildApp, buildServices } from "./app.ts";
import { loadBuiltinLadder } from "./builtin-ladder.ts";
import type { ServerConfig } from "./config.ts";
import { seedDemo, type DemoLogins } from "./demo/seed-demo.ts";

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** On the first start with an empty database: the new admin's one-time sign-in link. */
  firstAdminLink: string | null;
  /** When this start loaded the demo organisation: its logins and their shared password. */
  demoLogins: DemoLogins | null;
  close(): Promise<void>;
}

export interface PrepareOptions {
  /** Load the demo organisation when this is the first start on an empty database. */
  loadDemo: boolean;
  /** The clock (link expiry, demo dates); the real one unless a test moves it. */
  now?: () => Date;
}

/**
 * Prepares an open database: migrations, the built-in ladder, and on an empty database the first
 * admin, whose one-time link token is returned (null otherwise), and the demo organisation when
 * `loadDemo` is on, whose logins are returned (null otherwise).
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  options: PrepareOptions = { loadDemo: false },
): Promise<{ firstAdminToken: string | null; demoLogins: DemoLogins | null }> {
  await migrate(database);
  const services = buildServices(database, { now: options.now });
  await services.frameworks.ensureBuiltin(await loadBuiltinLadder());
  const firstAdmin = await services.accounts.ensureFirstAdmin();
  // Only a first start on an empty database gets the demo: nobody but the admin just created.
  const isEmptyOrganisation = firstAdmin !== null && (await services.people.countAll()) === 1;
  let demoLogins: DemoLogins | null = null;
  if (options.loadDemo && isEmptyOrganisation) {
    const { password, logins } = await seedDemo(services, { database });
    demoLogins = { password, logins };
  }
  return { firstAdminToken: firstAdmin?.token ?? null, demoLogins };
}

/** The composition root: picks the driver, prepares the database, starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { firstAdminToken, demoLogins } = await prepareDatabase(database, {
      loadDemo: config.loadDemo,
      now: config.now,
    });
    const app = await buildApp({
      database,
      logLevel: config.logLevel,
      webDist: config.webDist,
      trustProxy: config.trustProxy,
      now: config.now,
    });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
    let closing: Promise<void> | undefined;
    const url = `http://${host}:${port}`;
    return {
      app,
      database,
      url,
      firstAdminLink: firstAdminToken ? `${url}/welcome/${firstAdminToken}` : null,
      demoLogins,
      close() {
        closing ??= (async () => {
          await app.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
