import type { Command } from "commander";
import { formatDemoLogins } from "./seed-demo.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the web app and API (embedded database unless DATABASE_URL is set)")
    .option("-p, --port <port>", "port to listen on (env PORT, default 3000)")
    .option("--host <host>", "interface to bind (env HOST, default 127.0.0.1)")
    .action(async (options: { port?: string; host?: string }) => {
      const { loadConfig, startServer } = await import("@ascent/server");
      const config = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      });
      const server = await startServer(config);
      const where = server.database.driver === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
      process.stdout.write(`\nAscent is running at ${server.url}  (${where})\n`);
      if (server.firstAdminLink) {
        process.stdout.write(
          `\nFirst start: an administrator account was created (admin@ascent.local).\n` +
            `Open this one-time link to choose its password. It is shown only now:\n\n  ${server.firstAdminLink}\n`,
        );
      }
      if (server.demoLogins) process.stdout.write(formatDemoLogins(server.demoLogins));
      process.stdout.write("\nPress Ctrl+C to stop.\n\n");
      const stop = (signal: string) => {
        server.app.log.info({ signal }, "shutting down");
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            server.app.log.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
}
