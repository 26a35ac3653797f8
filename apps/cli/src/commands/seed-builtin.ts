import type { Command } from "commander";
import { loadBuiltinLadder } from "../framework-source.ts";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { withDatabase } from "../with-database.ts";

export function registerSeedBuiltin(seed: Command): void {
  seed
    .command("builtin")
    .description("load the built-in Product Management ladder unless the database already has it")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const ladder = await loadBuiltinLadder();
      const result = await withDatabase(
        async ({ database, services }) => {
          const { migrate } = await import("@ascent/db");
          await migrate(database);
          const { created, framework } = await services.frameworks.ensureBuiltin(ladder);
          return { created, slug: framework.slug, name: framework.name };
        },
        // Preparing would seed the ladder itself, and this command could no longer tell whether it was missing.
        { prepare: false },
      );
      printResult(options, result, () =>
        result.created
          ? styleFor(process.stdout).green(
              `✓ Loaded the built-in ladder "${result.name}" as ${result.slug}, version 1 (published).`,
            )
          : `The built-in ladder "${result.name}" (${result.slug}) is already in the database; nothing changed.`,
      );
    });
}
