import { basename } from "node:path";
import type { Command } from "commander";
import type { TPeopleImportPreview, TPeopleImportResult } from "@ascent/contract";
import { CliError, formatDetail } from "../cli-error.ts";
import { printResult } from "../output.ts";
import { formatTable, plural, styleFor, truncate } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

interface PeopleImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

/** Rows of each list printed; --json has up to the preview's own limit. */
const MAX_LISTED = 20;
/** Below this size the import is instant and a progress bar would only flicker. */
const PROGRESS_BAR_MIN_BYTES = 256 * 1024;

interface Progress {
  isShown: boolean;
  start(label: string, total: number): void;
  update(value: number): void;
  stop(): void;
}

/** A bar on standard error, only when it is a terminal: piped output and tests see none. */
async function createProgress(fileBytes: number): Promise<Progress> {
  if (!process.stderr.isTTY || fileBytes < PROGRESS_BAR_MIN_BYTES) {
    return { isShown: false, start: () => undefined, update: () => undefined, stop: () => undefined };
  }
  const { default: cliProgress } = await import("cli-progress");
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  return {
    isShown: true,
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar({
        format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`,
        stream: process.stderr,
        clearOnComplete: true,
        hideCursor: true,
      });
      bar.start(total, 0);
    },
    update: (value) => bar?.update(value),
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

async function fileSize(fileName: string): Promise<number> {
  const { stat } = await import("node:fs/promises");
  try {
    const info = await stat(fileName);
    if (info.isDirectory()) throw new CliError(`${fileName} is a folder, not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`No such file: ${fileName}`, { cause: error });
    if (code === "EACCES") throw new CliError(`Permission denied reading ${fileName}`, { cause: error });
    throw error;
  }
}

const count = (value: number) => value.toLocaleString("en-US");

function quoted(value: string | null): string {
  return value === null || value === "" ? "(none)" : JSON.stringify(value);
}

function describePreview(fileName: string, preview: TPeopleImportPreview): string[] {
  const style = styleFor(process.stdout);
  const lines = [style.bold(`${fileName}: ${count(preview.rowCount)} ${preview.rowCount === 1 ? "row" : "rows"}`)];
  if (preview.columns.length > 0) {
    lines.push(`  columns: ${preview.columns.map((column) => `${column.field} ← "${column.header}"`).join(", ")}`);
  }
  lines.push(
    "",
    ...formatTable(
      [
        ["New", count(preview.new.total)],
        ["Changed", count(preview.changed.total)],
        ["Unchanged", count(preview.unchanged.total)],
        ["Unmapped titles", count(preview.unmappedTitles.total)],
        ["Errors", count(preview.errors.total)],
      ],
      [1],
    ).map((line) => `  ${line}`),
  );

  const more = (shown: number, total: number) =>
    total > shown ? [style.dim(`  … and ${count(total - shown)} more (see --json)`)] : [];

  const changed = preview.changed.items.slice(0, MAX_LISTED);
  if (changed.length > 0) {
    lines.push("", style.bold(`Changed (${count(preview.changed.total)}):`));
    const rows = changed.map((row) => [
      `row ${row.row}`,
      row.email,
      row.changes.map((change) => `${change.field}: ${quoted(change.before)} → ${quoted(change.after)}`).join("; "),
    ]);
    lines.push(...formatTable(rows).map((line) => `  ${line}`), ...more(changed.length, preview.changed.total));
  }

  const unmapped = preview.unmappedTitles.items.slice(0, MAX_LISTED);
  if (unmapped.length > 0) {
    lines.push("", style.bold(`Unmapped titles (${count(preview.unmappedTitles.total)}):`));
    const rows = unmapped.map((title) => [
      JSON.stringify(truncate(title.title, 40)),
      plural(title.rows, "row"),
      title.suggestedLevelName
        ? `suggested: ${title.suggestedLevelName} (confidence ${title.confidence.toFixed(2)})`
        : `no suggestion: ${truncate(title.reason, 70)}`,
    ]);
    lines.push(...formatTable(rows).map((line) => `  ${line}`), ...more(unmapped.length, preview.unmappedTitles.total));
    lines.push(style.dim("  Map a title to a level with PUT /api/titles/overrides (admin), then import again."));
  }

  const errors = preview.errors.items;
  if (errors.length > 0) {
    lines.push("", style.bold(style.red(`Errors (${count(preview.errors.total)}):`)));
    lines.push(
      ...errors.map((issue) =>
        style.red(
          `  ${formatDetail({ row: issue.row, column: issue.column || undefined, message: issue.message }, fileName)}`,
        ),
      ),
      ...more(errors.length, preview.errors.total),
    );
  }

  if (preview.warnings.length > 0) {
    lines.push("", style.bold(`Warnings (${preview.warnings.length}):`));
    lines.push(...preview.warnings.map((warning) => style.yellow(`  ! ${warning}`)));
  }
  return lines;
}

function describeOutcome(
  fileName: string,
  options: PeopleImportOptions,
  committed: TPeopleImportResult["committed"],
): string[] {
  const style = styleFor(process.stdout);
  if (committed) {
    return [
      "",
      style.green(
        `✓ Imported ${fileName}: ${count(committed.created)} created, ${count(committed.updated)} updated, ` +
          `${count(committed.unchanged)} unchanged.`,
      ),
    ];
  }
  if (options.dryRun) return ["", "Dry run: nothing was written. Run again without --dry-run to import."];
  return [];
}

const UPLOAD_CHUNK_BYTES = 64 * 1024;

/** The file as a stream of chunks, reporting how many bytes the request has taken so far. */
function streamWithProgress(bytes: Buffer, onProgress: (sent: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(offset + UPLOAD_CHUNK_BYTES, bytes.length);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
      onProgress(offset);
    },
  });
}

