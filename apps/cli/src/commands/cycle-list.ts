import type { Command } from "commander";
import { printResult } from "../output.ts";
import { addServerOptions, withServer } from "../server-connection.ts";
import { formatTable, styleFor } from "../terminal.ts";

const day = (iso: string) => iso.slice(0, 10);

export function registerCycleList(cycle: Command): void {
  const command = cycle
    .command("list")
    .description("list the review cycles, newest first")
    .option("--json", "print the same object the API returns");
  addServerOptions(command).action(async (options: { json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const result = await withServer((server) => server.call(endpoints.cycles.list));
    printResult(options, result, () => {
      if (result.cycles.length === 0) return "No review cycles yet.";
      const style = styleFor(process.stdout);
      const [header = "", ...lines] = formatTable([
        ["Name", "Status", "Starts", "Ends", "Id"],
        ...result.cycles.map((c) => [c.name, c.status, day(c.startsAt), day(c.endsAt), c.id]),
      ]);
      return [style.bold(header), ...lines].join("\n");
    });
  });
}
