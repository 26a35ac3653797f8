import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startServer, type RunningServer } from "@ascent/server";

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server on a free port with a fresh embedded database in a temp folder,
 * or on PostgreSQL when `databaseUrl` is given. The built web app is served when present.
 * The demo organisation stays out unless `demo: true`, so tests start from an empty organisation.
 * `now` is the server's clock (see test-clock.ts); the real one when left out.
 */
export async function startTestServer(
  options: { databaseUrl?: string; demo?: boolean; now?: () => Date } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "ascent-e2e-"));
  const config = {
    ...loadConfig({
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      ASCENT_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ASCENT_DEMO: options.demo ? "1" : "0",
    }),
    databaseUrl: options.databaseUrl,
    now: options.now,
  };
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