/**
 * Imports through the server, in one request. A file the server refuses is previewed once more, so
 * that the rows it names print under the summary as on a dry run.
 */
async function importThrough(
  upload: (dryRun: boolean) => Promise<TPeopleImportResult>,
  dryRun: boolean,
): Promise<TPeopleImportResult> {
  if (dryRun) return upload(true);
  try {
    return await upload(false);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    const preview = await upload(true).catch(() => {
      throw error;
    });
    if (preview.preview.errors.total === 0) throw error;
    return preview;
  }
}

export function registerPeopleImport(program: Command): void {
  const people =
    program.commands.find((command) => command.name() === "people") ??
    program.command("people").description("people and the reporting lines between them");
  const command = people
    .command("import")
    .description("import people from an HRIS CSV export: an upsert by email, in one transaction")
    .argument("<file>", "CSV export with name, email and optionally title, manager (email or name) and team columns")
    .option("--dry-run", "show what would change and write nothing")
    .option("--json", "print the preview (and what was written) as JSON");
  addServerOptions(command)
    .addHelpText(
      "after",
      "\nHeaders are matched flexibly: Full Name, Work Email, Job Title, Manager / Reports To, Department…\n" +
        "Any error stops the whole import: fix the rows it names and run it again.",
    )
    .action(async (file: string, options: PeopleImportOptions) => {
      const fileName = basename(file);
      const size = await fileSize(file);
      const [{ readFile }, { endpoints, LIMITS }] = await Promise.all([
        import("node:fs/promises"),
        import("@ascent/contract"),
      ]);
      if (size > LIMITS.uploadBytes) {
        throw new CliError(
          `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB; the server takes files up to ` +
            `${LIMITS.uploadBytes / 1024 / 1024} MB. Split it into parts by team and import each.`,
        );
      }
      const bytes = await readFile(file);
      const progress = await createProgress(size);
      const result = await withServer((server) =>
        importThrough((dryRun) => {
          // The bar follows the upload; the server then plans and writes in one transaction.
          progress.start(dryRun ? "Checking" : "Importing", size);
          return server
            .upload(endpoints.peopleImport.import, {
              query: { fileName, ...(dryRun ? { dryRun: "true" } : {}) },
              file: progress.isShown ? streamWithProgress(bytes, (sent) => progress.update(sent)) : bytes,
              contentType: "text/csv",
            })
            .finally(() => progress.stop());
        }, Boolean(options.dryRun)),
      );
      const { preview, committed } = result;
      printResult(options, { dryRun: Boolean(options.dryRun), preview, ...(committed ? { committed } : {}) }, () =>
        [...describePreview(fileName, preview), ...describeOutcome(fileName, options, committed)].join("\n"),
      );
      if (preview.errors.total > 0) {
        throw new CliError(`${fileName} has ${plural(preview.errors.total, "problem")}; nothing was written`);
      }
    });
}
