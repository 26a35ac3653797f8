import type { FastifyInstance } from "fastify";
import { migrate, openDatabase, type DatabaseHandle } from "@ascent/db";
import { buildApp, buildServices } from "./app.ts";
import { loadBuiltinLadder } from "./builtin-ladder.ts";
import type { ServerConfig } from "./config.ts";

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** On the first start with an empty database: the new admin's one-time sign-in link. */
  firstAdminLink: string | null;
  close(): Promise<void>;
}

/**
 * Prepares an open database: migrations, the built-in ladder, and on an empty database the first
 * admin, whose one-time link token is returned (null otherwise).
 */
export async function prepareDatabase(database: DatabaseHandle): Promise<{ firstAdminToken: string | null }> {
  await migrate(database);
  const services = buildServices(database);
  await services.frameworks.ensureBuiltin(await loadBuiltinLadder());
  const firstAdmin = await services.accounts.ensureFirstAdmin();
  return { firstAdminToken: firstAdmin?.token ?? null };
}

/** The composition root: picks the driver, prepares the database, starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { firstAdminToken } = await prepareDatabase(database);
    const app = await buildApp({
      database,
      logLevel: config.logLevel,
      webDist: config.webDist,
      trustProxy: config.trustProxy,
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
