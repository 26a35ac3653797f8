import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CliError } from "../cli-error.ts";
import { printResult } from "../output.ts";

/**
 * Restores into the configured database (DATABASE_URL, else ASCENT_DATA_DIR) directly: the target must
 * not be in use, so this never goes through a server. The file is checked whole before anything is written.
 */
export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description("restore a backup into an empty data folder or database (stop the server on it first)")
    .argument("<file>", "a file written by `ascent backup`")
    .option("--force", "replace what the target holds")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { force?: boolean; json?: boolean }) => {
      const [{ restoreBackup }, { loadConfig }] = await Promise.all([
        import("@ascent/db"),
        import("@ascent/server/config"),
      ]);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const config = loadConfig();
      const manifest = await restoreBackup(
        bytes,
        { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
        { force: options.force },
      );
      const where = config.databaseUrl ? "the PostgreSQL database (DATABASE_URL)" : config.dataDir;
      printResult(
        options,
        { restored: file, into: config.databaseUrl ? "postgres" : config.dataDir, manifest },
        () =>
          `Restored the backup of ${manifest.createdAt} (Ascent ${manifest.appVersion}, ` +
          `migration ${manifest.migrations.at(-1) ?? "none"}) into ${where}.`,
      );
    });
}
