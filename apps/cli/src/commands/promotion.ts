import { rename, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { TPromotionCase } from "@ascent/contract";
import { CliError } from "../cli-error.ts";
import { printResult } from "../output.ts";
import { formatTable, styleFor } from "../terminal.ts";
import { addServerOptions, withServer } from "../server-connection.ts";

const STAGES: TPromotionCase["status"][] = ["draft", "submitted", "in-review", "decided"];

function describeCases(cases: TPromotionCase[]): string {
  if (cases.length === 0) return "No promotion cases. A manager nominates a direct report from the report's page.";
  const style = styleFor(process.stdout);
  const sorted = [...cases].sort((a, b) => STAGES.indexOf(a.status) - STAGES.indexOf(b.status));
  const rows = [
    ["Case", "Candidate", "From", "To", "Stage", "Nominated by", "Decision"],
    ...sorted.map((c) => [
      c.id,
      c.person.name,
      c.fromLevelId ?? "—",
      c.toLevelId,
      c.status,
      c.nominatedBy?.name ?? "—",
      c.decision ? `${c.decision.outcome}${c.decision.effectiveDate ? ` from ${c.decision.effectiveDate}` : ""}` : "—",
    ]),
  ];
  const [header = "", ...lines] = formatTable(rows, []);
  return [style.bold(header), ...lines].join("\n");
}

export function registerPromotion(program: Command): void {
  const promotion = program.command("promotion").description("promotion cases: the pipeline and their packets");

  const list = promotion
    .command("list")
    .description("list promotion cases by stage: every case for an admin, otherwise the ones you take part in")
    .option("--cycle <id>", "only the cases of this review cycle")
    .option("--json", "print the same objects the API returns");
  addServerOptions(list).action(async (options: { cycle?: string; json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    const { cases } = await withServer((server) =>
      server.call(endpoints.promotions.list, {
        query: { limit: 500, ...(options.cycle ? { cycleId: options.cycle } : {}) },
      }),
    );
    printResult(options, cases, () => describeCases(cases));
  });

  const packet = promotion
    .command("packet")
    .description("download a case's packet as PDF (or Markdown with a .md file name)")
    .argument("<case>", "the case id (see `ascent promotion list`)")
    .requiredOption("--out <file>", "where to write it: packet.pdf or packet.md")
    .option("--json", "print the result as JSON");
  addServerOptions(packet).action(async (caseId: string, options: { out: string; json?: boolean }) => {
    const { endpoints } = await import("@ascent/contract");
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new CliError(`"${caseId}" is not a case id; see ascent promotion list`);
    const endpoint = options.out.toLowerCase().endsWith(".md")
      ? endpoints.promotions.packetMarkdown
      : endpoints.promotions.packetPdf;
    const file = await withServer((server) => server.download(endpoint, { params: { id: caseId } }));
    // Written beside the target and renamed, so that a half-written file never carries the name.
    const partial = `${options.out}.partial`;
    await writeFile(partial, file.bytes);
    await rename(partial, options.out);
    printResult(
      options,
      { file: options.out, bytes: file.bytes.byteLength },
      () => `Wrote the packet to ${options.out} (${(file.bytes.byteLength / 1024).toFixed(1)} kB).`,
    );
  });
}
