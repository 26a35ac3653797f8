import type { Command } from "commander";
import type { DemoLogins } from "@ascent/server";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

function formatLoginRows(demo: DemoLogins): string {
  const width = Math.max(...demo.logins.map((login) => login.email.length));
  const rows = demo.logins.map((login) => `  ${login.email.padEnd(width)}  ${login.persona}`);
  return `Sign in as any of these invented people with the password "${demo.password}":\n\n${rows.join("\n")}\n`;
}

/** The demo logins as the server prints them on the first start that loaded the demo organisation. */
export function formatDemoLogins(demo: DemoLogins): string {
  return (
    `\nDemo organisation loaded (ASCENT_DEMO=0 to skip; \`npx ascent seed demo --remove\` to delete).\n` +
    formatLoginRows(demo)
  );
}

type DemoCommandResult =
  { removed: number } | { created: boolean; peopleCount: number; password: string; logins: DemoLogins["logins"] };

/** Adds `demo [--remove] [--json]` to the `seed` command. */
export function addDemoSubcommand(seedCommand: Command): void {
  const command = seedCommand
    .command("demo")
    .description("load an invented product organisation of about 60 people with demo logins, or --remove it")
    .option("--remove", "delete the demo organisation, its people and their accounts")
    .option("--json", "print the result as JSON");
  addServerOptions(command).action(async (options: { remove?: boolean; json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const result = await withServer((server): Promise<DemoCommandResult> =>
      options.remove ? server.call(endpoints.demo.remove) : server.call(endpoints.demo.load),
    );
    printResult(options, result, () => {
      if ("removed" in result) {
        return result.removed > 0
          ? styleFor(process.stdout).green(`✓ Removed the demo organisation (${result.removed} people).`)
          : "There is no demo organisation in the database; nothing changed.";
      }
      const heading = result.created
        ? formatDemoLogins(result).trimStart()
        : `The demo organisation is already loaded (${result.peopleCount} people); nothing changed.\n` +
          formatLoginRows(result);
      return `${heading}\nThese logins share a published password: remove the demo before real people use this install.`;
    });
  });
}
