import type { Command } from "commander";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { withDatabase } from "../with-database.ts";

export function registerFrameworkPublish(framework: Command): void {
  framework
    .command("publish")
    .description("publish a framework's draft as its next immutable version")
    .argument("<framework>", "framework slug or id")
    .option("--note <text>", "release note stored with the version")
    .option("--json", "print the published version as JSON")
    .action(async (ref: string, options: { note?: string; json?: boolean }) => {
      const published = await withDatabase(async ({ services }) => {
        const version = await services.frameworkEditor.publish(
          ref,
          options.note === undefined ? {} : { note: options.note },
        );
        const record = await services.frameworks.resolve(ref);
        return {
          slug: record.slug,
          name: record.name,
          version: version.version,
          status: version.status,
          note: version.note,
        };
      });
      printResult(options, published, () =>
        styleFor(process.stdout).green(
          `✓ Published "${published.name}" (${published.slug}) as version ${published.version}.`,
        ),
      );
    });
}
