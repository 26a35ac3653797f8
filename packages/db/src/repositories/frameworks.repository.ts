import { and, asc, desc, eq } from "drizzle-orm";
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

export class DrizzleFrameworkRepository implements FrameworkRepository {
  constructor(private readonly db: AppDatabase) {}

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
    const rows = await this.db
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.frameworkId, frameworkId))
      .orderBy(asc(frameworkVersions.version));
    return rows.map(toVersion);
  }

  async findVersion(frameworkId: string, version: number): Promise<FrameworkVersionRecord | null> {
    const [row] = await this.db
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.version, version)));
    return row ? toVersion(row) : null;
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
