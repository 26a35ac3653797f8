import { AppError } from "../errors/app-error.ts";
import type { Framework } from "./framework.ts";
import type { FrameworkRecord, FrameworkRepository, FrameworkVersionRecord } from "./ports.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading and seeding frameworks. Publishing and drafts live in their own use cases. */
export class FrameworkCatalog {
  /** Framework ids by slug or id: a framework keeps both for life, so the mapping never goes stale. */
  private readonly ids = new Map<string, string>();

  constructor(private readonly repository: FrameworkRepository) {}

  private async idOf(ref: string): Promise<string> {
    const known = this.ids.get(ref);
    if (known) return known;
    const { id } = await this.resolve(ref);
    this.ids.set(ref, id);
    return id;
  }

  list() {
    return this.repository.list();
  }

  /** Finds a framework by uuid or slug. */
  async resolve(ref: string): Promise<FrameworkRecord> {
    const found = UUID.test(ref) ? await this.repository.findById(ref) : await this.repository.findBySlug(ref);
    if (!found) throw new AppError("not_found", `No framework with id or slug "${ref}"`);
    return found;
  }

  async detail(ref: string) {
    const framework = await this.resolve(ref);
    const versions = await this.repository.listVersions(framework.id);
    const summary = (await this.repository.list()).find((f) => f.id === framework.id);
    if (!summary) throw new AppError("not_found", `No framework with id or slug "${ref}"`);
    return { ...summary, versions };
  }

  /** "latest" is the newest published version, or the draft when nothing is published yet. */
  async version(ref: string, version: number | "latest"): Promise<FrameworkVersionRecord> {
    const frameworkId = await this.idOf(ref);
    if (version === "latest") {
      const versions = await this.repository.listVersions(frameworkId);
      const latest = versions.filter((v) => v.status === "published").at(-1) ?? versions.at(-1);
      if (!latest) throw new AppError("not_found", `Framework "${ref}" has no versions`);
      return latest;
    }
    const found = await this.repository.findVersion(frameworkId, version);
    if (!found) throw new AppError("not_found", `Framework "${ref}" has no version ${version}`);
    return found;
  }

  /** Puts a built-in framework in the database as published version 1, unless its slug exists. */
  async ensureBuiltin(document: Framework): Promise<{ created: boolean; framework: FrameworkRecord }> {
    const existing = await this.repository.findBySlug(document.slug);
    if (existing) return { created: false, framework: existing };
    const { framework } = await this.repository.create({
      slug: document.slug,
      name: document.name,
      isBuiltin: true,
      document,
      status: "published",
      note: "Built-in ladder",
    });
    return { created: true, framework };
  }
}
