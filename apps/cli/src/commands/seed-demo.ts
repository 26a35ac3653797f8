import type { Command } from "commander";
import type { DemoLogins } from "@ascent/server";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { withDatabase } from "../with-database.ts";

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

const FIRST_ADMIN_NOTE = (path: string) =>
  `\nThe database was empty, so an administrator account was created (admin@ascent.local).\n` +
  `Open ${path} on the server's address to choose its password. It is shown only now.\n`;

type DemoCommandResult = { firstAdminPath: string | null } & (
  { removed: number } | { created: boolean; peopleCount: number; password: string; logins: DemoLogins["logins"] }
);

/** Adds `demo [--remove] [--json]` to the `seed` command. */
export function addDemoSubcommand(seedCommand: Command): void {
  seedCommand
    .command("demo")
    .description("load an invented product organisation of about 60 people with demo logins, or --remove it")
    .option("--remove", "delete the demo organisation, its people and their accounts")
    .option("--json", "print the result as JSON")
    .action(async (options: { remove?: boolean; json?: boolean }) => {
      const result: DemoCommandResult = await withDatabase(
        async ({ database, services }): Promise<DemoCommandResult> => {
          const { prepareDatabase, removeDemo, seedDemo } = await import("@ascent/server");
          // Prepared here rather than by withDatabase: on an empty database the first admin's
          // one-time link must be shown, or the install would be left without a usable admin.
          const { firstAdminToken } = await prepareDatabase(database, { loadDemo: false });
          const firstAdminPath = firstAdminToken ? `/welcome/${firstAdminToken}` : null;
          if (options.remove) return { removed: await removeDemo(services), firstAdminPath };
          return { ...(await seedDemo(services, { database })), firstAdminPath };
        },
        { prepare: false },
      );
      printResult(options, result, () => {
        const note = result.firstAdminPath ? FIRST_ADMIN_NOTE(result.firstAdminPath) : "";
        if ("removed" in result) {
          return result.removed > 0
            ? `${styleFor(process.stdout).green(`✓ Removed the demo organisation (${result.removed} people).`)}${note}`
            : `There is no demo organisation in the database; nothing changed.${note}`;
        }
        const heading = result.created
          ? formatDemoLogins(result).trimStart()
          : `The demo organisation is already loaded (${result.peopleCount} people); nothing changed.\n` +
            formatLoginRows(result);
        return (
          `${heading}\nThese logins share a published password: remove the demo before real people use this install.` +
          note
        );
      });
    });
}
