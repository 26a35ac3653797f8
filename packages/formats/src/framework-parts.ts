import { TRACKS } from "@ascent/core";
import type { Competency, ExpectationMatrix, Framework, Guidance, Level, Playbook, Source, Track } from "@ascent/core";
import { FormatError } from "./format-error.ts";

/**
 * A framework as a set of tables ("parts"), which the CSV and XLSX exports both write: the
 * person-readable ladder (levels as columns, competencies as rows, descriptors in the cells) first,
 * then one table for each other part. Reading every part back gives the framework unchanged.
 *
 * Cells are text. Lists inside one cell (aliases, prompts) hold one entry per line. Guidance is
 * nested, so its table holds one row per leaf: a path and the leaf as JSON.
 */
export type PartName =
  | "Ladder"
  | "Framework"
  | "Levels"
  | "Competencies"
  | "Expectations"
  | "Scale"
  | "Playbooks"
  | "Playbook aspects"
  | "Sources"
  | "Guidance";

export interface FrameworkPart {
  name: PartName;
  rows: (string | number)[][];
}

export const PART_NAMES: readonly PartName[] = [
  "Ladder",
  "Framework",
  "Levels",
  "Competencies",
  "Expectations",
  "Scale",
  "Playbooks",
  "Playbook aspects",
  "Sources",
  "Guidance",
];

const HEADERS: Record<Exclude<PartName, "Ladder">, string[]> = {
  Framework: ["Field", "Value"],
  Levels: ["Rank", "Level", "Id", "Track", "Scope", "Summary", "Aliases", "Moves"],
  Competencies: ["Id", "Name", "Area", "Description"],
  Expectations: ["Level id", "Competency id", "Expected", "Weight", "Interpolated"],
  Scale: ["Value", "Label", "Description"],
  Playbooks: ["Id", "Name", "Lower level id", "Upper level id"],
  "Playbook aspects": ["Playbook id", "Aspect id", "Name", "Lower level brings", "Upper level brings", "Prompts"],
  Sources: ["Id", "Title", "Author", "Publisher", "Year", "Used for"],
  Guidance: ["Path", "Value (JSON)"],
};

/** The ladder's levels from junior to senior; levels of equal rank keep their order in the file. */
export function levelsByRank(framework: Pick<Framework, "levels">): Level[] {
  return [...framework.levels].sort((a, b) => a.rank - b.rank);
}

/** The person-readable grid: Area, Competency, then one column per level from junior to senior. */
export function ladderRows(framework: Framework): string[][] {
  const levels = levelsByRank(framework);
  const header = ["Area", "Competency", ...levels.map((level) => level.name)];
  const rows = framework.competencies.map((competency) => [
    competency.area,
    competency.name,
    ...levels.map((level) => framework.expectations[level.id]?.[competency.id]?.descriptor ?? ""),
  ]);
  return [header, ...rows];
}

const lines = (values: readonly string[]): string => values.join("\n");
const unlines = (text: string): string[] => (text === "" ? [] : text.split("\n"));

export function frameworkParts(framework: Framework): FrameworkPart[] {
  const part = (name: Exclude<PartName, "Ladder">, rows: (string | number)[][]): FrameworkPart => ({
    name,
    rows: [HEADERS[name], ...rows],
  });
  const parts: FrameworkPart[] = [
    { name: "Ladder", rows: ladderRows(framework) },
    part("Framework", [
      ["Slug", framework.slug],
      ["Name", framework.name],
      ["Description", framework.description],
      ["Scale min", framework.scale.min],
      ["Scale max", framework.scale.max],
    ]),
    part(
      "Levels",
      framework.levels.map((l) => [
        l.rank,
        l.name,
        l.id,
        l.track,
        l.scope,
        l.summary,
        lines(l.aliases),
        lines(l.moves ?? []),
      ]),
    ),
    part(
      "Competencies",
      framework.competencies.map((c) => [c.id, c.name, c.area, c.description]),
    ),
    part(
      "Expectations",
      Object.entries(framework.expectations).flatMap(([levelId, row]) =>
        Object.entries(row).map(([competencyId, cell]) => [
          levelId,
          competencyId,
          cell.expected,
          cell.weight,
          cell.interpolated ? "yes" : "no",
        ]),
      ),
    ),
    part(
      "Scale",
      framework.scale.points.map((point) => [point.value, point.label, point.description]),
    ),
    part(
      "Playbooks",
      framework.playbooks.map((p) => [p.id, p.name, p.lowerLevelId, p.upperLevelId]),
    ),
    part(
      "Playbook aspects",
      framework.playbooks.flatMap((p) =>
        p.aspects.map((a) => [p.id, a.id, a.name, a.lowerBrings, a.upperBrings, lines(a.prompts)]),
      ),
    ),
    part(
      "Sources",
      framework.sources.map((s) => [s.id, s.title, s.author, s.publisher ?? "", s.year ?? "", s.usedFor]),
    ),
  ];
  if (framework.guidance !== undefined) parts.push(part("Guidance", flattenJson(framework.guidance)));
  return parts;
}

