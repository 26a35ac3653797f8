import { basename } from "node:path";
import type { Command } from "commander";
import type { Framework } from "@ascent/core";
import type { TImportPreview } from "@ascent/contract";
import type { FrameworkFileResult } from "@ascent/formats";
import { CliError } from "../cli-error.ts";
import { readFileBytes, readFrameworkInput } from "../framework-source.ts";
import { printResult } from "../output.ts";
import { formatTable, plural, styleFor, truncate } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

interface ImportOptions {
  sheet?: string;
  name?: string;
  slug?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface CreatedFramework {
  id: string;
  slug: string;
  name: string;
  version: number;
  status: string;
}

const MAX_LISTED_EMPTY_CELLS = 20;

/** YAML/JSON files are already whole frameworks; --name and --slug still rename them on the way in. */
function previewOf(file: FrameworkFileResult, options: ImportOptions): TImportPreview {
  if (file.kind === "spreadsheet") return { format: file.format, ...file.preview };
  const framework: Framework = {
    ...file.framework,
    ...(options.name ? { name: options.name } : {}),
    ...(options.slug ? { slug: options.slug } : {}),
  };
  return {
    format: file.format,
    levels: framework.levels.map(({ id, name, rank }) => ({ id, name, rank })),
    competencies: framework.competencies.map(({ id, name, area }) => ({ id, name, area })),
    emptyCells: [],
    warnings: options.sheet ? ["The sheet option applies to workbooks only and was ignored"] : [],
    framework,
  };
}

async function assertImportable(framework: Framework): Promise<void> {
  const { formatIssuePath, validateFramework } = await import("@ascent/core");
  const issues = validateFramework(framework);
  if (issues.length === 0) return;
  throw new CliError(`The draft cannot be imported (${plural(issues.length, "problem")}):`, {
    details: issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  });
}

function describePreview(fileName: string, preview: TImportPreview): string[] {
  const style = styleFor(process.stdout);
  const { framework } = preview;
  const sheet = preview.sheetName ? `, sheet "${preview.sheetName}"` : "";
  const otherSheets = (preview.sheetNames ?? []).filter((name) => name !== preview.sheetName);
  const lines = [
    style.bold(`${fileName} (${preview.format.toUpperCase()}${sheet}) → "${framework.name}" (slug: ${framework.slug})`),
  ];
  if (otherSheets.length > 0)
    lines.push(style.dim(`  other sheets: ${otherSheets.join(", ")} (choose one with --sheet)`));

  lines.push("", style.bold(`Levels recognised (${preview.levels.length}):`));
  lines.push(
    ...formatTable(
      preview.levels.map((level) => [String(level.rank), level.name, level.id]),
      [0],
    ).map((line) => `  ${line}`),
  );

  lines.push("", style.bold(`Competencies (${preview.competencies.length}):`));
  const competencyRows = preview.competencies.map((competency) => [
    truncate(competency.name, 40),
    competency.area,
    competency.id,
  ]);
  lines.push(...formatTable(competencyRows).map((line) => `  ${line}`));

  const levelNames = new Map(preview.levels.map((level) => [level.id, level.name]));
  const competencyNames = new Map(preview.competencies.map((competency) => [competency.id, competency.name]));
  if (preview.emptyCells.length > 0) {
    lines.push("", style.bold(`Empty cells (${preview.emptyCells.length}), left as empty descriptors:`));
    for (const cell of preview.emptyCells.slice(0, MAX_LISTED_EMPTY_CELLS)) {
      const what = `${competencyNames.get(cell.competency) ?? cell.competency} × ${levelNames.get(cell.level) ?? cell.level}`;
      lines.push(`  ${`${cell.column}${cell.row}`.padEnd(6)}${what}`);
    }
    if (preview.emptyCells.length > MAX_LISTED_EMPTY_CELLS) {
      lines.push(style.dim(`  … and ${preview.emptyCells.length - MAX_LISTED_EMPTY_CELLS} more (see --json)`));
    }
  }

  // Every empty cell also has a warning of its own; the list above already shows them.
  const emptyCellWarnings = preview.emptyCells.map((cell) => `Cell ${cell.column}${cell.row}: `);
  const warnings = preview.warnings.filter(
    (warning) => !emptyCellWarnings.some((prefix) => warning.startsWith(prefix)),
  );
  if (warnings.length > 0) {
    lines.push("", style.bold(`Warnings (${warnings.length}):`));
    lines.push(...warnings.map((warning) => style.yellow(`  ! ${warning}`)));
  }
  return lines;
}

function describeNextSteps(created: CreatedFramework): string[] {
  const style = styleFor(process.stdout);
  return [
    "",
    style.green(
      `✓ Created draft framework "${created.name}": ${created.slug}, version ${created.version} (${created.status}).`,
    ),
    "",
    "Next steps:",
    `  review it:   ascent framework export ${created.slug} --format md`,
    `  publish it:  ascent framework publish ${created.slug}`,
    `               or POST /api/frameworks/${created.slug}/publish`,
  ];
}

/**
 * The file as it is, unless --name or --slug renames a YAML/JSON framework: the server reads those
 * options for spreadsheets only, so the renamed document is sent in the file's own format.
 */
async function uploadContent(
  fileName: string,
  file: FrameworkFileResult,
  framework: Framework,
  options: ImportOptions,
): Promise<Buffer> {
  if (file.kind === "spreadsheet" || (!options.name && !options.slug)) return readFileBytes(fileName);
  const { serializeFramework } = await import("@ascent/formats");
  return Buffer.from(serializeFramework(framework, file.format), "utf8");
}

export function registerFrameworkImport(framework: Command): void {
  const command = framework
    .command("import")
    .description("import a framework (YAML, JSON) or a ladder spreadsheet (CSV, XLSX) as a draft")
    .argument("<file>", "file to import")
    .option("--sheet <name>", "workbook sheet to read (default: the first visible sheet)")
    .option("--name <name>", "name of the new framework (default: the sheet's title or the file name)")
    .option("--slug <slug>", "slug of the new framework (default: from its name)")
    .option("--dry-run", "show what would be imported and write nothing")
    .option("--json", "print the preview (and what was created) as JSON");
  addServerOptions(command).action(async (fileName: string, options: ImportOptions) => {
    const file = await readFrameworkInput(fileName, options);
    const preview = previewOf(file, options);
    if (options.dryRun) {
      printResult(options, { dryRun: true, preview }, () =>
        [
          ...describePreview(fileName, preview),
          "",
          "Dry run: nothing was written. Run again without --dry-run to create the draft.",
        ].join("\n"),
      );
      // A dry run answers "would this import work?", so a draft that would be refused fails it too.
      await assertImportable(preview.framework);
      return;
    }
    await assertImportable(preview.framework);
    const content = await uploadContent(fileName, file, preview.framework, options);
    const { endpoints } = await import("@ascent/contract");
    const created = await withServer(async (server) => {
      const result = await server.upload(endpoints.frameworkAdmin.import, {
        query: {
          fileName: basename(fileName),
          ...(options.sheet ? { sheet: options.sheet } : {}),
          ...(options.name ? { name: options.name } : {}),
          ...(options.slug ? { slug: options.slug } : {}),
        },
        file: content,
      });
      if (!result.created) throw new CliError("The server answered without creating the framework");
      const { id, slug, name, draftVersion, latestPublishedVersion } = result.created;
      return {
        id,
        slug,
        name,
        version: draftVersion ?? latestPublishedVersion ?? 1,
        status: draftVersion === null ? "published" : "draft",
      };
    });
    printResult(options, { dryRun: false, preview, created }, () =>
      [...describePreview(fileName, preview), ...describeNextSteps(created)].join("\n"),
    );
  });
}
