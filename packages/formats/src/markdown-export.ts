import type { Competency, Framework, Level } from "@ascent/core";

function tableCell(text: string): string {
  return text.replace(/\r?\n/g, "<br>").replace(/\|/g, "\\|").trim() || " ";
}

/** Indents continuation lines so multi-line text stays inside its list item. */
function listText(text: string, indent = "  "): string {
  return text.trim().replace(/\r?\n/g, `\n${indent}`);
}

function table(headers: string[], rows: string[][], align: string[]): string[] {
  return [
    `| ${headers.join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(tableCell).join(" | ")} |`),
  ];
}

function groupByArea(competencies: readonly Competency[]): Map<string, Competency[]> {
  const areas = new Map<string, Competency[]>();
  for (const competency of competencies) {
    const list = areas.get(competency.area) ?? [];
    list.push(competency);
    areas.set(competency.area, list);
  }
  return areas;
}

/** A readable document of the whole framework: levels, scale, every descriptor, playbooks, sources. */
export function exportFrameworkMarkdown(framework: Framework): string {
  const levels: Level[] = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const levelById = new Map(framework.levels.map((level) => [level.id, level]));
  const labelOf = (value: number): string =>
    framework.scale.points.find((point) => point.value === value)?.label ?? String(value);
  const out: string[] = [`# ${framework.name}`, ""];
  if (framework.description.trim() !== "") out.push(framework.description.trim(), "");

  out.push("## Levels", "");
  out.push(
    ...table(
      ["Rank", "Level", "Track", "Scope", "Summary"],
      levels.map((level) => [String(level.rank), level.name, level.track, level.scope, level.summary]),
      ["---:", "---", "---", "---", "---"],
    ),
    "",
  );

  out.push("## Proficiency scale", "");
  out.push(
    ...table(
      ["Score", "Label", "Meaning"],
      framework.scale.points.map((point) => [String(point.value), point.label, point.description]),
      ["---:", "---", "---"],
    ),
    "",
  );

  out.push("## Competencies", "");
  for (const [area, competencies] of groupByArea(framework.competencies)) {
    out.push(`### ${area}`, "");
    for (const competency of competencies) {
      out.push(`#### ${competency.name}`, "");
      if (competency.description.trim() !== "") out.push(competency.description.trim(), "");
      for (const level of levels) {
        const expectation = framework.expectations[level.id]?.[competency.id];
        if (!expectation) continue;
        if (expectation.weight === 0) {
          out.push(`- **${level.name}**: does not apply at this level`);
          continue;
        }
        const descriptor =
          expectation.descriptor.trim() === "" ? "_No descriptor yet._" : listText(expectation.descriptor);
        const interpolated = expectation.interpolated ? " _(interpolated)_" : "";
        out.push(
          `- **${level.name}** (expects ${expectation.expected}, ${labelOf(expectation.expected)})${interpolated}: ${descriptor}`,
        );
      }
      out.push("");
    }
  }

  if (framework.playbooks.length > 0) {
    out.push("## Playbooks", "");
    for (const playbook of framework.playbooks) {
      const lower = levelById.get(playbook.lowerLevelId)?.name ?? playbook.lowerLevelId;
      const upper = levelById.get(playbook.upperLevelId)?.name ?? playbook.upperLevelId;
      out.push(`### ${playbook.name} (${lower} and ${upper})`, "");
      for (const aspect of playbook.aspects) {
        out.push(`#### ${aspect.name}`, "");
        out.push(`- **${lower} brings:** ${listText(aspect.lowerBrings)}`);
        out.push(`- **${upper} brings:** ${listText(aspect.upperBrings)}`);
        if (aspect.prompts.length > 0) {
          out.push("- **Prompts:**");
          for (const prompt of aspect.prompts) out.push(`  - ${listText(prompt, "    ")}`);
        }
        out.push("");
      }
    }
  }

  if (framework.sources.length > 0) {
    out.push("## Sources", "");
    for (const source of framework.sources) {
      const published = [source.publisher, source.year?.toString()].filter(Boolean).join(", ");
      const where = published === "" ? "" : ` (${published})`;
      out.push(`- ${source.author}, *${source.title}*${where}. Used for: ${listText(source.usedFor)}`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