/** True when the tables hold a full export (a Framework part), not just a ladder grid someone keeps. */
export function isFullExport(parts: ReadonlyMap<string, string[][]>): boolean {
  const header = parts.get("Framework")?.[0] ?? [];
  return header[0] === HEADERS.Framework[0] && header[1] === HEADERS.Framework[1];
}

/** Rebuilds the framework from the tables of a full export; throws naming the part, row and column at fault. */
export function frameworkFromParts(parts: ReadonlyMap<string, string[][]>, fileName?: string): Framework {
  const reader = new PartReader(parts, fileName);
  const fields = new Map(reader.rows("Framework").map(({ cells }) => [cells[0] ?? "", cells[1] ?? ""]));
  const field = (name: string): string => {
    const value = fields.get(name);
    if (value === undefined) throw reader.problem("Framework", 1, `the field "${name}" is missing`);
    return value;
  };
  const levels: Level[] = reader.rows("Levels").map(({ cells, row }) => {
    // Moves to other tracks are optional: a level without any carries no field, as in YAML.
    const moves = unlines(cells[7] ?? "");
    return {
      id: reader.text("Levels", row, cells, 2),
      rank: reader.number("Levels", row, cells, 0),
      name: cells[1] ?? "",
      track: reader.track(row, cells[3] ?? ""),
      aliases: unlines(cells[6] ?? ""),
      scope: cells[4] ?? "",
      summary: cells[5] ?? "",
      ...(moves.length > 0 ? { moves } : {}),
    };
  });
  const competencies: Competency[] = reader.rows("Competencies").map(({ cells, row }) => ({
    id: reader.text("Competencies", row, cells, 0),
    name: cells[1] ?? "",
    area: cells[2] ?? "",
    description: cells[3] ?? "",
  }));
  const framework: Framework = {
    slug: field("Slug"),
    name: field("Name"),
    description: field("Description"),
    sources: reader.rows("Sources").map(({ cells, row }) => readSource(reader, row, cells)),
    scale: {
      min: reader.numberText("Framework", 5, field("Scale min")),
      max: reader.numberText("Framework", 6, field("Scale max")),
      points: reader.rows("Scale").map(({ cells, row }) => ({
        value: reader.number("Scale", row, cells, 0),
        label: cells[1] ?? "",
        description: cells[2] ?? "",
      })),
    },
    levels,
    competencies,
    expectations: readExpectations(reader, levels, competencies),
    playbooks: readPlaybooks(reader),
  };
  if (parts.has("Guidance")) framework.guidance = unflattenJson(reader, reader.rows("Guidance")) as unknown as Guidance;
  return framework;
}

function readSource(reader: PartReader, row: number, cells: string[]): Source {
  const publisher = cells[3] ?? "";
  const year = cells[4] ?? "";
  return {
    id: reader.text("Sources", row, cells, 0),
    title: cells[1] ?? "",
    author: cells[2] ?? "",
    ...(publisher === "" ? {} : { publisher }),
    ...(year === "" ? {} : { year: reader.numberText("Sources", row, year, 4) }),
    usedFor: cells[5] ?? "",
  };
}

function readExpectations(reader: PartReader, levels: Level[], competencies: Competency[]): ExpectationMatrix {
  // Descriptors live in the ladder grid, where people read and edit them; the other numbers in Expectations.
  const ladder = reader.rows("Ladder");
  const columns = levelsByRank({ levels });
  if (ladder.length !== competencies.length) {
    throw reader.problem(
      "Ladder",
      1,
      `it has ${ladder.length} competency rows but the Competencies part lists ${competencies.length}`,
    );
  }
  const expectations: ExpectationMatrix = {};
  for (const { cells, row } of reader.rows("Expectations")) {
    const levelId = reader.text("Expectations", row, cells, 0);
    const competencyId = reader.text("Expectations", row, cells, 1);
    const column = columns.findIndex((level) => level.id === levelId);
    const competencyRow = competencies.findIndex((competency) => competency.id === competencyId);
    if (column < 0) throw reader.problem("Expectations", row, `level "${levelId}" is not in the Levels part`);
    if (competencyRow < 0) {
      throw reader.problem("Expectations", row, `competency "${competencyId}" is not in the Competencies part`);
    }
    const interpolated = cells[4] ?? "";
    if (interpolated !== "yes" && interpolated !== "no") {
      throw reader.problem("Expectations", row, `Interpolated must be "yes" or "no", got "${interpolated}"`);
    }
    const byLevel = (expectations[levelId] ??= {});
    byLevel[competencyId] = {
      expected: reader.number("Expectations", row, cells, 2),
      weight: reader.number("Expectations", row, cells, 3),
      descriptor: ladder[competencyRow]?.cells[column + 2] ?? "",
      interpolated: interpolated === "yes",
    };
  }
  return expectations;
}

