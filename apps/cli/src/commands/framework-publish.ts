import type { Command } from "commander";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

export function registerFrameworkPublish(framework: Command): void {
  const command = framework
    .command("publish")
    .description("publish a framework's draft as its next immutable version")
    .argument("<framework>", "framework slug or id")
    .option("--note <text>", "release note stored with the version")
    .option("--json", "print the published version as JSON");
  addServerOptions(command).action(async (ref: string, options: { note?: string; json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const published = await withServer(async (server) => {
      const version = await server.call(endpoints.frameworkAdmin.publish, {
        params: { framework: ref },
        body: options.note === undefined ? {} : { note: options.note },
      });
      return {
        slug: version.document.slug,
        name: version.document.name,
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
