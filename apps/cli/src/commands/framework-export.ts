import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import type { Framework } from "@ascent/core";
import { CliError } from "../cli-error.ts";
import { parseVersion } from "../framework-source.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

const EXPORT_FORMATS = ["yaml", "json", "csv", "xlsx", "md"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, ExportFormat> = {
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".csv": "csv",
  ".xlsx": "xlsx",
  ".md": "md",
  ".markdown": "md",
};

interface ExportOptions {
  version: string;
  format?: string;
  output?: string;
}

/** --format wins; otherwise the --output file's extension decides, and YAML is the default. */
function chooseFormat(options: ExportOptions): ExportFormat {
  if (options.format !== undefined) {
    const format = options.format.toLowerCase();
    if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
    throw new CliError(`Unknown format "${options.format}"; use one of ${EXPORT_FORMATS.join(", ")}`);
  }
  return (options.output && FORMAT_BY_EXTENSION[extname(options.output).toLowerCase()]) || "yaml";
}

async function render(framework: Framework, format: ExportFormat): Promise<string | Buffer> {
  const formats = await import("@ascent/formats");
  switch (format) {
    case "yaml":
    case "json":
      return formats.serializeFramework(framework, format);
    case "csv":
      return formats.exportFrameworkCsv(framework);
    case "xlsx":
      return formats.exportFrameworkXlsx(framework);
    case "md":
      return formats.exportFrameworkMarkdown(framework);
  }
}

export function registerFrameworkExport(framework: Command): void {
  const command = framework
    .command("export")
    .description("write a framework version as YAML, JSON, CSV, XLSX or Markdown")
    .argument("<framework>", "framework slug or id")
    .option("--version <n>", 'version number, or "latest" (newest published, else the draft)', "latest")
    .option("--format <format>", `one of ${EXPORT_FORMATS.join(", ")} (default: from --output's extension, else yaml)`)
    .option("-o, --output <file>", "write to this file instead of standard output (required for xlsx)");
  addServerOptions(command).action(async (ref: string, options: ExportOptions) => {
    const version = parseVersion(options.version);
    const format = chooseFormat(options);
    if (format === "xlsx" && !options.output) {
      throw new CliError("An .xlsx workbook is binary: pass --output FILE.xlsx");
    }
    const { endpoints } = await import("@ascent/contract");
    const record = await withServer((server) =>
      server.call(endpoints.frameworks.getVersion, { params: { framework: ref, version } }),
    );
    const content = await render(record.document as Framework, format);
    if (!options.output) {
      process.stdout.write(content);
      return;
    }
    await writeFile(options.output, content);
    const size = `${(Buffer.byteLength(content) / 1024).toFixed(1)} kB`;
    process.stderr.write(
      `Wrote ${record.document.slug} version ${record.version} (${record.status}) as ${format} to ${options.output} (${size}).\n`,
    );
  });
}
