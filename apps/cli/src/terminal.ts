/** Small text helpers for human-readable output: colours on a terminal, plurals, aligned columns. */

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

function wrap(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function styleFor(stream: NodeJS.WriteStream): Style {
  const isColored = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  if (!isColored) {
    const plain = (text: string) => text;
    return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39) };
}

const IRREGULAR_PLURALS: Record<string, string> = { competency: "competencies", entry: "entries" };

export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : (IRREGULAR_PLURALS[noun] ?? `${noun}s`)}`;
}

/** Whitespace collapsed to single spaces, cut to `width` characters with an ellipsis. */
export function truncate(text: string, width = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

/** Rows of cells padded into columns; `rightAligned` holds the indexes of numeric columns. */
export function formatTable(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        if (rightAligned.includes(index)) return cell.padStart(width);
        return index === row.length - 1 ? cell : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd(),
  );
}
