import type { Command } from "commander";
import type { ErrorDetail, Framework } from "@ascent/core";
import { formatDetail } from "../cli-error.ts";
import { readFileBytes } from "../framework-source.ts";
import { plural, styleFor } from "../terminal.ts";

interface LintResult {
  file: string;
  valid: boolean;
  format: string | null;
  errors: ErrorDetail[];
  warnings: string[];
  counts: { levels: number; competencies: number; playbooks: number } | null;
}

async function lintFile(fileName: string): Promise<LintResult> {
  const bytes = await readFileBytes(fileName);
  const [{ formatIssuePath, validateFramework }, { isFormatError, readFrameworkFile }] = await Promise.all([
    import("@ascent/core"),
    import("@ascent/formats"),
  ]);
  const result = { file: fileName, format: null, warnings: [], counts: null };
  let framework: Framework;
  let format: string;
  let warnings: string[] = [];
  try {
    const file = await readFrameworkFile(fileName, bytes);
    format = file.format;
    if (file.kind === "document") {
      framework = file.framework;
    } else {
      framework = file.preview.framework;
      warnings = file.preview.warnings;
    }
  } catch (error) {
    if (!isFormatError(error)) throw error;
    const errors = error.details.length > 0 ? error.details : [{ message: error.message }];
    // Syntax errors come in document order already; keep it so that editors can step through them.
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ...result, valid: false, errors };
  }
  // A spreadsheet becomes a draft that is validated here; its preview repeats those issues as warnings.
  const issues = validateFramework(framework).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
  const repeated = new Set(issues.map((issue) => `The draft needs attention at ${issue.path}: ${issue.message}`));
  return {
    ...result,
    format,
    valid: issues.length === 0,
    errors: issues,
    warnings: warnings.filter((warning) => !repeated.has(warning)),
    counts: {
      levels: framework.levels.length,
      competencies: framework.competencies.length,
      playbooks: framework.playbooks.length,
    },
  };
}

function describeLint(result: LintResult): string {
  const style = styleFor(process.stdout);
  const lines = result.errors.map((error) => formatDetail(error, result.file));
  lines.push(...result.warnings.map((warning) => style.yellow(`${result.file}: warning: ${warning}`)));
  if (!result.valid) {
    lines.push(style.red(`✗ ${result.file}: ${plural(result.errors.length, "problem")}`));
  } else if (result.counts) {
    const { levels, competencies, playbooks } = result.counts;
    const what = result.format === "csv" || result.format === "xlsx" ? "valid framework draft" : "valid framework";
    const counts = [plural(levels, "level"), plural(competencies, "competency"), plural(playbooks, "playbook")].join(
      ", ",
    );
    lines.push(style.green(`✓ ${result.file}: ${what} (${counts})`));
  }
  return lines.join("\n");
}

export function registerFrameworkLint(framework: Command): void {
  framework
    .command("lint")
    .description("check a framework file (YAML, JSON, or a CSV/XLSX ladder) and list every problem")
    .argument("<file>", "framework file to check")
    .option("--json", "print {valid, errors, warnings} as JSON")
    .action(async (fileName: string, options: { json?: boolean }) => {
      const result = await lintFile(fileName);
      const text = options.json ? JSON.stringify(result, null, 2) : describeLint(result);
      process.stdout.write(`${text}\n`);
      // The problems are the output, so there is no error line to add: only the exit status.
      if (!result.valid) process.exitCode = 1;
    });
}
