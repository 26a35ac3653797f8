import type { Command } from "commander";
import type { TFrameworkSummary } from "@ascent/contract";
import { printResult } from "../output.ts";
import { formatTable } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

function describeVersions(summary: TFrameworkSummary): string {
  const parts: string[] = [];
  if (summary.latestPublishedVersion !== null) parts.push(`v${summary.latestPublishedVersion} published`);
  if (summary.draftVersion !== null) parts.push(`v${summary.draftVersion} draft`);
  return parts.join(", ") || "no versions";
}

function describeList(frameworks: readonly TFrameworkSummary[]): string {
  if (frameworks.length === 0) return "No frameworks yet. Import one with: ascent framework import <file>";
  const rows = frameworks.map((summary) => [
    summary.slug,
    summary.name,
    describeVersions(summary),
    String(summary.levelCount),
    String(summary.competencyCount),
    summary.isBuiltin ? "built-in" : "",
  ]);
  return formatTable([["SLUG", "NAME", "VERSIONS", "LEVELS", "COMPETENCIES", ""], ...rows], [3, 4]).join("\n");
}

export function registerFrameworkList(framework: Command): void {
  const command = framework
    .command("list")
    .description("list the frameworks in the database with their latest versions")
    .option("--json", "print the list as JSON");
  addServerOptions(command).action(async (options: { json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const { frameworks } = await withServer((server) => server.call(endpoints.frameworks.list));
    printResult(options, frameworks, () => describeList(frameworks));
  });
}
