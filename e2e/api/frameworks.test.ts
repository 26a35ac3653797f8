import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signInAsFirstAdmin, type HttpSession } from "../support/http-session.ts";

const LADDER_CSV =
  "\uFEFFArea;Competency;Associate PM;Product Manager;Group PM\r\n" +
  'Craft;Discovery;Learns interviews;"Runs discovery; shares ""insights""";Coaches discovery\r\n' +
  'Craft;Delivery;Ships small changes;"Owns a roadmap,\r\nend to end";Owns several roadmaps\r\n';

describe("frameworks over HTTP", () => {
  let server: TestServer;
  let admin: HttpSession;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAsFirstAdmin(server);
  });
  afterAll(async () => server?.stop());

  const upload = (query: string, body: BodyInit, contentType = "text/csv") =>
    admin.fetch(`/api/frameworks/import?${query}`, { method: "POST", headers: { "content-type": contentType }, body });

  it("previews a semicolon CSV with a BOM, CRLF and quoted newlines without writing", async () => {
    const response = await upload("fileName=acme.csv&dryRun=true&name=Acme%20ladder", LADDER_CSV);
    expect(response.status).toBe(200);
    const { preview, created } = await response.json();
    expect(created).toBeUndefined();
    expect(preview.format).toBe("csv");
    expect(preview.levels.map((l: { name: string }) => l.name)).toEqual([
      "Associate PM",
      "Product Manager",
      "Group PM",
    ]);
    expect(preview.framework.expectations["product-manager"].delivery.descriptor).toBe("Owns a roadmap,\nend to end");
    expect(preview.framework.expectations["product-manager"].discovery.descriptor).toBe(
      'Runs discovery; shares "insights"',
    );
    const { frameworks } = await admin.client.call(endpoints.frameworks.list);
    expect(frameworks.map((f) => f.slug)).toEqual(["product-management"]);
  });

  it("imports it as a draft, publishes it, and diffs two versions", async () => {
    const imported = await (await upload("fileName=acme.csv&name=Acme%20ladder&slug=acme", LADDER_CSV)).json();
    expect(imported.created).toMatchObject({ slug: "acme", draftVersion: 1, latestPublishedVersion: null });

    const published = await admin.client.call(endpoints.frameworkAdmin.publish, {
      params: { framework: "acme" },
      body: { note: "v1" },
    });
    expect(published).toMatchObject({ version: 1, status: "published" });
    await expect(
      admin.client.call(endpoints.frameworkAdmin.saveDraft, {
        params: { framework: "acme" },
        body: { document: published.document },
      }),
    ).rejects.toMatchObject({ status: 404, code: "not_found" });

    const draft = await admin.client.call(endpoints.frameworkAdmin.startDraft, {
      params: { framework: "acme" },
      body: {},
    });
    const edited = structuredClone(draft.document);
    edited.expectations["group-pm"]!.discovery!.descriptor = "Sets the discovery practice for a group";
    await admin.client.call(endpoints.frameworkAdmin.saveDraft, {
      params: { framework: "acme" },
      body: { document: edited },
    });
    await admin.client.call(endpoints.frameworkAdmin.publish, { params: { framework: "acme" }, body: {} });

    const { diff } = await admin.client.call(endpoints.frameworkAdmin.diff, {
      params: { framework: "acme" },
      query: { from: 1, to: 2 },
    });
    expect(diff.expectations.changed).toEqual([
      {
        levelId: "group-pm",
        competencyId: "discovery",
        changes: [
          { field: "descriptor", before: "Coaches discovery", after: "Sets the discovery practice for a group" },
        ],
      },
    ]);
    expect(diff.levels).toEqual({ added: [], removed: [], changed: [] });
  });

  it("exports YAML and JSON that import back to a deep-equal framework", async () => {
    const original = await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: 1 },
    });
    for (const format of ["yaml", "json"] as const) {
      const exported = await admin.fetch(`/api/frameworks/product-management/versions/1/export?format=${format}`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-disposition")).toContain(`product-management-v1.${format}`);
      const text = await exported.text();
      const renamed = text.replace(/product-management/, `round-trip-${format}`);
      const back = await (
        await upload(`fileName=ladder.${format}&dryRun=true`, renamed, "application/octet-stream")
      ).json();
      expect(back.preview.framework).toEqual({ ...original.document, slug: `round-trip-${format}` });
    }
  });

  it("exports CSV and XLSX that import back to a deep-equal framework", async () => {
    const xlsx = await admin.fetch("/api/frameworks/product-management/versions/latest/export?format=xlsx");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const csv = await admin.fetch("/api/frameworks/product-management/versions/latest/export?format=csv");
    const original = (
      await admin.client.call(endpoints.frameworks.getVersion, {
        params: { framework: "product-management", version: 1 },
      })
    ).document;
    for (const [fileName, content] of [
      ["ladder.xlsx", await xlsx.arrayBuffer()],
      ["ladder.csv", await csv.arrayBuffer()],
    ] as const) {
      const back = await (await upload(`fileName=${fileName}&dryRun=true`, content, "application/octet-stream")).json();
      expect(back.preview.framework, fileName).toEqual(original);
    }
  });

  it("rejects bad files with located errors and writes nothing", async () => {
    const before = (await admin.client.call(endpoints.frameworks.list)).frameworks.length;

    const duplicateRows = "Competency,PM,Director\nDelivery,a,b\nDelivery,c,d\n";
    const bad = await upload("fileName=bad.csv", duplicateRows);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error).toBe("validation_failed");
    expect(body.details.some((d: { row?: number }) => d.row === 3)).toBe(true);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await upload("fileName=ladder.csv", png, "application/octet-stream")).status).toBe(415);

    const tooBig = await upload("fileName=big.csv", "a,b\n".repeat(1_400_000));
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toBe("payload_too_large");

    const badYaml = "slug: x\nname: [unclosed\n";
    const yamlError = await (await upload("fileName=x.yaml", badYaml, "application/yaml")).json();
    expect(yamlError.details[0].line).toBeGreaterThan(0);

    expect((await admin.client.call(endpoints.frameworks.list)).frameworks.length).toBe(before);
  });

  it("refuses HTML in a framework's text fields", async () => {
    const version = await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "acme", version: 2 },
    });
    await admin.client.call(endpoints.frameworkAdmin.startDraft, { params: { framework: "acme" }, body: {} });
    const document = structuredClone(version.document);
    document.description = "<script>alert(1)</script>";
    const response = await admin.fetch("/api/frameworks/acme/draft", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ document }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.details[0]).toMatchObject({
      path: "body.document.description",
      message: expect.stringMatching(/HTML/),
    });
  });

  it("explains the built-in ladder on its About endpoint, citing both sources", async () => {
    const about = await admin.client.call(endpoints.frameworks.about, { params: { framework: "product-management" } });
    expect(about.sources.map((s) => s.author)).toEqual([
      expect.stringMatching(/Torabi/),
      expect.stringMatching(/Mironov/),
    ]);
    expect(about.levels.map((l) => l.name)).toEqual([
      "Product Manager",
      "Senior Product Manager",
      "Principal Product Manager",
      "Director of Product",
      "Senior Director of Product",
      "Head of Product",
      "VP of Product",
      "Chief Product Officer",
    ]);
    expect(about.descriptors).toMatchObject({ total: 120, interpolated: 62 });
    expect(about.descriptors.interpolatedLevels).toEqual([
      "Senior Product Manager",
      "Principal Product Manager",
      "Senior Director of Product",
      "Head of Product",
    ]);
    expect(about.descriptors.interpolatedAtSourcedLevels).toEqual([
      { level: "Product Manager", competency: "Strategic partnerships" },
      { level: "Director of Product", competency: "Domain knowledge" },
    ]);
  });

  it("resolves titles onto the ladder", async () => {
    const result = await admin.client.call(endpoints.titles.resolve, {
      query: { title: "Sr. Director, Product (EMEA)" },
    });
    expect(result).toMatchObject({ levelId: "senior-director", levelName: "Senior Director of Product" });
    const designer = await admin.client.call(endpoints.titles.resolve, { query: { title: "Product Designer" } });
    expect(designer.levelId).toBeNull();
    expect(designer.reason).toMatch(/design/i);
  });
});
