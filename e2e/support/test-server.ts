import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startServer, type RunningServer, type ServerConfig } from "@ascent/server";

/** Three attempts, each at once after the one before, so that a test reaches the dead-letter list without waiting. */
const DRAINED_BY_HAND: Pick<ServerConfig, "runJobWorkers" | "jobRetry"> = {
  runJobWorkers: false,
  jobRetry: { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false, retryDelayMaxSeconds: 0 },
};

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
  options: {
    databaseUrl?: string;
    demo?: boolean;
    now?: () => Date;
    /** More environment, such as SMTP_URL and MAIL_FROM. */
    env?: Record<string, string>;
    /** Jobs run only when the test calls drainJobs(), and a failed one is retried at once. */
    drainJobsByHand?: boolean;
  } = {},
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
      ...options.env,
    }),
    databaseUrl: options.databaseUrl,
    now: options.now,
    ...(options.drainJobsByHand ? DRAINED_BY_HAND : {}),
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
