import type { Command } from "commander";
import type { SyntheticSeedPhase, SyntheticSeedResult } from "@ascent/synthetic";
import { CliError } from "../cli-error.ts";
import { printResult } from "../output.ts";
import { styleFor } from "../terminal.ts";
import { withDatabase } from "../with-database.ts";

interface SyntheticOptions {
  people: number;
  force?: boolean;
  json?: boolean;
}

const PHASE_LABELS: Record<SyntheticSeedPhase, string> = {
  people: "People   ",
  ratings: "Ratings  ",
  readiness: "Readiness",
};

interface Progress {
  update(phase: SyntheticSeedPhase, done: number, total: number): void;
  stop(): void;
}

/** One bar per phase on standard error, only when it is a terminal: piped output and tests see none. */
async function createProgress(): Promise<Progress> {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import("cli-progress");
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let current: SyntheticSeedPhase | undefined;
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new cliProgress.SingleBar({
          format: `${PHASE_LABELS[phase]} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`,
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(total, 0);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function parsePeople(value: string): number {
  const people = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(people)) {
    throw new CliError(`--people must be a whole number, got "${value}"`);
  }
  return people;
}

const count = (n: number) => n.toLocaleString("en-US");

type SyntheticCommandResult = SyntheticSeedResult & { firstAdminPath: string | null };

function describeResult(result: SyntheticCommandResult): string {
  const style = styleFor(process.stdout);
  const removed =
    result.removedPeople > 0
      ? `\nThe earlier synthetic organisation (${count(result.removedPeople)} people) was removed first.`
      : "";
  const note = result.firstAdminPath
    ? `\n\nThe database was empty, so an administrator account was created (admin@ascent.local).\n` +
      `Open ${result.firstAdminPath} on the server's address to choose its password. It is shown only now.`
    : "";
  return (
    style.green(`✓ Generated a synthetic organisation of ${count(result.people)} people.`) +
    `\n  ${count(result.ratings)} ratings in ${count(result.assessments)} submitted assessments` +
    ` (self, manager and ${count(result.feedbackRequests)} closed feedback requests)` +
    `\n  ${count(result.snapshots)} readiness snapshots` +
    `\n  written in ${result.seconds.insert.toFixed(1)} s, readiness computed in ${result.seconds.readiness.toFixed(1)} s` +
    `\n  the CPO at the root of the reporting chain: ${result.root.email}` +
    removed +
    note
  );
}

/** Adds `synthetic --people N [--force] [--json]` to the `seed` command. */
export function addSyntheticSubcommand(seedCommand: Command): void {
  seedCommand
    .command("synthetic")
    .description(
      "generate an invented organisation for benchmarks: N people, each rated on every competency by 5 colleagues",
    )
    .option("--people <n>", "how many people", parsePeople, 10_000)
    .option("--force", "generate even when the database already has people (replaces an earlier synthetic one)")
    .option("--json", "print the result as JSON")
    .action(async (options: SyntheticOptions) => {
      const result = await withDatabase(
        async ({ database, services }): Promise<SyntheticCommandResult> => {
          const { prepareDatabase } = await import("@ascent/server");
          const { seedSyntheticOrganisation } = await import("@ascent/synthetic");
          // On an empty database the first admin's one-time link must be shown, as `seed demo` does.
          const { firstAdminToken } = await prepareDatabase(database, { loadDemo: false });
          const progress = await createProgress();
          try {
            const seeded = await seedSyntheticOrganisation(
              database,
              { people: options.people, force: options.force === true, onProgress: progress.update },
              services,
            );
            return { ...seeded, firstAdminPath: firstAdminToken ? `/welcome/${firstAdminToken}` : null };
          } finally {
            progress.stop();
          }
        },
        { prepare: false },
      );
      printResult(options, result, () => describeResult(result));
    });
}
