import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signInAsFirstAdmin, type HttpSession } from "../support/http-session.ts";

/** YAML and JSON imports honour a given name and slug, as spreadsheets do. */
describe("importing a framework document under a name and slug", () => {
  let server: TestServer;
  let admin: HttpSession;
  let yaml: string;
  let json: string;

  const upload = (query: string, body: string, contentType: string) =>
    admin.fetch(`/api/frameworks/import?${query}`, { method: "POST", headers: { "content-type": contentType }, body });

  const summaries = async () => (await admin.client.call(endpoints.frameworks.list)).frameworks;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAsFirstAdmin(server);
    const exported = (format: string) =>
      admin.fetch(`/api/frameworks/product-management/versions/latest/export?format=${format}`);
    yaml = await (await exported("yaml")).text();
    json = await (await exported("json")).text();
  });
  afterAll(async () => server?.stop());

  it("creates a new framework for a new slug, in YAML and in JSON", async () => {
    const fromYaml = await upload("fileName=ladder.yaml&name=Design%20ladder&slug=design", yaml, "application/yaml");
    expect(fromYaml.status).toBe(200);
    expect((await fromYaml.json()).created).toMatchObject({ slug: "design", name: "Design ladder", draftVersion: 1 });

    const fromJson = await upload("fileName=ladder.json&name=Data%20ladder&slug=data", json, "application/json");
    expect(fromJson.status).toBe(200);
    expect((await fromJson.json()).created).toMatchObject({ slug: "data", name: "Data ladder" });
    expect((await summaries()).map((f) => f.slug).sort()).toEqual(["data", "design", "product-management"]);
  });

  it("starts a new draft version when the slug exists under the same name", async () => {
    const published = await admin.fetch("/api/frameworks/design/publish", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ note: "First cut" }),
    });
    expect(published.status).toBe(200);
    const again = await upload("fileName=ladder.yaml&name=Design%20ladder&slug=design", yaml, "application/yaml");
    expect(again.status).toBe(200);
    expect((await again.json()).created).toMatchObject({
      slug: "design",
      latestPublishedVersion: 1,
      draftVersion: 2,
    });
  });

  it("refuses a known slug under a different name, naming both, and creates nothing", async () => {
    const before = await summaries();
    const clash = await upload("fileName=ladder.yaml&name=Marketing%20ladder&slug=design", yaml, "application/yaml");
    expect(clash.status).toBe(409);
    const body = await clash.json();
    expect(body.message).toBe('The slug "design" belongs to the framework "Design ladder", not "Marketing ladder"');
    expect(body.details).toEqual([{ path: "slug", message: expect.stringContaining("choose another slug") }]);
    expect(await summaries()).toEqual(before);
  });
});
