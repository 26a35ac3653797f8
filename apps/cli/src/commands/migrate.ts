import type { Command } from "commander";
import { printResult } from "../output.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations and exit")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const { migrate, openDatabase } = await import("@ascent/db");
      const { loadConfig } = await import("@ascent/server/config");
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await migrate(database);
        printResult(options, { driver: database.driver, location: database.location, ...result }, () =>
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations already applied, ${database.driver}).`
            : `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")} (${database.driver}).`,
        );
      } finally {
        await database.close();
      }
    });
}
