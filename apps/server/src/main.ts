import type { FastifyInstance } from "fastify";
import { migrate, openDatabase, type DatabaseHandle } from "@ascent/db";
import { buildApp, buildServices } from "./app.ts";
import { loadBuiltinLadder } from "./builtin-ladder.ts";
import type { ServerConfig } from "./config.ts";

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Prepares an open database: migrations, then the built-in ladder. */
export async function prepareDatabase(database: DatabaseHandle): Promise<void> {
  await migrate(database);
  await buildServices(database).frameworks.ensureBuiltin(await loadBuiltinLadder());
}

/** The composition root: picks the driver, prepares the database, starts listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    const app = await buildApp({ database, logLevel: config.logLevel, webDist: config.webDist });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      url: `http://${host}:${port}`,
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
