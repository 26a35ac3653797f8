import { rename, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { printResult } from "../output.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

export function registerBackup(program: Command): void {
  const command = program
    .command("backup")
    .description("write a consistent backup of the whole database, while the server runs (admin)")
    .requiredOption("--out <file>", "the backup file to write (a .zip with manifest.json and the dump)")
    .option("--json", "print the result as JSON");
  addServerOptions(command).action(async (options: { out: string; json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const file = await withServer((server) => server.download(endpoints.backups.create));
    // Written beside the target and renamed, so that a half-written file never carries the name.
    const partial = `${options.out}.partial`;
    await writeFile(partial, file.bytes);
    await rename(partial, options.out);
    printResult(
      options,
      { file: options.out, bytes: file.bytes.byteLength },
      () => `Wrote a backup to ${options.out} (${(file.bytes.byteLength / 1024).toFixed(1)} kB).`,
    );
  });
}
