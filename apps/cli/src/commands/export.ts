import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { printResult } from "../output.ts";

/**
 * The canonical export: every table as one JSON file of sorted rows, to compare two databases byte for
 * byte (before a backup and after its restore). It holds everything, private notes included, so it is
 * an operator's tool on the database itself, like `migrate`, and not an API an admin could call.
 */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write every table as sorted JSON, one file per table (stop the server on the embedded database)")
    .requiredOption("--out <dir>", "the folder to write into")
    .option("--json", "print the result as JSON")
    .action(async (options: { out: string; json?: boolean }) => {
      const [{ openDatabase, canonicalExport }, { loadConfig }] = await Promise.all([
        import("@ascent/db"),
        import("@ascent/server/config"),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      let files: Map<string, string>;
      try {
        files = await canonicalExport(database);
      } finally {
        await database.close();
      }
      await mkdir(options.out, { recursive: true });
      for (const [name, text] of files) await writeFile(join(options.out, name), text);
      printResult(
        options,
        { out: options.out, files: [...files.keys()] },
        () => `Wrote ${files.size} tables to ${options.out}.`,
      );
    });
}