function readPlaybooks(reader: PartReader): Playbook[] {
  const playbooks: Playbook[] = reader.rows("Playbooks").map(({ cells, row }) => ({
    id: reader.text("Playbooks", row, cells, 0),
    name: cells[1] ?? "",
    lowerLevelId: cells[2] ?? "",
    upperLevelId: cells[3] ?? "",
    aspects: [],
  }));
  for (const { cells, row } of reader.rows("Playbook aspects")) {
    const playbookId = cells[0] ?? "";
    const playbook = playbooks.find((candidate) => candidate.id === playbookId);
    if (!playbook)
      throw reader.problem("Playbook aspects", row, `playbook "${playbookId}" is not in the Playbooks part`);
    playbook.aspects.push({
      id: reader.text("Playbook aspects", row, cells, 1),
      name: cells[2] ?? "",
      lowerBrings: cells[3] ?? "",
      upperBrings: cells[4] ?? "",
      prompts: unlines(cells[5] ?? ""),
    });
  }
  return playbooks;
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One [path, JSON] row per leaf; empty arrays and objects are leaves too so that they survive. */
function flattenJson(value: unknown): string[][] {
  const rows: string[][] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node) && node.length > 0) {
      node.forEach((item, index) => walk(item, `${path}[${index}]`));
    } else if (node !== null && typeof node === "object" && !Array.isArray(node) && Object.keys(node).length > 0) {
      for (const [key, item] of Object.entries(node)) walk(item, path === "" ? key : `${path}.${key}`);
    } else {
      rows.push([path, JSON.stringify(node)]);
    }
  };
  walk(value, "");
  return rows;
}

const PATH_STEP = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\])/;

function unflattenJson(reader: PartReader, rows: readonly { row: number; cells: string[] }[]): JsonValue {
  let root: JsonValue = {};
  for (const { row, cells } of rows) {
    const path = cells[0] ?? "";
    let leaf: JsonValue;
    try {
      leaf = JSON.parse(cells[1] ?? "") as JsonValue;
    } catch {
      throw reader.problem("Guidance", row, `the value of "${path}" is not valid JSON`);
    }
    const steps: (string | number)[] = [];
    for (let rest = path; rest !== "";) {
      const step = PATH_STEP.exec(rest);
      if (!step) throw reader.problem("Guidance", row, `"${path}" is not a path such as careerPlanning[0].name`);
      steps.push(step[1] ?? Number(step[2]));
      rest = rest.slice(step[0].length);
    }
    if (steps.length === 0) {
      root = leaf;
      continue;
    }
    let node = root as Record<string | number, JsonValue>;
    steps.forEach((step, index) => {
      const next = steps[index + 1];
      if (next === undefined) {
        node[step] = leaf;
        return;
      }
      node[step] ??= typeof next === "number" ? [] : {};
      node = node[step] as Record<string | number, JsonValue>;
    });
  }
  return root;
}

class PartReader {
  constructor(
    private readonly parts: ReadonlyMap<string, string[][]>,
    private readonly fileName: string | undefined,
  ) {}

  /** The rows below the header, numbered from 2 as a spreadsheet shows them; blank rows are skipped. */
  rows(name: PartName): { row: number; cells: string[] }[] {
    const table = this.parts.get(name);
    if (!table) throw this.problem(name, 1, "the part is missing");
    return table
      .map((cells, index) => ({ row: index + 1, cells }))
      .slice(1)
      .filter(({ cells }) => cells.some((cell) => cell !== ""));
  }

  text(name: PartName, row: number, cells: string[], column: number): string {
    const value = cells[column] ?? "";
    if (value === "") throw this.problem(name, row, `the ${columnName(name, column)} cell is empty`);
    return value;
  }

  number(name: PartName, row: number, cells: string[], column: number): number {
    return this.numberText(name, row, cells[column] ?? "", column);
  }

  numberText(name: PartName, row: number, text: string, column = 1): number {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value)) {
      throw this.problem(name, row, `${columnName(name, column)} must be a number, got "${text}"`);
    }
    return value;
  }

  track(row: number, text: string): Track {
    const track = TRACKS.find((candidate) => candidate === text);
    if (!track) throw this.problem("Levels", row, `Track must be one of ${TRACKS.join(", ")}, got "${text}"`);
    return track;
  }

  problem(name: PartName, row: number, message: string): FormatError {
    const where = this.fileName ? `"${this.fileName}"` : "The file";
    return new FormatError("malformed_file", `${where} could not be imported: part "${name}", row ${row}: ${message}`, [
      { message: `${name}: ${message}`, row },
    ]);
  }
}

function columnName(name: PartName, column: number): string {
  return name === "Ladder" ? `column ${column + 1}` : `"${HEADERS[name][column] ?? column + 1}"`;
}
