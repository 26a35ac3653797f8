import { setImmediate as nextTick } from "node:timers/promises";
import type { Command } from "commander";
import { resolveTitle, type Framework, type TitleResolution } from "@ascent/core";
import { CliError } from "../cli-error.ts";
import { loadBuiltinLadder, loadFrameworks, parseFrameworkSpec, readFileBytes } from "../framework-source.ts";
import { printResult } from "../output.ts";
import { addServerOptions } from "../server-connection.ts";
import { styleFor } from "../terminal.ts";

interface ResolveOptions {
  file?: string;
  framework?: string;
  json?: boolean;
}

interface ResolvedTitle extends TitleResolution {
  title: string;
  levelName: string | null;
}

/** Below this many rows the work is instant and a progress bar would only flicker. */
const PROGRESS_BAR_MIN_ROWS = 200;
const CHUNK_ROWS = 250;

async function loadFramework(spec: string | undefined): Promise<Framework> {
  if (spec === undefined) return loadBuiltinLadder();
  const [loaded] = await loadFrameworks([await parseFrameworkSpec(spec)]);
  if (!loaded) throw new Error(`Framework "${spec}" did not load`);
  return loaded.framework;
}

function resolveOne(title: string, framework: Framework): ResolvedTitle {
  const resolution = resolveTitle(title, framework);
  const level = framework.levels.find((candidate) => candidate.id === resolution.levelId);
  return { title, ...resolution, levelName: level?.name ?? null };
}

function describeOne(result: ResolvedTitle): string {
  const style = styleFor(process.stdout);
  const level = result.levelName ? style.green(`${result.levelName} (${result.levelId})`) : style.yellow("no level");
  return [
    `${style.bold(result.title)} → ${level}`,
    `  confidence  ${result.confidence.toFixed(2)}`,
    `  reason      ${result.reason}`,
  ].join("\n");
}

/** The `title` column of a CSV (header matched case-insensitively), one entry per data row. */
async function readTitleColumn(fileName: string): Promise<string[]> {
  const { default: Papa } = await import("papaparse");
  const text = (await readFileBytes(fileName)).toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  // A one-column file has no delimiter to detect; Papa then reads it as comma-separated, which is right.
  const errors = parsed.errors.filter((error) => error.code !== "UndetectableDelimiter");
  if (errors.length > 0) {
    throw new CliError(`${fileName} could not be read as CSV`, {
      fileName,
      details: errors.map((error) => ({
        message: error.message,
        ...(error.row === undefined ? {} : { row: error.row + 1 }),
      })),
    });
  }
  const [header, ...rows] = parsed.data;
  const column = (header ?? []).findIndex((cell) => cell.trim().toLowerCase() === "title");
  if (!header || column === -1) {
    const found = (header ?? []).map((cell) => JSON.stringify(cell.trim())).join(", ") || "none";
    throw new CliError(`${fileName} has no "title" column in its header row (found: ${found})`);
  }
  return rows.map((row) => row[column]?.trim() ?? "");
}

async function resolveAll(titles: readonly string[], framework: Framework): Promise<ResolvedTitle[]> {
  const bar =
    process.stderr.isTTY && titles.length > PROGRESS_BAR_MIN_ROWS
      ? new (await import("cli-progress")).default.SingleBar({
          format: "Resolving titles [{bar}] {percentage}% | {value}/{total}",
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
        })
      : undefined;
  bar?.start(titles.length, 0);
  const results: ResolvedTitle[] = [];
  try {
    for (let start = 0; start < titles.length; start += CHUNK_ROWS) {
      for (const title of titles.slice(start, start + CHUNK_ROWS)) results.push(resolveOne(title, framework));
      bar?.update(results.length);
      // Resolving is synchronous; yielding between chunks lets the bar redraw.
      if (bar) await nextTick();
    }
  } finally {
    bar?.stop();
  }
  return results;
}

async function toCsv(results: readonly ResolvedTitle[]): Promise<string> {
  const { default: Papa } = await import("papaparse");
  const data = results.map((result) => [
    result.title,
    result.levelName ?? "",
    result.confidence.toFixed(2),
    result.reason,
  ]);
  // escapeFormulae: a title such as "=HYPERLINK(…)" must stay text when the CSV is opened in a spreadsheet.
  return `${Papa.unparse({ fields: ["title", "level", "confidence", "reason"], data }, { newline: "\n", escapeFormulae: true })}\n`;
}

export function registerTitlesResolve(titles: Command): void {
  const command = titles
    .command("resolve")
    .description("place a job title (or a CSV column of them) on a framework's ladder")
    .argument("[title]", 'the job title, e.g. "Group PM"')
    .option("--file <csv>", "resolve every row of the CSV's title column; writes a CSV to standard output")
    .option("--framework <ref>", "framework slug, <slug>@<version> or a framework file (default: the built-in ladder)")
    .option("--json", "print the resolution(s) as JSON");
  addServerOptions(command)
    .addHelpText(
      "after",
      '\nExamples:\n  ascent titles resolve "Group PM"\n  ascent titles resolve --file titles.csv > levels.csv',
    )
    .action(async (title: string | undefined, options: ResolveOptions) => {
      if (title !== undefined && options.file !== undefined) throw new CliError("Give a title or --file, not both");
      if (title === undefined && options.file === undefined) {
        throw new CliError('Give a title to resolve ("Group PM") or --file titles.csv');
      }
      const titlesToResolve = options.file === undefined ? undefined : await readTitleColumn(options.file);
      const framework = await loadFramework(options.framework);
      if (titlesToResolve === undefined) {
        const result = resolveOne(title ?? "", framework);
        printResult(options, result, () => describeOne(result));
        return;
      }
      const results = await resolveAll(titlesToResolve, framework);
      if (options.json) printResult(options, results, () => "");
      else process.stdout.write(await toCsv(results));
    });
}
