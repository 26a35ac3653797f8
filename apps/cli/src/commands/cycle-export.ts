import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { findCycle } from "../cycle-ref.ts";
import { printResult } from "../output.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

export function registerCycleExport(cycle: Command): void {
  const command = cycle
    .command("export")
    .description("write a review cycle's progress per person as CSV")
    .argument("<cycle>", "the cycle's id or name")
    .requiredOption("--out <file>", "the CSV file to write")
    .option("--json", "print the result as JSON");
  addServerOptions(command)
    .addHelpText("after", '\nExample:\n  ascent cycle export "Spring review" --out results.csv')
    .action(async (ref: string, options: { out: string; json?: boolean }) => {
      const { endpoints } = await import("@ascent/contract");
      const { found, bytes } = await withServer(async (server) => {
        const found = await findCycle(server, ref);
        const file = await server.download(endpoints.cycles.progressCsv, { params: { cycleId: found.id } });
        return { found, bytes: file.bytes };
      });
      await writeFile(options.out, bytes);
      const rows = Math.max(0, new TextDecoder().decode(bytes).trim().split(/\r?\n/).length - 1);
      printResult(
        options,
        { cycleId: found.id, out: options.out, rows },
        () => `Wrote ${rows} ${rows === 1 ? "person" : "people"} of "${found.name}" to ${options.out}.`,
      );
    });
}
