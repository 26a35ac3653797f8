import type { Framework } from "./framework.ts";

export type VersionStatus = "draft" | "published";

export interface FrameworkRecord {
  id: string;
  slug: string;
  name: string;
  isBuiltin: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface FrameworkVersionRecord {
  id: string;
  frameworkId: string;
  version: number;
  status: VersionStatus;
  document: Framework;
  migrationMap: unknown;
  note: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface FrameworkSummaryRecord extends FrameworkRecord {
  latestPublishedVersion: number | null;
  draftVersion: number | null;
  levelCount: number;
  competencyCount: number;
}

/** Storage for frameworks and their versions. Holds no rules: the service decides. */
export interface FrameworkRepository {
  list(): Promise<FrameworkSummaryRecord[]>;
  findById(id: string): Promise<FrameworkRecord | null>;
  findBySlug(slug: string): Promise<FrameworkRecord | null>;
  listVersions(frameworkId: string): Promise<FrameworkVersionRecord[]>;
  findVersion(frameworkId: string, version: number): Promise<FrameworkVersionRecord | null>;
  create(input: {
    slug: string;
    name: string;
    isBuiltin: boolean;
    document: Framework;
    status: VersionStatus;
    note?: string;
  }): Promise<{ framework: FrameworkRecord; version: FrameworkVersionRecord }>;
  insertVersion(input: {
    frameworkId: string;
    version: number;
    status: VersionStatus;
    document: Framework;
    migrationMap?: unknown;
    note?: string;
  }): Promise<FrameworkVersionRecord>;
  updateDraft(
    versionId: string,
    patch: { document?: Framework; migrationMap?: unknown; note?: string },
  ): Promise<FrameworkVersionRecord>;
  markPublished(versionId: string, at: Date): Promise<FrameworkVersionRecord>;
  deleteVersion(versionId: string): Promise<void>;
  rename(frameworkId: string, name: string): Promise<void>;
}
