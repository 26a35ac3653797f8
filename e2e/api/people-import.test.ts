import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiError, endpoints, type TPeopleImportResult } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
import { describeOnDriver } from "@ascent/db/testing";

const legs = [
  { driver: "pglite", usesPostgres: false },
  { driver: "postgres", usesPostgres: true },
] as const;

/** A VP, three directors, and six PMs under each: 1 + 3 + 18 = 22 people, in an HRIS's own spellings. */
function buildExport(): string {
  const lines = ["\uFEFFFull Name;Work Email;Job Title;Reports To;Department;Cost Center"];
  lines.push("Vic Vu;vic.vu@imp.test;VP of Product;;Product;100");
  for (let d = 1; d <= 3; d++) {
    const director = `dir${d}@imp.test`;
    // The directors' manager is given by name, as some HRIS exports do.
    lines.push(`Director ${d};${director};Director of Product;Vic Vu;Area ${d};100`);
    for (let p = 1; p <= 6; p++) {
      const email = `pm${d}${p}@imp.test`;
      const title = p === 6 ? "Product Owner II" : p === 5 ? '"Senior PM; Payments"' : "Product Manager";
      lines.push(`PM ${d}.${p};${email};${title};${director};Area ${d};200`);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

const PNG = new Blob([
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
]);

async function importFile(
  session: HttpSession,
  body: string | Blob,
  options: { fileName?: string; dryRun: boolean },
): Promise<Response> {
  const query = new URLSearchParams({ fileName: options.fileName ?? "people.csv", dryRun: String(options.dryRun) });
  return session.fetch(`/api/people/import?${query}`, {
    method: "POST",
    headers: { "content-type": typeof body === "string" ? "text/csv" : "application/octet-stream" },
    body,
  });
}

async function importOk(session: HttpSession, body: string, dryRun: boolean): Promise<TPeopleImportResult> {
  const response = await importFile(session, body, { dryRun });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as TPeopleImportResult;
}

for (const leg of legs) {
  describeOnDriver(leg.driver, "people import over HTTP", () => {
    let server: TestServer;
    let admin: HttpSession;
    let member: HttpSession;
    let dropScratch: (() => Promise<void>) | undefined;
    const csv = buildExport();

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.usesPostgres) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      server = await startTestServer({ databaseUrl });
      admin = await signInAsFirstAdmin(server);
      const person = await admin.client.call(endpoints.people.create, {
        body: { name: "Mo Member", email: "mo@members.test" },
      });
      const link = await admin.client.call(endpoints.auth.createLink, {
        params: { id: person.id },
        body: { purpose: "invite" },
      });
      member = await new HttpSession(server.url).redeem(link.path, "member-password-for-tests");
    });

    afterAll(async () => {
      await server?.stop();
      await dropScratch?.();
    });

    it("previews an export without writing: columns matched, rows classified, titles mapped", async () => {
      const { preview, committed } = await importOk(admin, csv, true);
      expect(committed).toBeUndefined();
      expect(preview.fileName).toBe("people.csv");
      expect(preview.rowCount).toBe(22);
      expect(preview.columns).toEqual([
        { field: "name", header: "Full Name" },
        { field: "email", header: "Work Email" },
        { field: "title", header: "Job Title" },
        { field: "manager", header: "Reports To" },
        { field: "team", header: "Department" },
      ]);
      expect(preview.ignoredColumns).toEqual(["Cost Center"]);
      expect(preview.errors).toEqual({ total: 0, items: [] });
      expect(preview.new.total).toBe(22);
      const director = preview.new.items.find((row) => row.email === "dir2@imp.test");
      expect(director).toMatchObject({ row: 10, levelId: "director", managerEmail: "vic.vu@imp.test", team: "Area 2" });
      const senior = preview.new.items.find((row) => row.email === "pm15@imp.test");
      expect(senior).toMatchObject({ title: "Senior PM; Payments", levelId: "senior-pm" });
      expect(preview.unmappedTitles.items).toEqual([
        expect.objectContaining({ title: "Product Owner II", rows: 3, suggestedLevelId: "pm" }),
      ]);

      // Nothing was written: the same preview again still finds every row new.
      expect((await importOk(admin, csv, true)).preview.new.total).toBe(22);
    });

    it("commits in one go, audits it, and a re-import finds every row unchanged", async () => {
      const first = await importOk(admin, csv, false);
      expect(first.committed).toEqual({ created: 22, updated: 0, unchanged: 0, createdIds: expect.any(Array) });
      // The new people's ids come back, so that they can be invited next.
      expect(new Set(first.committed?.createdIds).size).toBe(22);

      const again = await importOk(admin, csv, false);
      expect(again.preview.unchanged.total).toBe(22);
      expect(again.preview.new.total + again.preview.changed.total).toBe(0);
      expect(again.committed).toEqual({ created: 0, updated: 0, unchanged: 22 });

      const { events } = await admin.client.call(endpoints.audit.list, { query: { kind: "write" } });
      const imports = events.filter((event) => event.action === "people.import");
      expect(imports.map((event) => event.details)).toEqual([
        expect.objectContaining({ fileName: "people.csv", created: 0, updated: 0, unchanged: 22 }),
        expect.objectContaining({ fileName: "people.csv", created: 22, updated: 0, unchanged: 0 }),
      ]);
    });

    it("lets an admin map an unmapped title: the override wins in title lookup and in the next preview", async () => {
      const before = await admin.client.call(endpoints.titles.resolve, { query: { title: "Product Owner II" } });
      expect(before.confidence).toBeLessThan(0.6);

      const saved = await admin.client.call(endpoints.peopleImport.setTitleOverride, {
        body: { title: "Product Owner II", levelId: "senior-pm" },
      });
      expect(saved).toEqual({ title: "Product Owner II", levelId: "senior-pm", levelName: "Senior Product Manager" });
      const { overrides } = await member.client.call(endpoints.peopleImport.listTitleOverrides);
      expect(overrides).toContainEqual(saved);

      const after = await member.client.call(endpoints.titles.resolve, { query: { title: "product owner II" } });
      expect(after).toMatchObject({ levelId: "senior-pm", confidence: 1, levelName: "Senior Product Manager" });

      // The three Product Owners were imported unmapped (no level); now their level is filled in.
      const { preview } = await importOk(admin, csv, true);
      expect(preview.unmappedTitles.total).toBe(0);
      expect(preview.changed.total).toBe(3);
      expect(preview.changed.items[0]?.changes).toEqual([{ field: "level", before: null, after: "senior-pm" }]);

      const badLevel = await admin.client
        .call(endpoints.peopleImport.setTitleOverride, { body: { title: "Wizard", levelId: "archmage" } })
        .catch((error: unknown) => error);
      expect(badLevel).toBeInstanceOf(ApiError);
      expect(badLevel).toMatchObject({ status: 400, code: "validation_failed" });
      expect((badLevel as ApiError).message).toMatch(/archmage/);

      await admin.client.call(endpoints.peopleImport.removeTitleOverride, { query: { title: "Product Owner II" } });
      const reverted = await admin.client.call(endpoints.titles.resolve, { query: { title: "Product Owner II" } });
      expect(reverted.levelId).toBe(before.levelId);
      expect(reverted.confidence).toBe(before.confidence);
      const missing = await admin.client
        .call(endpoints.peopleImport.removeTitleOverride, { query: { title: "Product Owner II" } })
        .catch((error: unknown) => error);
      expect(missing).toMatchObject({ status: 404, code: "not_found" });
    });

    it("refuses a file with bad rows, naming each row, and writes none of it", async () => {
      const bad = [
        "Name,Email,Title,Manager Email,Team",
        "Nia New,nia@bad.test,Product Manager,vic.vu@imp.test,Area 1",
        "Hal Html,hal@bad.test,<script>alert(1)</script>,,",
        "Ian Invalid,ian@,Product Manager,,",
        "Ann A,ann@bad.test,Product Manager,bob@bad.test,",
        "Bob B,bob@bad.test,Product Manager,ann@bad.test,",
        "Gus Ghost,gus@bad.test,Product Manager,ghost@bad.test,",
        "Nia Again,NIA@bad.test,Product Manager,,",
      ].join("\n");
      const response = await importFile(admin, bad, { dryRun: false });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string; details: unknown[] };
      expect(body.error).toBe("validation_failed");
      expect(body.message).toBe("people.csv has 5 problems; nothing was written");
      expect(body.details).toEqual([
        { row: 3, column: "Title", message: "must be plain text: HTML tags are not allowed" },
        { row: 4, column: "Email", message: '"ian@" is not a valid email address' },
        {
          row: 5,
          column: "Manager Email",
          message: "manager cycle: ann@bad.test (row 5) → bob@bad.test (row 6) → ann@bad.test",
        },
        {
          row: 7,
          column: "Manager Email",
          message: 'manager "ghost@bad.test" is not in the file or among existing people',
        },
        { row: 8, column: "Email", message: 'duplicate email "nia@bad.test": rows 2 and 8 both have it' },
      ]);

      // Even the good row was not written: a preview of it alone still finds it new.
      const check = await importOk(admin, "Name,Email\nNia New,nia@bad.test\n", true);
      expect(check.preview.new.items.map((row) => row.email)).toEqual(["nia@bad.test"]);
      // And the existing people are as they were.
      expect((await importOk(admin, csv, true)).preview.new.total).toBe(0);
    });

    it("names a missing required column", async () => {
      const response = await importFile(admin, "Full Name,Job Title\nPam,PM\n", { dryRun: false });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { details: { row: number; column: string; message: string }[] };
      expect(body.details).toEqual([
        {
          row: 1,
          column: "email",
          message: 'Missing required column "email": add a column headed Email, Work Email or E-mail',
        },
      ]);
    });

    it("refuses uploads that are not CSV with 415", async () => {
      const png = await importFile(admin, PNG, { fileName: "people.csv", dryRun: true });
      expect(png.status).toBe(415);
      expect(await png.json()).toMatchObject({
        error: "unsupported_format",
        message: "people.csv is a PNG image, not a CSV file",
      });
      const workbook = await importFile(admin, "Name,Email\n", { fileName: "people.xlsx", dryRun: true });
      expect(workbook.status).toBe(415);
    });

    it("lets only admins import people or change overrides; anyone signed in may list overrides", async () => {
      const asMember = await importFile(member, csv, { dryRun: true });
      expect(asMember.status).toBe(403);
      const anonymous = await fetch(`${server.url}/api/people/import?fileName=people.csv&dryRun=true`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: csv,
      });
      expect(anonymous.status).toBe(401);

      const set = await member.client
        .call(endpoints.peopleImport.setTitleOverride, { body: { title: "Wizard", levelId: "pm" } })
        .catch((error: unknown) => error);
      expect(set).toMatchObject({ status: 403, code: "forbidden" });
      const remove = await member.client
        .call(endpoints.peopleImport.removeTitleOverride, { query: { title: "Wizard" } })
        .catch((error: unknown) => error);
      expect(remove).toMatchObject({ status: 403, code: "forbidden" });
      expect((await member.client.call(endpoints.peopleImport.listTitleOverrides)).overrides).toEqual([]);
    });
  });
}
