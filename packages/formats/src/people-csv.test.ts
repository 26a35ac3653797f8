import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { PNG_BYTES, buildStoredZip, formatErrorFromAsync } from "./file.fixtures.ts";
import { detectDelimiter, readPeopleCsv, type PeopleCsvRecord, type PeopleCsvSource } from "./people-csv.ts";

async function readAll(source: PeopleCsvSource, fileName?: string): Promise<PeopleCsvRecord[]> {
  const records: PeopleCsvRecord[] = [];
  for await (const record of readPeopleCsv(source, fileName ? { fileName } : {})) records.push(record);
  return records;
}

/** The same bytes, delivered a few at a time, so that quotes, CRLFs and characters straddle chunks. */
function trickle(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return Readable.from(chunks);
}

const EXPORT =
  "\uFEFFFull Name;Work Email;Job Title;Manager;Department\r\n" +
  "Zoë Ångström;zoe@acme.test;VP Product;;Product\r\n" +
  '"Lee, Sam";sam@acme.test;"Senior PM\r\n(Payments)";zoe@acme.test;"Pay; Cards"\r\n' +
  "\r\n" +
  'Kim "KJ" Jones;kj@acme.test;PM;sam@acme.test;Cards\r\n';

describe("readPeopleCsv", () => {
  it("reads a semicolon export with a BOM, CRLFs, quoted fields and a blank row, numbering rows as a spreadsheet does", async () => {
    const records = await readAll(EXPORT);
    expect(records).toEqual([
      { row: 1, cells: ["Full Name", "Work Email", "Job Title", "Manager", "Department"] },
      { row: 2, cells: ["Zoë Ångström", "zoe@acme.test", "VP Product", "", "Product"] },
      { row: 3, cells: ["Lee, Sam", "sam@acme.test", "Senior PM\r\n(Payments)", "zoe@acme.test", "Pay; Cards"] },
      { row: 5, cells: ['Kim "KJ" Jones', "kj@acme.test", "PM", "sam@acme.test", "Cards"] },
    ]);
  });

  it("gives the same records however the bytes are chunked", async () => {
    const whole = await readAll(EXPORT);
    for (const size of [1, 2, 3, 7]) {
      expect(await readAll(trickle(Buffer.from(EXPORT, "utf8"), size))).toEqual(whole);
    }
  });

  it("reads comma and tab separated files, and a file without a final line break", async () => {
    const comma = await readAll("Name,Email\nAnn,ann@acme.test");
    expect(comma).toEqual([
      { row: 1, cells: ["Name", "Email"] },
      { row: 2, cells: ["Ann", "ann@acme.test"] },
    ]);
    const tab = await readAll("Name\tEmail\tTeam\nAnn\tann@acme.test\tA, B\n");
    expect(tab[1]?.cells).toEqual(["Ann", "ann@acme.test", "A, B"]);
  });

  it("decodes UTF-16 exports with a BOM and Windows-1252 files without one", async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Name\tEmail\r\nRenée\tr@acme.test\r\n", "utf16le"),
    ]);
    expect((await readAll(utf16))[1]?.cells).toEqual(["Renée", "r@acme.test"]);
    const ansi = Buffer.from("Name,Email\r\nRen\xe9e,r@acme.test\r\n", "latin1");
    expect((await readAll(ansi))[1]?.cells).toEqual(["Renée", "r@acme.test"]);
  });

  it("reports the bytes read as it goes", async () => {
    const seen: number[] = [];
    const bytes = Buffer.from(EXPORT, "utf8");
    for await (const record of readPeopleCsv(trickle(bytes, 16), { onProgress: (read) => seen.push(read) })) {
      expect(record.row).toBeGreaterThan(0);
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it("yields nothing for an empty or blank file", async () => {
    expect(await readAll("")).toEqual([]);
    expect(await readAll("\r\n\r\n")).toEqual([]);
  });

  it("refuses binaries and non-CSV file names as unsupported formats", async () => {
    const png = await formatErrorFromAsync(() => readAll(PNG_BYTES, "people.csv"));
    expect(png.code).toBe("unsupported_format");
    expect(png.message).toBe("people.csv is a PNG image, not a CSV file");
    const zip = await formatErrorFromAsync(() => readAll(buildStoredZip({ "a.txt": "x" })));
    expect(zip.message).toMatch(/a zip archive, not a CSV file/);
    const xlsx = await formatErrorFromAsync(() => readAll("Name,Email\n", "people.xlsx"));
    expect(xlsx.code).toBe("unsupported_format");
    expect(xlsx.message).toMatch(/^people\.xlsx is not a CSV file/);
  });
});

describe("detectDelimiter", () => {
  it("picks the delimiter that splits the header most, ignoring quoted ones", () => {
    expect(detectDelimiter("Name;Email;Title")).toBe(";");
    expect(detectDelimiter("Name\tEmail")).toBe("\t");
    expect(detectDelimiter('"Name; full",Email,Title')).toBe(",");
    expect(detectDelimiter("Email")).toBe(",");
  });
});
