import { Command, CommanderError, Option } from "commander";
import { readVersion } from "./version.ts";
import { reportError } from "./cli-error.ts";
import { setConnectionOptions, type ConnectionOptions } from "./server-connection.ts";
import { registerFrameworkDiff } from "./commands/framework-diff.ts";
import { registerFrameworkExport } from "./commands/framework-export.ts";
import { registerFrameworkImport } from "./commands/framework-import.ts";
import { registerFrameworkLint } from "./commands/framework-lint.ts";
import { registerFrameworkList } from "./commands/framework-list.ts";
import { registerFrameworkPublish } from "./commands/framework-publish.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerPeopleImport } from "./commands/people-import.ts";
import { registerReadiness } from "./commands/readiness.ts";
import { registerSeedBuiltin } from "./commands/seed-builtin.ts";
import { addDemoSubcommand } from "./commands/seed-demo.ts";
import { addSyntheticSubcommand } from "./commands/seed-synthetic.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTitlesResolve } from "./commands/titles-resolve.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerExport } from "./commands/export.ts";
import { registerPromotion } from "./commands/promotion.ts";
import { registerCycleExport } from "./commands/cycle-export.ts";
import { registerCycleList } from "./commands/cycle-list.ts";
import { registerCycleStatus } from "./commands/cycle-status.ts";

const program = new Command()
  .name("ascent")
  .description("Ascent: career progression for product organisations")
  .version(readVersion(), "-v, --version")
  .option("--debug", "print stack traces on errors")
  .option("--server <url>", "the Ascent server for data commands (env ASCENT_SERVER)")
  .option("--token <token>", "an API token for that server (env ASCENT_TOKEN)")
  // Program options are read before the command only, so that `framework export --version 2`
  // reaches the command instead of printing Ascent's version.
  .enablePositionalOptions()
  .showHelpAfterError()
  .exitOverride()
  // --server and --token may come before the command or after it.
  .hook("preAction", (_program, command) => setConnectionOptions(command.optsWithGlobals<ConnectionOptions>()));

registerServe(program);
registerMigrate(program);
registerBackup(program);
registerRestore(program);
registerExport(program);

const framework = program.command("framework").description("lint, import, export, diff and publish career frameworks");
registerFrameworkLint(framework);
registerFrameworkImport(framework);
registerFrameworkPublish(framework);
registerFrameworkList(framework);
registerFrameworkExport(framework);
registerFrameworkDiff(framework);

const titles = program.command("titles").description("place job titles on a framework's ladder");
registerTitlesResolve(titles);

registerPeopleImport(program);
registerReadiness(program);
registerPromotion(program);

const cycle = program.command("cycle").description("follow review cycles: list, progress and CSV export");
registerCycleList(cycle);
registerCycleStatus(cycle);
registerCycleExport(cycle);

const seed = program.command("seed").description("load the built-in ladder or the demo organisation into the database");
registerSeedBuiltin(seed);
addDemoSubcommand(seed);
addSyntheticSubcommand(seed);

/** --debug may also follow the command (`ascent framework lint x --debug`); every leaf command accepts it. */
function acceptDebugEverywhere(command: Command): void {
  for (const sub of command.commands) {
    if (sub.commands.length === 0) sub.addOption(new Option("--debug", "print stack traces on errors").hideHelp());
    else acceptDebugEverywhere(sub);
  }
}
acceptDebugEverywhere(program);

const isDebug = process.argv.includes("--debug");
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.exit(reportError(error, isDebug));
}
