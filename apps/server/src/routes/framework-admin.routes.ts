import {
  ADMIN,
  AppError,
  type Framework,
  type FrameworkMigration,
  type FrameworkCatalog,
  type FrameworkEditor,
} from "@ascent/core";
import { endpoints, type TImportPreview } from "@ascent/contract";
import {
  exportFrameworkCsv,
  exportFrameworkMarkdown,
  exportFrameworkXlsx,
  readFrameworkFile,
  serializeFramework,
} from "@ascent/formats";
import { route, type FileDownload } from "../route-table.ts";
import { withFormatErrors } from "../format-errors.ts";
import { presentFrameworkSummary, presentFrameworkVersion } from "../presenters/framework.ts";

function previewOfDocument(framework: Framework, format: "yaml" | "json"): TImportPreview {
  return {
    format,
    levels: framework.levels.map(({ id, name, rank }) => ({ id, name, rank })),
    competencies: framework.competencies.map(({ id, name, area }) => ({ id, name, area })),
    emptyCells: [],
    warnings: [],
    framework,
  };
}

async function exportFile(framework: Framework, version: number, format: string): Promise<FileDownload> {
  const base = `${framework.slug}-v${version}`;
  switch (format) {
    case "yaml":
      return {
        fileName: `${base}.yaml`,
        contentType: "application/yaml; charset=utf-8",
        content: serializeFramework(framework, "yaml"),
      };
    case "json":
      return {
        fileName: `${base}.json`,
        contentType: "application/json; charset=utf-8",
        content: serializeFramework(framework, "json"),
      };
    case "csv":
      return {
        fileName: `${base}.csv`,
        contentType: "text/csv; charset=utf-8",
        content: exportFrameworkCsv(framework),
      };
    case "xlsx":
      return {
        fileName: `${base}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        content: await exportFrameworkXlsx(framework),
      };
    default:
      return {
        fileName: `${base}.md`,
        contentType: "text/markdown; charset=utf-8",
        content: exportFrameworkMarkdown(framework),
      };
  }
}

export function frameworkAdminRoutes(
  catalog: FrameworkCatalog,
  editor: FrameworkEditor,
  frameworkMigration: Pick<FrameworkMigration, "preview" | "publish">,
) {
  const api = endpoints.frameworkAdmin;
  return [
    route({
      endpoint: api.import,
      policy: ADMIN,
      handler: async ({ query, body }) => {
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError("validation_failed", "Send the file as the request body", [
            { path: "body", message: "empty body: expected a YAML, JSON, CSV or XLSX file" },
          ]);
        }
        const file = await withFormatErrors(() =>
          readFrameworkFile(query.fileName, body, {
            ...(query.sheet ? { sheet: query.sheet } : {}),
            ...(query.name ? { name: query.name } : {}),
            ...(query.slug ? { slug: query.slug } : {}),
          }),
        );
        const preview: TImportPreview =
          file.kind === "document"
            ? previewOfDocument(
                {
                  ...file.framework,
                  ...(query.name ? { name: query.name } : {}),
                  ...(query.slug ? { slug: query.slug } : {}),
                },
                file.format,
              )
            : { format: file.format, ...file.preview };
        if (query.dryRun) return { preview };
        const { frameworkId } = await editor.importFramework(preview.framework, `Imported from ${query.fileName}`);
        const summary = (await catalog.list()).find((f) => f.id === frameworkId);
        if (!summary) throw new AppError("internal", "The imported framework could not be read back");
        return { preview, created: presentFrameworkSummary(summary) };
      },
    }),
    route({
      endpoint: api.export,
      policy: ADMIN,
      handler: async ({ params, query }) => {
        const version = await catalog.version(params.framework, params.version);
        return exportFile(version.document, version.version, query.format);
      },
    }),
    route({
      endpoint: api.startDraft,
      policy: ADMIN,
      handler: async ({ params, body }) =>
        presentFrameworkVersion(await editor.startDraft(params.framework, undefined, body.note)),
    }),
    route({
      endpoint: api.saveDraft,
      policy: ADMIN,
      handler: async ({ params, body }) =>
        presentFrameworkVersion(await editor.saveDraft(params.framework, body.document, body.note)),
    }),
    route({
      endpoint: api.discardDraft,
      policy: ADMIN,
      handler: async ({ params }) => {
        await editor.discardDraft(params.framework);
        return null;
      },
    }),
    route({
      endpoint: api.publish,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => {
        const { version, report } = await frameworkMigration.publish(viewer, params.framework, body);
        return { ...presentFrameworkVersion(version), migration: report };
      },
    }),
    route({
      endpoint: api.previewMigration,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => frameworkMigration.preview(viewer, params.framework, body),
    }),
    route({
      endpoint: api.diff,
      policy: ADMIN,
      handler: async ({ params, query }) => editor.diff(params.framework, query.from, query.to),
    }),
  ];
}
