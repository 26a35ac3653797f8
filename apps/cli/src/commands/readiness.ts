import type { Command } from "commander";
import type { TGroupSummary, TPersonReadiness } from "@ascent/contract";
import { CliError } from "../cli-error.ts";
import { printResult } from "../output.ts";
import { formatTable, styleFor } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

interface ReadinessOptions {
  target?: string;
  json?: boolean;
}

const VERDICT_LABELS: Record<TPersonReadiness["verdict"], string> = {
  ready: "ready",
  almost: "almost",
  "not-yet": "not yet",
};

const number = (value: number | null) => (value === null ? "—" : value.toFixed(2));

function group(summary: TGroupSummary): string {
  if (summary === null) return "—";
  if ("hidden" in summary) return "hidden (< k)";
  return `${summary.mean.toFixed(2)} (${summary.count})`;
}

/** Why the numbers alone would say ready but the verdict does not: some competency rests on a self-rating. */
function verdictReason(readiness: TPersonReadiness): string {
  const unverified = readiness.competencies.filter((c) => c.flags.includes("unverified")).length;
  if (readiness.verdict === "ready" || unverified === 0) return "";
  return ` (${unverified} ${unverified === 1 ? "competency rests" : "competencies rest"} on a self-rating alone)`;
}

function describe(person: { name: string; email: string }, readiness: TPersonReadiness): string {
  const style = styleFor(process.stdout);
  const { weights, k } = readiness.settings;
  const statusColour = { meets: style.green, near: style.yellow, below: style.red, unknown: style.dim };
  const rows = [
    ["Competency", "Expected", "Observed", "Self", "Manager", "Peer", "Upward", "Gap", "Status", "Backed", "Flags"],
    ...readiness.competencies.map((c) => [
      c.name,
      number(c.expected),
      number(c.observed),
      group(c.groups.self),
      group(c.groups.manager),
      group(c.groups.peer),
      group(c.groups.upward),
      number(c.gap),
      c.status,
      c.observed === null ? "—" : c.isCorroborated ? "yes" : "self only",
      c.flags.join(", "),
    ]),
  ];
  const [header = "", ...lines] = formatTable(rows, [1, 2, 7]);
  const names = new Map(readiness.competencies.map((c) => [c.competencyId, c.name]));
  const blockers = readiness.blockers.map((id) => names.get(id) ?? id);
  const current = readiness.currentLevel ? readiness.currentLevel.name : "no level";
  return [
    style.bold(`${person.name} <${person.email}>: readiness for ${readiness.targetLevel.name}`),
    `Now ${current} · ${readiness.framework.slug} v${readiness.framework.version} · ` +
      `weights manager ${weights.manager}, peer ${weights.peer}, upward ${weights.upward}, self ${weights.self} · k = ${k}`,
    "Group cells: mean (raters); peer and upward show only from one release with at least k raters " +
      "(the larger of k now and k when it was released).",
    "Backed: a manager rating or a released peer or upward aggregate; ready needs every competency backed.",
    "",
    style.bold(header),
    ...lines.map((line, index) => {
      const status = readiness.competencies[index]?.status ?? "unknown";
      return status === "meets" ? line : statusColour[status](line);
    }),
    "",
    `Score    ${(readiness.score * 100).toFixed(1)}%`,
    `Verdict  ${VERDICT_LABELS[readiness.verdict]}${verdictReason(readiness)}`,
    `Blockers ${blockers.length ? blockers.join(", ") : "none"}`,
  ].join("\n");
}

export function registerReadiness(program: Command): void {
  const command = program
    .command("readiness")
    .description("show a person's readiness for a level (default: their next one), number by number")
    .argument("<email>", "the person's email")
    .option("--target <level>", "a level id of the ladder, e.g. director")
    .option("--json", "print the same object the API returns");
  addServerOptions(command)
    .addHelpText(
      "after",
      "\nReadiness is shown to the person and the managers above them: the server's own admin token sees it\n" +
        "for the admin's reporting chain only. Pass a manager's token with --token for their people.\n" +
        "\nExamples:\n  ascent readiness mia@example.com\n  ascent readiness mia@example.com --target director --json",
    )
    .action(async (email: string, options: ReadinessOptions) => {
      const [{ normalizeEmail }, { endpoints }] = await Promise.all([
        import("@ascent/core"),
        import("@ascent/contract"),
      ]);
      const wanted = normalizeEmail(email);
      const { person, readiness } = await withServer(async (server) => {
        // Admins find everyone; anyone else themselves and the people below them.
        const { people } = await server.call(endpoints.people.list, { query: { search: wanted, limit: 500 } });
        const found = people.find((candidate) => normalizeEmail(candidate.email) === wanted);
        if (!found) throw new CliError(`No person with email "${email}"`);
        const readiness = await server.call(endpoints.readiness.forPerson, {
          params: { id: found.id },
          ...(options.target === undefined ? {} : { query: { target: options.target } }),
        });
        return { person: found, readiness };
      });
      printResult(options, readiness, () => describe(person, readiness));
    });
}
