import { AppError } from "../errors/app-error.ts";
import { diffFrameworks, type FrameworkDiff } from "./diff-frameworks.ts";
import type { Framework } from "./framework.ts";
import { FrameworkCatalog } from "./framework-catalog.ts";
import type { FrameworkRepository, FrameworkVersionRecord } from "./ports.ts";
import { formatIssuePath, validateFramework } from "./validate-framework.ts";
import { inferMigrationMap } from "./infer-migration-map.ts";
import type { FrameworkMigrationMap } from "./migration-map.ts";
import { validateMigrationMap } from "./validate-migration-map.ts";

/** Throws validation_failed listing every issue, each with its path. */
export function assertValidFramework(document: unknown, what = "framework"): asserts document is Framework {
  const issues = validateFramework(document);
  if (issues.length === 0) return;
  const [first] = issues;
  throw new AppError(
    "validation_failed",
    `The ${what} has ${issues.length} problem(s); first: ${first ? `${formatIssuePath(first.path)}: ${first.message}` : ""}`,
    issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}

/**
 * Drafts and publishing. Published versions never change: edits happen on the one draft,
 * which publishing turns into the next immutable version.
 */
export class FrameworkEditor {
  private readonly catalog: FrameworkCatalog;

  constructor(private readonly repository: FrameworkRepository) {
    this.catalog = new FrameworkCatalog(repository);
  }

  /** A new framework whose first version is a draft (e.g. from a spreadsheet import). */
  async createFramework(document: unknown, note?: string) {
    assertValidFramework(document);
    if (await this.repository.findBySlug(document.slug)) {
      throw new AppError("conflict", `A framework with slug "${document.slug}" already exists`, [
        { path: "slug", message: "choose another slug or import as a new version of that framework" },
      ]);
    }
    return this.repository.create({
      slug: document.slug,
      name: document.name,
      isBuiltin: false,
      document,
      status: "draft",
      ...(note === undefined ? {} : { note }),
    });
  }

  /**
   * An imported framework: a new slug creates a framework; a known slug starts a draft version of it, as
   * long as the name matches (a different name under a taken slug is most likely another ladder).
   */
  async importFramework(document: unknown, note?: string): Promise<{ frameworkId: string; version: number }> {
    assertValidFramework(document);
    const existing = await this.repository.findBySlug(document.slug);
    if (!existing) {
      const created = await this.createFramework(document, note);
      return { frameworkId: created.framework.id, version: created.version.version };
    }
    if (existing.name !== document.name) {
      throw new AppError(
        "conflict",
        `The slug "${document.slug}" belongs to the framework "${existing.name}", not "${document.name}"`,
        [{ path: "slug", message: "choose another slug, or keep the framework's name to import a new version" }],
      );
    }
    const draft = await this.startDraft(existing.slug, document, note);
    return { frameworkId: existing.id, version: draft.version };
  }

  private async requireDraft(ref: string) {
    const framework = await this.catalog.resolve(ref);
    const versions = await this.repository.listVersions(framework.id);
    const draft = versions.find((v) => v.status === "draft");
    if (!draft) throw new AppError("not_found", `Framework "${ref}" has no draft; start one first`);
    return { framework, draft, versions };
  }

  /** Starts a draft as a copy of the latest version; `document` replaces the copy when given. */
  async startDraft(ref: string, document?: unknown, note?: string): Promise<FrameworkVersionRecord> {
    const framework = await this.catalog.resolve(ref);
    const versions = await this.repository.listVersions(framework.id);
    if (versions.some((v) => v.status === "draft")) {
      throw new AppError("conflict", `Framework "${ref}" already has a draft; edit or discard it`);
    }
    const latest = versions.at(-1);
    const next = document ?? (latest ? structuredClone(latest.document) : undefined);
    assertValidFramework(next);
    if (next.slug !== framework.slug) {
      throw new AppError("validation_failed", `A new version must keep the slug "${framework.slug}"`, [
        { path: "slug", message: `expected "${framework.slug}", got "${next.slug}"` },
      ]);
    }
    return this.repository.insertVersion({
      frameworkId: framework.id,
      version: (latest?.version ?? 0) + 1,
      status: "draft",
      document: next,
      ...(note === undefined ? {} : { note }),
    });
  }

  async saveDraft(ref: string, document: unknown, note?: string): Promise<FrameworkVersionRecord> {
    const { framework, draft } = await this.requireDraft(ref);
    assertValidFramework(document);
    if (document.slug !== framework.slug) {
      throw new AppError("validation_failed", `The draft must keep the slug "${framework.slug}"`, [
        { path: "slug", message: `expected "${framework.slug}", got "${document.slug}"` },
      ]);
    }
    return this.repository.updateDraft(draft.id, { document, ...(note === undefined ? {} : { note }) });
  }

  async discardDraft(ref: string): Promise<void> {
    const { draft } = await this.requireDraft(ref);
    await this.repository.deleteVersion(draft.id);
  }

  /**
   * Publishes the draft. The migration map from the previous published version is checked when
   * given, and inferred from the diff (renames by matching names) when not.
   */
  async publish(ref: string, options: { note?: string; migrationMap?: FrameworkMigrationMap } = {}) {
    const { framework, draft, migrationMap } = await this.prepareMigration(ref, options.migrationMap);
    if (options.note !== undefined || migrationMap !== undefined) {
      await this.repository.updateDraft(draft.id, {
        ...(options.note === undefined ? {} : { note: options.note }),
        ...(migrationMap === undefined ? {} : { migrationMap }),
      });
    }
    const published = await this.repository.markPublished(draft.id, new Date());
    if (published.document.name !== framework.name) await this.repository.rename(framework.id, published.document.name);
    return published;
  }

  /**
   * The draft, the version it follows and the checked map between them (inferred when not given), without
   * writing anything: what a dry run of the migration and the publishing itself both start from.
   */
  async prepareMigration(ref: string, given?: FrameworkMigrationMap) {
    const { framework, draft, versions } = await this.requireDraft(ref);
    assertValidFramework(draft.document);
    const previous = versions.filter((v) => v.status === "published").at(-1);
    const migrationMap = previous ? this.checkedMigrationMap(given, previous.document, draft.document) : undefined;
    return { framework, draft, previous, migrationMap };
  }

  private checkedMigrationMap(
    given: FrameworkMigrationMap | undefined,
    before: Framework,
    after: Framework,
  ): FrameworkMigrationMap {
    if (!given) return inferMigrationMap(before, after);
    const issues = validateMigrationMap(given, before, after);
    if (issues.length > 0) {
      throw new AppError(
        "validation_failed",
        `The migration map has ${issues.length} problem(s)`,
        issues.map((issue) => ({ path: `migrationMap.${formatIssuePath(issue.path)}`, message: issue.message })),
      );
    }
    return given;
  }

  async diff(
    ref: string,
    from: number | "latest",
    to: number | "latest",
  ): Promise<{ from: number; to: number; diff: FrameworkDiff }> {
    const [before, after] = await Promise.all([this.catalog.version(ref, from), this.catalog.version(ref, to)]);
    return { from: before.version, to: after.version, diff: diffFrameworks(before.document, after.document) };
  }
}
