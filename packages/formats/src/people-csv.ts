import { Readable, pipeline } from "node:stream";
import Papa from "papaparse";
import { describeBinaryKind, looksLikeText, sniffBinaryKind } from "./file-sniffing.ts";
import { FormatError } from "./format-error.ts";

/** One record of an HRIS export. */
export interface PeopleCsvRecord {
  /** 1-based, as a spreadsheet program numbers rows: the header is row 1, blank rows count. */
  row: number;
  cells: string[];
}

export interface PeopleCsvOptions {
  /** Used in messages; an extension other than .csv, .tsv or .txt is refused. */
  fileName?: string;
  /** Called as the bytes are read, with the running total: enough for a progress bar. */
  onProgress?: (bytesRead: number) => void;
}

/** A file on disk (`createReadStream`), an upload body, or text. */
export type PeopleCsvSource = Readable | Uint8Array | string;

const TEXT_EXTENSIONS = new Set(["csv", "tsv", "txt"]);
const DELIMITERS = [",", ";", "\t"] as const;
/** Enough of the start to recognise binaries and the encoding before anything is parsed. */
const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;

function assertCsvFileName(fileName: string | undefined): void {
  const extension = fileName?.match(/\.([^./\\]+)$/)?.[1]?.toLowerCase();
  if (extension === undefined || TEXT_EXTENSIONS.has(extension)) return;
  throw new FormatError(
    "unsupported_format",
    `${fileName} is not a CSV file: export the people from your HRIS as CSV (comma, semicolon or tab separated)`,
  );
}

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

function toByteStream(source: PeopleCsvSource): AsyncIterable<Uint8Array | string> {
  if (typeof source === "string") return Readable.from(chunksOf(Buffer.from(source, "utf8")));
  if (source instanceof Uint8Array) return Readable.from(chunksOf(source));
  return source;
}

function chooseDecoder(head: Uint8Array, fileName: string | undefined): { decoder: TextDecoder; skip: number } {
  const binary = sniffBinaryKind(head);
  if (binary || !looksLikeText(head)) {
    const what = binary ? describeBinaryKind(binary) : "binary data";
    throw new FormatError("unsupported_format", `${fileName ?? "The file"} is ${what}, not a CSV file`);
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: new TextDecoder("utf-8"), skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder("utf-16le"), skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder("utf-16be"), skip: 2 };
  try {
    // `stream: true` tolerates a character cut in half at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { decoder: new TextDecoder("utf-8"), skip: 0 };
  } catch {
    // Excel on Windows writes "CSV" in the ANSI code page.
    return { decoder: new TextDecoder("windows-1252"), skip: 0 };
  }
}

/**
 * Bytes → text, deciding the encoding (and refusing binaries) from the first 64 KB. The decoder
 * streams, so a character split across two chunks survives.
 */
async function* decodeText(source: PeopleCsvSource, options: PeopleCsvOptions): AsyncGenerator<string> {
  let bytesRead = 0;
  let head: Uint8Array[] | undefined = [];
  let headLength = 0;
  let decoder: TextDecoder | undefined;
  const start = function* (): Generator<string> {
    const joined = Buffer.concat(head ?? []);
    const chosen = chooseDecoder(joined, options.fileName);
    decoder = chosen.decoder;
    head = undefined;
    const text = decoder.decode(joined.subarray(chosen.skip), { stream: true });
    if (text) yield text;
  };
  for await (const chunk of toByteStream(source)) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    bytesRead += bytes.length;
    if (head) {
      head.push(bytes);
      headLength += bytes.length;
      if (headLength >= SNIFF_BYTES) yield* start();
    } else if (decoder) {
      const text = decoder.decode(bytes, { stream: true });
      if (text) yield text;
    }
    options.onProgress?.(bytesRead);
  }
  if (head) {
    if (headLength === 0) return;
    yield* start();
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

/** The delimiter that splits the header line most often, outside quotes; a comma when none does. */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: "," | ";" | "\t" = ",";
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Reads text until the first line break (or the end), so the delimiter can be chosen from the header. */
async function peekFirstLine(text: AsyncIterator<string>): Promise<{ buffered: string[]; firstLine: string }> {
  const buffered: string[] = [];
  let seen = "";
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    buffered.push(next.value);
    seen += next.value;
    if (/[\r\n]/.test(seen)) break;
  }
  return { buffered, firstLine: seen.split(/\r\n|\r|\n/, 1)[0] ?? "" };
}

function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * Streams the records of an HRIS CSV export: papaparse in Node streaming mode, so a 100k-row file
 * is never held whole. Handles a byte-order mark, comma, semicolon or tab delimiters (chosen from the
 * header line), CRLF line ends and quoted fields with delimiters and line breaks inside. Blank rows
 * are skipped but still counted, so row numbers match what a spreadsheet shows.
 */
export async function* readPeopleCsv(
  source: PeopleCsvSource,
  options: PeopleCsvOptions = {},
): AsyncGenerator<PeopleCsvRecord> {
  assertCsvFileName(options.fileName);
  const text = decodeText(source, options);
  const { buffered, firstLine } = await peekFirstLine(text);
  if (buffered.length === 0) return;

  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: detectDelimiter(firstLine), quoteChar: '"' });
  async function* replayed(): AsyncGenerator<string> {
    yield* buffered;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }
  // Errors while reading (a binary file, a failing disk) reach the loop below through the parser.
  pipeline(Readable.from(replayed()), parser, () => undefined);

  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row += 1;
    if (!isBlankRecord(cells)) yield { row, cells };
  }
}
