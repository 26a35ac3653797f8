import type { Command } from "commander";
import type { TCycleProgress } from "@ascent/contract";
import { findCycle } from "../cycle-ref.ts";
import { printResult } from "../output.ts";
import { addServerOptions, withServer } from "../server-connection.ts";
import { formatTable, styleFor } from "../terminal.ts";

type Counts = NonNullable<TCycleProgress["byPhase"]["self"]>;
const countCells = (c: Counts) => [String(c.done), String(c.inProgress), String(c.notStarted), String(c.late)];
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

function describe(progress: TCycleProgress): string {
  const style = styleFor(process.stdout);
  const { cycle } = progress;
  const phases = formatTable([
    ["Phase", "Opens", "Due", "Closed"],
    ...cycle.phases.map((p) => [p.kind, day(p.opensAt), day(p.dueAt), day(p.closedAt)]),
  ]);
  const byPhase = formatTable(
    [
      ["Phase", "Done", "In progress", "Not started", "Late"],
      ...Object.entries(progress.byPhase).map(([kind, counts]) => [kind, ...countCells(counts)]),
    ],
    [1, 2, 3, 4],
  );
  const byManager = formatTable(
    [
      ["Manager", "Done", "In progress", "Not started", "Late"],
      ...progress.byManager.map((m) => [m.manager?.name ?? "(none)", ...countCells(m.counts)]),
    ],
    [1, 2, 3, 4],
  );
  const bold = ([header = "", ...rows]: string[]) => [style.bold(header), ...rows];
  return [
    style.bold(`${cycle.name} (${cycle.status}) · ${progress.total} people`),
    "",
    ...bold(phases),
    "",
    ...bold(byPhase),
    "",
    ...bold(byManager),
    "",
    `To remind: ${progress.reminders.total}` + (progress.reminders.total ? ` (${progress.reminders.late} late)` : ""),
  ].join("\n");
}

export function registerCycleStatus(cycle: Command): void {
  const command = cycle
    .command("status")
    .description("a review cycle's progress by phase and manager (admins: everyone; managers: their chain)")
    .argument("<cycle>", "the cycle's id or name")
    .option("--json", "print the same object the API returns");
  addServerOptions(command)
    .addHelpText("after", '\nExamples:\n  ascent cycle status "Spring review"\n  ascent cycle status <id> --json')
    .action(async (ref: string, options: { json?: boolean }) => {
      const { endpoints } = await import("@ascent/contract");
      const progress = await withServer(async (server) => {
        const found = await findCycle(server, ref);
        return server.call(endpoints.cycles.progress, { params: { cycleId: found.id } });
      });
      printResult(options, progress, () => describe(progress));
    });
}
