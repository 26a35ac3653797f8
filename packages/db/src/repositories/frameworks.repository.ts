import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type {
  Framework,
  FrameworkRecord,
  FrameworkRepository,
  FrameworkSummaryRecord,
  FrameworkVersionRecord,
  VersionStatus,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { frameworks, frameworkVersions } from "../schema/index.ts";

type VersionRow = typeof frameworkVersions.$inferSelect;

function toVersion(row: VersionRow): FrameworkVersionRecord {
  return { ...row, status: row.status as VersionStatus, document: row.document as Framework };
}

/** A version's columns without its two JSON documents, which are the expensive part to send and parse. */
const versionHeader = {
  id: frameworkVersions.id,
  frameworkId: frameworkVersions.frameworkId,
  version: frameworkVersions.version,
  status: frameworkVersions.status,
  note: frameworkVersions.note,
  createdAt: frameworkVersions.createdAt,
  publishedAt: frameworkVersions.publishedAt,
};

type VersionBody = Pick<FrameworkVersionRecord, "document" | "migrationMap">;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class DrizzleFrameworkRepository implements FrameworkRepository {
  /**
   * Documents of published versions, by version id. A published version never changes (only drafts
   * are edited, and publishing makes a new version), so the cache needs no invalidation, even with
   * several servers on one database: the list of versions is always read from the database, only
   * the immutable bodies come from here. They are frozen, since every caller shares them.
   */
  private readonly publishedBodies = new Map<string, VersionBody>();

  constructor(private readonly db: AppDatabase) {}

  /** Versions matching `where`, in order, with their documents from the cache when published. */
  private async versionsWhere(where: SQL | undefined): Promise<FrameworkVersionRecord[]> {
    const headers = await this.db
      .select(versionHeader)
      .from(frameworkVersions)
      .where(where)
      .orderBy(asc(frameworkVersions.version));
    const missing = headers.filter((h) => !(h.status === "published" && this.publishedBodies.has(h.id)));
    const loaded = new Map<string, VersionBody>();
    if (missing.length > 0) {
      const bodies = await this.db
        .select({
          id: frameworkVersions.id,
          document: frameworkVersions.document,
          migrationMap: frameworkVersions.migrationMap,
        })
        .from(frameworkVersions)
        .where(
          inArray(
            frameworkVersions.id,
            missing.map((h) => h.id),
          ),
        );
      for (const { id, document, migrationMap } of bodies) {
        loaded.set(id, { document: document as Framework, migrationMap });
      }
    }
    return headers.flatMap((header) => {
      const cached = this.publishedBodies.get(header.id);
      const body = cached ?? loaded.get(header.id);
      // A version deleted between the two reads is left out, as if the first read had come later.
      if (!body) return [];
      if (!cached && header.status === "published") this.publishedBodies.set(header.id, deepFreeze(body));
      return [{ ...header, ...body, status: header.status as VersionStatus }];
    });
  }

  async list(): Promise<FrameworkSummaryRecord[]> {
    const rows = await this.db.select().from(frameworks).orderBy(asc(frameworks.name));
    const versions = await this.db
      .select({
        frameworkId: frameworkVersions.frameworkId,
        version: frameworkVersions.version,
        status: frameworkVersions.status,
        document: frameworkVersions.document,
      })
      .from(frameworkVersions)
      .orderBy(desc(frameworkVersions.version));
    return rows.map((fw) => {
      const own = versions.filter((v) => v.frameworkId === fw.id);
      const published = own.find((v) => v.status === "published");
      const draft = own.find((v) => v.status === "draft");
      const current = (published ?? draft)?.document as Framework | undefined;
      return {
        ...fw,
        latestPublishedVersion: published?.version ?? null,
        draftVersion: draft?.version ?? null,
        levelCount: current?.levels.length ?? 0,
        competencyCount: current?.competencies.length ?? 0,
      };
    });
  }

  async findById(id: string): Promise<FrameworkRecord | null> {
    const [row] = await this.db.select().from(frameworks).where(eq(frameworks.id, id));
    return row ?? null;
  }

  async findBySlug(slug: string): Promise<FrameworkRecord | null> {
    const [row] = await this.db.select().from(frameworks).where(eq(frameworks.slug, slug));
    return row ?? null;
  }

  async listVersions(frameworkId: string): Promise<FrameworkVersionRecord[]> {
    return this.versionsWhere(eq(frameworkVersions.frameworkId, frameworkId));
  }

  async findVersion(frameworkId: string, version: number): Promise<FrameworkVersionRecord | null> {
    const [found] = await this.versionsWhere(
      and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.version, version)),
    );
    return found ?? null;
  }

  async create(input: {
    slug: string;
    name: string;
    isBuiltin: boolean;
    document: Framework;
    status: VersionStatus;
    note?: string;
  }): Promise<{ framework: FrameworkRecord; version: FrameworkVersionRecord }> {
    return this.db.transaction(async (tx) => {
      const [framework] = await tx
        .insert(frameworks)
        .values({ slug: input.slug, name: input.name, isBuiltin: input.isBuiltin })
        .returning();
      if (!framework) throw new Error("insert into frameworks returned no row");
      const [version] = await tx
        .insert(frameworkVersions)
        .values({
          frameworkId: framework.id,
          version: 1,
          status: input.status,
          document: input.document,
          note: input.note ?? null,
          publishedAt: input.status === "published" ? new Date() : null,
        })
        .returning();
      if (!version) throw new Error("insert into framework_versions returned no row");
      return { framework, version: toVersion(version) };
    });
  }

  async insertVersion(input: {
    frameworkId: string;
    version: number;
    status: VersionStatus;
    document: Framework;
    migrationMap?: unknown;
    note?: string;
  }): Promise<FrameworkVersionRecord> {
    const [row] = await this.db
      .insert(frameworkVersions)
      .values({
        frameworkId: input.frameworkId,
        version: input.version,
        status: input.status,
        document: input.document,
        migrationMap: input.migrationMap ?? null,
        note: input.note ?? null,
        publishedAt: input.status === "published" ? new Date() : null,
      })
      .returning();
    if (!row) throw new Error("insert into framework_versions returned no row");
    await this.touch(input.frameworkId);
    return toVersion(row);
  }

  private async touch(frameworkId: string): Promise<void> {
    await this.db.update(frameworks).set({ updatedAt: new Date() }).where(eq(frameworks.id, frameworkId));
  }

  async updateDraft(
    versionId: string,
    patch: { document?: Framework; migrationMap?: unknown; note?: string },
  ): Promise<FrameworkVersionRecord> {
    const [row] = await this.db
      .update(frameworkVersions)
      .set(patch)
      .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.status, "draft")))
      .returning();
    if (!row) throw new Error(`draft version ${versionId} not found`);
    await this.touch(row.frameworkId);
    return toVersion(row);
  }

  async markPublished(versionId: string, at: Date): Promise<FrameworkVersionRecord> {
    const [row] = await this.db
      .update(frameworkVersions)
      .set({ status: "published", publishedAt: at })
      .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.status, "draft")))
      .returning();
    if (!row) throw new Error(`draft version ${versionId} not found`);
    await this.touch(row.frameworkId);
    return toVersion(row);
  }

  async deleteVersion(versionId: string): Promise<void> {
    const [row] = await this.db.delete(frameworkVersions).where(eq(frameworkVersions.id, versionId)).returning();
    if (row) await this.touch(row.frameworkId);
  }

  async rename(frameworkId: string, name: string): Promise<void> {
    await this.db.update(frameworks).set({ name, updatedAt: new Date() }).where(eq(frameworks.id, frameworkId));
  }
}
