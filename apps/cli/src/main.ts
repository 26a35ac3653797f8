import { Command, CommanderError } from "commander";
import { readVersion } from "./version.ts";
import { reportError } from "./cli-error.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerServe } from "./commands/serve.ts";

const program = new Command()
  .name("ascent")
  .description("Ascent: career progression for product organisations")
  .version(readVersion(), "-v, --version")
  .option("--debug", "print stack traces on errors")
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);

const isDebug = process.argv.includes("--debug");
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.exit(reportError(error, isDebug));
}
