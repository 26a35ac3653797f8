import type { Command } from "commander";
import { describeSummary, renderDiff } from "../diff-text.ts";
import { loadFrameworks, parseFrameworkSpec } from "../framework-source.ts";
import { printResult } from "../output.ts";
import { addServerOptions } from "../server-connection.ts";
import { styleFor } from "../terminal.ts";

export function registerFrameworkDiff(framework: Command): void {
  const command = framework
    .command("diff")
    .description("show what changed between two frameworks: files, or versions in the database")
    .argument(
      "<a>",
      "the older side: a file (yaml, json, csv, xlsx) or <framework>@<version>, e.g. product-management@1",
    )
    .argument("<b>", "the newer side, the same way, e.g. product-management@latest")
    .option("--json", "print {before, after, summary, diff} as JSON");
  addServerOptions(command)
    .addHelpText(
      "after",
      "\nExamples:\n  ascent framework diff ladder-old.yaml ladder.yaml\n  ascent framework diff product-management@1 product-management@latest",
    )
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      const specs = await Promise.all([parseFrameworkSpec(a), parseFrameworkSpec(b)]);
      const [before, after] = await loadFrameworks(specs);
      if (!before || !after) throw new Error("Both sides of the diff must load");
      const { diffFrameworks, summarizeDiff } = await import("@ascent/core");
      const diff = diffFrameworks(before.framework, after.framework);
      const summary = summarizeDiff(diff);
      printResult(options, { before: before.label, after: after.label, summary, diff }, () => {
        const style = styleFor(process.stdout);
        const header = style.bold(`Comparing ${before.label} → ${after.label}`);
        const total = summary.total === 0 ? "" : `${summary.total} change${summary.total === 1 ? "" : "s"}: `;
        return [header, ...renderDiff(diff, style), "", `Summary: ${total}${describeSummary(summary)}`].join("\n");
      });
    });
}
