import { expect, it } from "vitest";
import { FrameworkCatalog, FrameworkEditor } from "@ascent/core";
import { buildFramework } from "@ascent/core/testing";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";

describeEachDriver("frameworks repository and editor", (db) => {
  const services = () => {
    const repository = new DrizzleFrameworkRepository(db().db);
    return { repository, catalog: new FrameworkCatalog(repository), editor: new FrameworkEditor(repository) };
  };

  it("seeds a built-in framework once, as published version 1", async () => {
    const { catalog } = services();
    const document = buildFramework({ slug: "builtin-ladder", name: "Built-in" });
    expect((await catalog.ensureBuiltin(document)).created).toBe(true);
    expect((await catalog.ensureBuiltin(document)).created).toBe(false);
    const version = await catalog.version("builtin-ladder", "latest");
    expect(version).toMatchObject({ version: 1, status: "published" });
    expect(version.document).toEqual(document);
    const [summary] = (await catalog.list()).filter((f) => f.slug === "builtin-ladder");
    expect(summary).toMatchObject({ isBuiltin: true, latestPublishedVersion: 1, draftVersion: null, levelCount: 3 });
  });

  it("creates a draft, publishes it, then versions edits on a new draft", async () => {
    const { catalog, editor } = services();
    const document = buildFramework({ slug: "imported", name: "Imported ladder" });
    await editor.createFramework(document);
    expect((await catalog.version("imported", 1)).status).toBe("draft");
    await editor.publish("imported", { note: "first" });

    const draft = await editor.startDraft("imported");
    expect(draft).toMatchObject({ version: 2, status: "draft" });
    const edited = structuredClone(draft.document);
    edited.name = "Imported ladder, revised";
    edited.competencies = edited.competencies.filter((c) => c.id !== "communication");
    for (const row of Object.values(edited.expectations)) delete row.communication;
    await editor.saveDraft("imported", edited);
    await expect(
      editor.publish("imported", {
        migrationMap: { competencies: [{ kind: "rename", from: "nope", to: "strategy" }], levels: [] },
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const published = await editor.publish("imported");
    expect(published).toMatchObject({ version: 2, status: "published" });
    expect(published.migrationMap).toEqual({ competencies: [{ kind: "remove", id: "communication" }], levels: [] });

    const v1 = await catalog.version("imported", 1);
    expect(v1.document).toEqual(document);
    expect((await catalog.resolve("imported")).name).toBe("Imported ladder, revised");

    const { diff } = await editor.diff("imported", 1, 2);
    expect(diff.competencies.removed.map((c) => c.id)).toEqual(["communication"]);
    expect(diff.framework).toEqual([{ field: "name", before: "Imported ladder", after: "Imported ladder, revised" }]);
  });

  it("refuses a second draft, a duplicate slug and an invalid document, writing nothing", async () => {
    const { catalog, editor } = services();
    await editor.createFramework(buildFramework({ slug: "strict" }));
    await expect(editor.startDraft("strict")).rejects.toMatchObject({ code: "conflict" });
    await expect(editor.createFramework(buildFramework({ slug: "strict" }))).rejects.toMatchObject({
      code: "conflict",
    });
    const broken = buildFramework({ slug: "broken" });
    broken.levels[1] = { ...broken.levels[1]!, id: "pm" };
    await expect(editor.createFramework(broken)).rejects.toMatchObject({ code: "validation_failed" });
    expect((await catalog.list()).map((f) => f.slug)).not.toContain("broken");
  });

  it("reports unknown frameworks and versions as not_found", async () => {
    const { catalog } = services();
    await expect(catalog.resolve("nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(catalog.version("strict", 99)).rejects.toMatchObject({ code: "not_found" });
  });
});
